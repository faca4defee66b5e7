"""Opens every HTML page of a built course in headless Chromium and checks the DOM after the
page's scripts ran: math typeset by KaTeX (no raw TeX left, no KaTeX error), every image present
and loaded. Usage: check_pages.py CHROMIUM COURSE_DIR. Exit 1 listing every problem found."""

import html.parser
import pathlib
import subprocess
import sys
import tempfile
import urllib.parse

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run",
                  "--virtual-time-budget=5000", "--dump-dom"]
RAW_TEX = ["$$", "\\frac", "\\cdot", "\\partial"]  # text that only untypeset math would show
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Dom(html.parser.HTMLParser):
    """Collects the text outside KaTeX's output, the .math elements and whether each got typeset,
    KaTeX errors, and the images."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []        # (tag, classes) of the open elements
        self.loose_text = []   # text outside .katex, <script> and <style>
        self.math = []         # one flag per .math element: did it receive a .katex child?
        self.open_math = []    # indexes into self.math of the .math elements open now
        self.katex_count = 0
        self.errors = 0
        self.images = []       # (src, data-loaded)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if tag == "img":
            self.images.append((attrs.get("src") or "", attrs.get("data-loaded")))
        if "katex" in classes:
            self.katex_count += 1
            for i in self.open_math:
                self.math[i] = True
        if "katex-error" in classes:
            self.errors += 1
        if tag in VOID:
            return
        if "math" in classes:
            self.math.append(False)
            self.open_math.append(len(self.math) - 1)
        self.stack.append((tag, classes, "math" in classes))

    def handle_endtag(self, tag):
        while self.stack:
            open_tag, _, was_math = self.stack.pop()
            if was_math:
                self.open_math.pop()
            if open_tag == tag:
                break

    def handle_data(self, data):
        if any("katex" in c for _, c, _ in self.stack) or any(t in ("script", "style") for t, _, _ in self.stack):
            return
        self.loose_text.append(data)


def dump_dom(chromium, page):
    with tempfile.TemporaryDirectory() as profile:
        result = subprocess.run([chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", page.as_uri()],
                                capture_output=True, text=True, timeout=120)
    if result.returncode != 0 or "<html" not in result.stdout:
        raise RuntimeError(f"chromium failed on {page}: {result.stderr[-500:]}")
    return result.stdout


def problems_of(page, dom):
    problems = []
    text = "".join(dom.loose_text)
    for raw in RAW_TEX:
        if raw in text:
            at = text.index(raw)
            problems.append(f"raw {raw!r} outside KaTeX output: …{text[max(0, at - 40):at + 40]!r}…")
    if dom.math and dom.katex_count == 0:
        problems.append(f"{len(dom.math)} math elements but no .katex element (KaTeX did not run)")
    untypeset = dom.math.count(False)
    if untypeset and dom.katex_count:
        problems.append(f"{untypeset} math elements were not typeset")
    if dom.errors:
        problems.append(f"{dom.errors} KaTeX errors (.katex-error)")
    for src, loaded in dom.images:
        target = (page.parent / urllib.parse.unquote(src)).resolve()
        if not target.is_file():
            problems.append(f"<img src={src!r}>: no file {target}")
        elif loaded != "yes":
            problems.append(f"<img src={src!r}>: did not load (data-loaded={loaded!r})")
    return problems


def main():
    chromium, course = sys.argv[1], pathlib.Path(sys.argv[2]).resolve()
    pages = sorted(course.rglob("*.html"))
    if not pages:
        print(f"no HTML pages in {course}")
        return 1
    failures = 0
    for page in pages:
        dom = Dom()
        dom.feed(dump_dom(chromium, page))
        problems = problems_of(page, dom)
        name = page.relative_to(course)
        print(f"{'FAIL' if problems else 'ok  '} {name}: {len(dom.math)} formulas, {len(dom.images)} images")
        for p in problems:
            print(f"     {p}")
        failures += bool(problems)
    print(f"{len(pages) - failures} of {len(pages)} pages passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
