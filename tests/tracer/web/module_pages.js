// The module for the browser against the native program: every lesson page the module renders at
// the lesson's own values is byte for byte the page `nntrace build` writes (two compilers, two
// standard libraries, one engine), and a changed value gives the figures `nntrace run --set`
// gives. Exits 77 (CTest: skipped) when scripts/build-web has not built the module.
//   node module_pages.js NNTRACE MODULE SOURCE_HOME
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');

const [nntrace, modulePath, home] = process.argv.slice(2);
if (!fs.existsSync(modulePath)) {
  console.log(`${modulePath} not built (scripts/build-web): skipped`);
  process.exit(77);
}
const env = { ...process.env, NNTRACE_HOME: home };
const failures = [];

function shownValue(args, key) {
  const record = JSON.parse(execFileSync(nntrace, args, { env, encoding: 'utf8' }));
  for (const section of record.sections)
    for (const item of section.items)
      if (item.kind === 'step' && item.key === key) return item.value.shown;
  throw new Error(`no step ${key}`);
}

require(path.resolve(modulePath))().then((module) => {
  const render = (request) => JSON.parse(module.render(JSON.stringify(request)));
  const course = fs.mkdtempSync(path.join(os.tmpdir(), 'nntrace-module-pages-'));
  try {
    execFileSync(nntrace, ['build', '--out', course], { env, stdio: ['ignore', 'ignore', 'ignore'] });
    const lessons = fs.readdirSync(path.join(home, 'lessons')).filter((id) =>
      fs.existsSync(path.join(home, 'lessons', id, 'lesson.toml')));
    for (const lesson of lessons)
      for (const lang of ['en', 'zh']) {
        const answer = render({ what: 'lesson', lesson, lang, settings: [] });
        const page = fs.readFileSync(path.join(course, lesson, lang, 'index.html'), 'utf8');
        if (!answer.ok || answer.html !== page) failures.push(`${lesson}/${lang}: the module's page differs from nntrace build's`);
      }
    const changed = render({ what: 'lesson', lesson: 'net-222', lang: 'en', settings: [['w5', '0.3']] });
    for (const key of ['E_total', 'dE_total/dw5']) {
      const shown = shownValue(['run', 'net-222', '--set', 'w5=0.3', '--format', 'json'], key);
      if (!changed.ok || !changed.html.includes(shown)) failures.push(`net-222 w5=0.3: ${key} ${shown} not on the page`);
    }
  } finally {
    fs.rmSync(course, { recursive: true, force: true });
  }
  for (const f of failures) console.log(f);
  console.log(failures.length ? `${failures.length} failed` : 'the module renders what nntrace writes');
  process.exit(failures.length ? 1 : 0);
}).catch((e) => {
  console.log(`module_pages: ${e.stack || e}`);
  process.exit(1);
});
