"""The interactive pages (issue 16) in headless Chromium, with no network, from file://: a lesson
page opened with settings in its URL fragment recomputes itself through the WebAssembly module,
and its <main> then shows the values `nntrace run … --set … --format json` gives; a bad value
shows its message beside its field and leaves the page as it was; the playground renders the
example problem file and judges an answer as `nntrace check` does. Every expected figure comes
from the CLI here, never from this file.
Chromium is driven over the DevTools protocol on a pipe (--remote-debugging-pipe: JSON messages
ended by NUL on file descriptors 3 and 4), so neither Puppeteer nor a WebSocket library is needed.
Usage: check_interactive.py CHROMIUM NNTRACE COURSE_DIR. Exit 1 listing every failure."""

import json
import os
import pathlib
import subprocess
import sys
import tempfile
import time

NO_NETWORK = ["--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>"]
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--allow-file-access-from-files",
         "--remote-debugging-pipe", *NO_NETWORK]
TIMEOUT = 60  # seconds for one page to recompute (the module compiles on first use)

# Waits until the page's script has answered `runs` requests and `more` holds (or the module is
# unavailable), then reports what a reader sees: the text of <main>, the messages beside the
# panel's fields, the playground's check.
WAIT = r"""
(async function (runs, more) {
  const root = document.documentElement, end = Date.now() + %d * 1000;
  while (Date.now() < end) {
    const state = root.dataset.nntraceState;
    if (state === 'unavailable' || (Number(root.dataset.nntraceRuns || 0) >= runs && state !== 'loading' && more())) break;
    await new Promise(r => setTimeout(r, 50));
  }
  const errors = {};
  document.querySelectorAll('output.error').forEach(o => { errors[o.dataset.for] = o.textContent; });
  const check = document.querySelector('.check-result');
  const rows = Array.from(document.querySelectorAll('main tr')).map(tr => Array.from(tr.cells).map(c => c.textContent.trim()));
  return JSON.stringify({state: root.dataset.nntraceState || '', runs: Number(root.dataset.nntraceRuns || 0),
                         main: document.querySelector('main').textContent, rows: rows, errors: errors,
                         redrawn: document.querySelectorAll('main figure[data-redrawn] svg').length,
                         problem_errors: (document.querySelector('ol.errors') || {}).textContent || '',
                         check: check ? check.textContent : '', verdicts: check ? check.dataset.verdicts || '' : ''});
})(%%d, () => %%s)
""" % TIMEOUT


class Chromium:
    """One headless Chromium and its DevTools pipe."""

    def __init__(self, chromium, profile):
        to_browser_r, self.to_browser = os.pipe()
        self.from_browser, from_browser_w = os.pipe()

        def child_fds():  # the browser reads commands on fd 3 and writes answers on fd 4
            a, b = os.dup(to_browser_r), os.dup(from_browser_w)
            os.dup2(a, 3)
            os.dup2(b, 4)

        self.proc = subprocess.Popen([chromium, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
                                     pass_fds=(3, 4), preexec_fn=child_fds,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        os.close(to_browser_r)
        os.close(from_browser_w)
        self.next_id, self.buffer = 0, b""

    def send(self, method, params=None, session=None):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.to_browser, json.dumps(message).encode() + b"\0")
        while True:  # events are read and dropped until the answer comes
            while b"\0" not in self.buffer:
                chunk = os.read(self.from_browser, 1 << 16)
                if not chunk:
                    raise RuntimeError(f"chromium closed its pipe: {self.proc.stderr.read()[-500:]!r}")
                self.buffer += chunk
            raw, self.buffer = self.buffer.split(b"\0", 1)
            answer = json.loads(raw)
            if answer.get("id") == self.next_id:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                return answer["result"]

    def open(self, url):
        target = self.send("Target.createTarget", {"url": url})["targetId"]
        return self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]

    def evaluate(self, session, expression):
        """The value of `expression` in the page, retried while the page is still loading."""
        end = time.time() + TIMEOUT
        while True:
            result = self.send("Runtime.evaluate", {"expression": expression, "awaitPromise": True,
                                                    "returnByValue": True}, session)
            if "exceptionDetails" not in result and result["result"].get("value") is not None:
                return result["result"]["value"]
            if time.time() > end:
                raise RuntimeError(f"the page never answered: {result}")
            time.sleep(0.2)

    def seen(self, url, runs=1):
        """The page at `url` and what a reader sees there once it has answered `runs` requests."""
        session = self.open(url)
        self.evaluate(session, "document.readyState === 'complete' && location.href.startsWith('file:') || null")
        return session, self.report(session, runs)

    def report(self, session, runs, more="true"):
        return json.loads(self.evaluate(session, WAIT % (runs, more)))

    def close(self):
        self.proc.kill()
        self.proc.wait()


def cli_json(nntrace, args):
    return json.loads(subprocess.run([nntrace, *args, "--format", "json"], check=True,
                                     capture_output=True, text=True).stdout)


def shown_values(record):
    """Every value the record's sections show, in order, as the JSON gives it ("shown")."""
    out = []

    def walk(o):
        if isinstance(o, dict):
            if isinstance(o.get("shown"), str):
                out.append(o["shown"])
            for v in o.values():
                walk(v)
        elif isinstance(o, list):
            for v in o:
                walk(v)
    walk(record["sections"])
    return out


def step_value(record, key):
    """The shown value of the first step whose key is `key`."""
    for section in record["sections"]:
        for item in section["items"]:
            if item.get("kind") == "step" and item.get("key") == key:
                return item["value"]["shown"]
    raise KeyError(key)


def on_page(shown, text):
    """Whether a value is on the page: digits as the JSON shows them, the sign as the page writes
    it (U+2212), or inside typeset math whose text keeps only the digits."""
    return shown in text or shown.replace("-", "\u2212") in text or shown.lstrip("-") in text


def changed_values(nntrace, lesson, args, count=6):
    """The first values the run with `args` shows that the lesson's own run does not."""
    base = set(shown_values(cli_json(nntrace, ["run", lesson])))
    fresh = [v for v in shown_values(cli_json(nntrace, ["run", lesson, *args])) if v not in base]
    return list(dict.fromkeys(fresh))[:count]


def cell_of(cell):
    if cell and "number" in cell:
        return ("n", cell["number"]["value"])
    return ("w", (cell or {}).get("words", {}).get("text", ""))


def table_rows(record):
    """Every row of the record's tables: ("n", value) for a number, ("w", text) for words."""
    rows = []
    for section in record["sections"]:
        for item in section["items"]:
            for row in item.get("rows", []) if item.get("kind") == "table" else []:
                rows.append(tuple(cell_of(c) for c in row))
    return rows


def changed_rows(nntrace, lesson, args, count=6):
    """The first table rows the run with `args` has and the lesson's own run does not."""
    base = set(table_rows(cli_json(nntrace, ["run", lesson])))
    return [r for r in table_rows(cli_json(nntrace, ["run", lesson, *args])) if r not in base][:count]


def row_on_page(row, page_rows):
    """Whether a table row is on the page: its numbers as the page rounds them (the page shows 2
    for the JSON's 2.000000, 9.708073 for 9.708073418…), its words as they are."""
    def same(cell, text):
        kind, want = cell
        if kind == "w":
            return text == want
        try:
            first = text.replace("\u2212", "-").split("(")[0].split()[0]  # "0.723 (0.7225)": the hand value
            decimals = len(first.split(".")[1]) if "." in first else 0
            return abs(float(first) - want) <= 0.5 * 10 ** -decimals + 1e-12 * max(1.0, abs(want))
        except (ValueError, IndexError):
            return False
    return any(len(r) == len(row) and all(same(c, t) for c, t in zip(row, r)) for r in page_rows)


def main():
    chromium, nntrace, course = sys.argv[1], sys.argv[2], pathlib.Path(sys.argv[3]).resolve()
    failures = []

    def expect(ok, what):
        print(f"{'ok  ' if ok else 'FAIL'} {what}")
        if not ok:
            failures.append(what)

    def page(lesson, fragment=""):
        return (course / lesson / "en" / "index.html").as_uri() + fragment

    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as profile:
        browser = Chromium(chromium, profile)
        try:
            # net-222 with w5 = 0.3: E_total and ∂E_total/∂w5 as the CLI computes them.
            record = cli_json(nntrace, ["run", "net-222", "--set", "w5=0.3"])
            _, static = browser.seen(page("net-222"), runs=0)
            _, seen = browser.seen(page("net-222", "#w5=0.3"))
            expect(seen["state"] == "ready", f"net-222#w5=0.3 recomputed (state {seen['state']})")
            if (course / "assets" / "web" / "viz-standalone.js").is_file():
                expect(seen["redrawn"] > 0, f"net-222#w5=0.3 redraws its diagrams in the browser ({seen['redrawn']})")
            else:  # scripts/build-web could not install Viz: the diagrams stay as drawn, with a note
                print("note: the course has no Viz (assets/web/viz-standalone.js); diagrams were not redrawn")
            for key in ["E_total", "dE_total/dw5"]:
                value = step_value(record, key)
                expect(on_page(value, seen["main"]) and not on_page(value, static["main"]),
                       f"net-222#w5=0.3 shows {key} = {value}, which the lesson's own page does not")

            cases = [("homework-q7", "#w7=0.5&decimals=4", ["--set", "w7=0.5", "--decimals", "4"]),
                     ("gd-2d", "#rate=0.2", ["--set", "rate=0.2"]),
                     ("perceptron", "#order=cyclic", ["--set", "order=cyclic"])]
            for lesson, fragment, args in cases:
                values = changed_values(nntrace, lesson, args)
                expect(bool(values) or bool(changed_rows(nntrace, lesson, args)),
                       f"{lesson} {' '.join(args)} changes some value or row")
                _, seen = browser.seen(page(lesson, fragment))
                expect(seen["state"] == "ready", f"{lesson}{fragment} recomputed (state {seen['state']})")
                missing = [v for v in values if not on_page(v, seen["main"])]
                expect(not missing, f"{lesson}{fragment} shows {values} (missing: {missing})")
                rows = changed_rows(nntrace, lesson, args)
                absent = [r for r in rows if not row_on_page(r, seen["rows"])]
                expect(not absent, f"{lesson}{fragment} shows the {len(rows)} table rows the CLI's run adds (missing: {absent})")

            # A bad value: its message beside its field, the page as it came.
            _, bad = browser.seen(page("net-222", "#w5=abc"))
            expect(bad["state"] == "failed", f"net-222#w5=abc is refused (state {bad['state']})")
            expect("abc" in bad["errors"].get("w5", ""), f"net-222#w5=abc: message beside w5: {bad['errors'].get('w5')!r}")
            expect(bad["main"] == static["main"], "net-222#w5=abc leaves the page unchanged")

            # The playground: the example rendered, and ŷ = 0.384 judged as `nntrace check` does.
            example = pathlib.Path(os.environ.get("NNTRACE_HOME", ".")) / "examples" / "exercise-7.toml"
            yhat = step_value(cli_json(nntrace, ["run", str(example)]), "yhat")
            playground = (course / "playground" / "index.html").as_uri()
            session, seen = browser.seen(playground)
            expect(seen["state"] == "ready" and on_page(yhat, seen["main"]),
                   f"the playground renders exercise-7 (state {seen['state']}, ŷ = {yhat})")
            verdict = cli_verdict(nntrace, example, "yhat", "0.384")
            ask = ("document.querySelector('input[name=answers]').value = 'yhat = 0.384';"
                   "document.querySelector('button[name=check]').click()")
            browser.evaluate(session, ask + "; true")
            judged = browser.report(session, 1, "document.querySelector('.check-result').dataset.verdicts")
            expect(verdict in judged["check"], f"the playground judges yhat = 0.384: {verdict!r} in {judged['check'][:200]!r}")
        finally:
            browser.close()
    if failures:
        print(f"{len(failures)} failure(s)")
        return 1
    return 0


def cli_verdict(nntrace, example, answer, given):
    """The verdict `nntrace check` gives one answer, in its words ("✓ correct")."""
    record = cli_json(nntrace, ["check", str(example), "--answer", f"{answer}={given}"])
    for section in record["sections"]:
        for item in section["items"]:
            for row in item.get("rows", []):
                if row and row[0].get("words", {}).get("text") == answer:
                    return row[3]["words"]["text"]
    raise KeyError(answer)


if __name__ == "__main__":
    sys.exit(main())
