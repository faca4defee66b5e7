// The module for the browser (issue 16): its size, and how long module.render takes for every
// lesson with one of its values changed, the panel's recompute. Run with Node.js after
// scripts/build-web:
//   node bench/web_bench.js [build-web/nntrace-web.js]
// Writes its section of bench/latest.md (between the web-bench markers; scripts/bench keeps the
// rest of the file) and prints it. Goals: module ≤ 3 MB; a recompute ≤ 100 ms for every lesson,
// ≤ 300 ms for net-222 (10 rounds of training).
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { performance } = require('perf_hooks');

const root = path.resolve(__dirname, '..');
const modulePath = path.resolve(process.argv[2] || path.join(root, 'build-web', 'nntrace-web.js'));
const repetitions = 7;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

// The lesson's first parameter written with a decimal point (a weight, a rate), else its first
// number, nudged: the recompute the panel makes when a reader changes one value.
function changedSetting(lessonId) {
  const text = fs.readFileSync(path.join(root, 'lessons', lessonId, 'lesson.toml'), 'utf8');
  const block = text.split(/^\[parameters\]\s*$/m)[1];
  if (!block) return [];
  const numbers = [];
  for (const line of block.split('\n')) {
    if (/^\s*\[/.test(line)) break;
    const m = line.match(/^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(-?\d+(\.\d+)?)\s*(#.*)?$/);
    if (m) numbers.push({ name: m[1], value: Number(m[2]), decimal: m[3] !== undefined });
  }
  const chosen = numbers.find((n) => n.decimal) || numbers[0];
  return chosen ? [[chosen.name, String(Math.round(chosen.value * 0.9 * 1e6) / 1e6)]] : [];
}

// Wall time of one call and the process's CPU time over it, in ms.
function timed(call) {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = call();
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { result, wall, cpu: (used.user + used.system) / 1000 };
}

async function main() {
  const size = fs.statSync(modulePath).size;
  const createNntrace = require(modulePath);
  const load = performance.now();
  const module = await createNntrace();
  const loadMs = performance.now() - load;
  const lessons = fs.readdirSync(path.join(root, 'lessons')).filter((id) =>
    fs.existsSync(path.join(root, 'lessons', id, 'lesson.toml'))).sort();

  const rows = [];
  for (const lesson of lessons) {
    let settings = changedSetting(lesson);
    const request = (s) => JSON.stringify({ what: 'lesson', lesson, lang: 'en', settings: s });
    const first = timed(() => JSON.parse(module.render(request([]))));
    if (!first.result.ok) throw new Error(`${lesson}: ${JSON.stringify(first.result.errors)}`);
    if (!JSON.parse(module.render(request(settings))).ok) settings = [];
    const walls = [], cpus = [];
    for (let i = 0; i < repetitions; ++i) {
      const t = timed(() => module.render(request(settings)));
      walls.push(t.wall);
      cpus.push(t.cpu);
    }
    const goal = lesson === 'net-222' ? 300 : 100;
    rows.push({ lesson, settings, first: first.wall, wall: median(walls), cpu: median(cpus), goal });
  }

  const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const cpu = os.cpus()[0] ? os.cpus()[0].model : 'unknown CPU';
  const mb = (size / 1e6).toFixed(2);
  const lines = [
    '<!-- web-bench: written by bench/web_bench.js -->',
    '## The module for the browser (issue 16)',
    '',
    `${when} UTC, ${cpu}, ${os.cpus().length} cores (shared), Node.js ${process.version}. ` +
      `Module ${path.relative(root, modulePath)}: ${size.toLocaleString('en')} bytes (${mb} MB; goal ≤ 3 MB: ` +
      `${size <= 3e6 ? 'met' : '**not met**'}); createNntrace() ${loadMs.toFixed(0)} ms. ` +
      `Per lesson: the first render (the WebAssembly is compiled as it first runs), then the median of ` +
      `${repetitions} recomputes with the value shown changed (wall time, and the process's CPU time, ` +
      'which also counts the engine\'s background compiling). The goal is judged on the CPU time: on a ' +
      'machine shared with other builds the wall time measures the queue for a core, not the module.',
    '',
    '| lesson | changed | first render | recompute (wall) | recompute (CPU) | goal | |',
    '|---|---|---:|---:|---:|---:|---|',
  ];
  for (const r of rows) {
    const changed = r.settings.length ? `${r.settings[0][0]}=${r.settings[0][1]}` : '(none)';
    lines.push(`| ${r.lesson} | ${changed} | ${r.first.toFixed(0)} ms | ${r.wall.toFixed(1)} ms | ` +
      `${r.cpu.toFixed(1)} ms | ≤ ${r.goal} ms | ${r.cpu <= r.goal ? 'met' : '**not met**'} |`);
  }
  lines.push('<!-- /web-bench -->');
  const section = lines.join('\n') + '\n';
  process.stdout.write(section);

  const latest = path.join(root, 'bench', 'latest.md');
  const old = fs.existsSync(latest) ? fs.readFileSync(latest, 'utf8') : '# Latest benchmark figures\n';
  const kept = old.replace(/\n?<!-- web-bench:[\s\S]*?<!-- \/web-bench -->\n?/, '\n');
  fs.writeFileSync(latest, kept.replace(/\n*$/, '\n\n') + section);
}

main().catch((e) => {
  console.error(`web_bench: ${e.message || e}`);
  process.exit(1);
});
