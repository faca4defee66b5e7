"""Opens every page of a built course in headless Chromium at 1,200 px, finds every SVG drawing
on it at the size the page shows it, and measures the drawing's text in the browser: it fails
when two texts of different labels overlap, when two lines of one label overlap, when a text
crosses the border of a node (its own or another's), or when a text is smaller than 11 px on
the page. SVGs of the course that no page shows are measured at their native size.
Usage: check_drawings.py CHROMIUM COURSE_DIR [PAGE_PATH_PART]. Exit 1 listing every problem found."""

import html
import json
import pathlib
import re
import subprocess
import sys
import tempfile

MIN_TEXT_PX = 11
WINDOW = "1200,2000"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run",
                  "--allow-file-access-from-files", f"--window-size={WINDOW}",
                  "--virtual-time-budget=10000", "--dump-dom"]
RESULT_ID = "nntrace-drawing-measures"

# Runs in the page once it has loaded: opens every folded part, then, for each SVG image, puts
# the SVG's own markup in the page at the width the image is shown and measures it there.
MEASURE_SCRIPT = r"""
<script>
window.addEventListener('load', function () {
  document.querySelectorAll('details').forEach(function (d) { d.open = true; });
  var TOLERANCE = 1.5;  // px: boxes that merely touch do not overlap
  function box(el) { var r = el.getBoundingClientRect(); return {l: r.left, t: r.top, r: r.right, b: r.bottom}; }
  // The box the glyphs fill: the browser's text box spans the font's whole ascent and descent,
  // more than the ink of digits and letters, so that stacked lines touch; a text that runs into
  // another (a lowered subscript, a second label) still overlaps it.
  function glyphs(t, px) {
    var b = box(t);
    if (b.b - b.t < 1.5 * px) { b.t += 0.14 * px; b.b -= 0.04 * px; }  // not rotated
    return b;
  }
  function visibleStroke(el) {
    var s = (el.getAttribute('stroke') || '').toLowerCase();
    return s && s !== 'none' && s !== 'transparent' && s !== 'white' && s !== '#ffffff';
  }
  // Where a text box stands to a shape: 'in', 'out' or 'across' its border.
  function relation(shape, b) {
    var m = shape.getScreenCTM().inverse(), svg = shape.ownerSVGElement, inside = 0, outside = 0, n = 0;
    var l = b.l + TOLERANCE, r = b.r - TOLERANCE, t = b.t + TOLERANCE, bo = b.b - TOLERANCE;
    for (var k = 0; k <= 12; k++) {
      var f = k / 12, pts = [[l + f * (r - l), t], [l + f * (r - l), bo], [l, t + f * (bo - t)], [r, t + f * (bo - t)]];
      pts.forEach(function (p) {
        var q = svg.createSVGPoint(); q.x = p[0]; q.y = p[1]; q = q.matrixTransform(m);
        if (shape.isPointInStroke(q)) { inside++; outside++; }
        else if (shape.isPointInFill(q)) inside++; else outside++;
      });
    }
    return inside && outside ? 'across' : inside ? 'in' : 'out';
  }
  function measure(svg, src, shown) {
    var problems = [], texts = [], shapes = [];
    svg.querySelectorAll('text').forEach(function (t) {
      if (!t.textContent.trim()) return;
      var group = t.closest('g.node, g.edge, g.graph, g') || svg;
      var m = t.getScreenCTM(), px = parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
      texts.push({el: t, text: t.textContent, group: group, y: t.getAttribute('y'), b: glyphs(t, px), px: px});
    });
    svg.querySelectorAll('g.node').forEach(function (g) {
      var s = g.querySelector('ellipse, polygon, path');
      if (s && visibleStroke(s)) shapes.push({el: s, group: g, name: (g.querySelector('title') || {}).textContent});
    });
    texts.forEach(function (a) {
      if (a.px < MIN_PX) problems.push('text "' + a.text + '" is ' + a.px.toFixed(1) + ' px on the page (under ' + MIN_PX + ')');
    });
    for (var i = 0; i < texts.length; i++) {
      for (var j = i + 1; j < texts.length; j++) {
        var a = texts[i], b = texts[j];
        if (a.group === b.group && a.y === b.y) continue;  // pieces of one line of one label
        // One label drawn twice in one place: gnuplot writes a boxed label's text once to size
        // its opaque box and once over it. The same words on the same spot read as one.
        if (a.text === b.text && Math.abs(a.b.l - b.b.l) < TOLERANCE && Math.abs(a.b.t - b.b.t) < TOLERANCE &&
            Math.abs(a.b.r - b.b.r) < TOLERANCE && Math.abs(a.b.b - b.b.b) < TOLERANCE) continue;
        var dx = Math.min(a.b.r, b.b.r) - Math.max(a.b.l, b.b.l), dy = Math.min(a.b.b, b.b.b) - Math.max(a.b.t, b.b.t);
        if (dx > TOLERANCE && dy > TOLERANCE)
          problems.push((a.group === b.group ? 'lines of one label' : 'labels') + ' overlap: "' + a.text + '" and "' + b.text +
                        '" (' + dx.toFixed(1) + ' × ' + dy.toFixed(1) + ' px)');
      }
    }
    texts.forEach(function (a) {
      shapes.forEach(function (s) {
        if (relation(s.el, a.b) === 'across')
          problems.push('text "' + a.text + '" crosses the border of node ' + s.name);
      });
    });
    return {src: src, shown: shown, texts: texts.length, problems: problems};
  }
  var MIN_PX = __MIN_PX__, results = [];
  document.querySelectorAll('img').forEach(function (img) {
    var src = img.getAttribute('src') || '';
    if (!/\.svg$/.test(src)) return;
    var shown = img.getBoundingClientRect().width;
    var xhr = new XMLHttpRequest();
    try { xhr.open('GET', img.src, false); xhr.send(); } catch (e) { results.push({src: src, error: String(e)}); return; }
    var holder = document.createElement('div');
    holder.innerHTML = xhr.responseText.replace(/<\?xml[^>]*>/, '').replace(/<!DOCTYPE[^>]*>/, '');
    var svg = holder.querySelector('svg');
    if (!svg) { results.push({src: src, error: 'no <svg> in the file'}); return; }
    var vb = svg.viewBox.baseVal;
    svg.setAttribute('width', shown + 'px');
    svg.setAttribute('height', (shown * vb.height / vb.width) + 'px');
    document.body.appendChild(holder);
    results.push(measure(svg, src, shown));
    holder.remove();
  });
  var out = document.createElement('pre');
  out.id = '__RESULT_ID__';
  out.textContent = JSON.stringify(results);
  document.body.appendChild(out);
});
</script>
""".replace("__MIN_PX__", str(MIN_TEXT_PX)).replace("__RESULT_ID__", RESULT_ID)


def measured(chromium, page):
    """The measures of every SVG image on `page` (a copy with the script is opened beside it)."""
    text = page.read_text(encoding="utf-8")
    probe = page.with_name(page.stem + ".measure-drawings.html")
    probe.write_text(text.replace("</body>", MEASURE_SCRIPT + "</body>"), encoding="utf-8")
    try:
        with tempfile.TemporaryDirectory() as profile:
            result = subprocess.run([chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", probe.as_uri()],
                                    capture_output=True, text=True, timeout=180)
    finally:
        probe.unlink()
    found = re.search(f'<pre id="{RESULT_ID}">(.*?)</pre>', result.stdout, re.S)
    if not found:
        raise RuntimeError(f"chromium measured nothing on {page}: {result.stderr[-500:]}")
    return json.loads(html.unescape(found.group(1)))


def svg_images(page):
    """The SVG files `page` shows as images."""
    srcs = re.findall(r'<img[^>]*\ssrc="([^"]+\.svg)"', page.read_text(encoding="utf-8"))
    return {(page.parent / html.unescape(src)).resolve() for src in srcs}


def unshown_svgs_page(course, shown):
    """A page showing, at native size, every SVG of the course that no page shows."""
    rest = [p for p in sorted(course.rglob("*.svg")) if p.resolve() not in shown]
    if not rest:
        return None
    page = course / "unshown-drawings.html"
    imgs = "\n".join(f'<img style="max-width:none" src="{p.relative_to(course).as_posix()}">' for p in rest)
    page.write_text(f"<!DOCTYPE html><html><head><meta charset='utf-8'></head><body>{imgs}</body></html>",
                    encoding="utf-8")
    return page


def print_problems(problems, per_kind=8):
    """The first few problems of each kind (small text, overlaps, borders), and how many in all."""
    kinds = {}
    for p in problems:
        kind = "small" if " px on the page" in p else "border" if "border" in p else "overlap"
        kinds.setdefault(kind, []).append(p)
    for kind, found in kinds.items():
        for p in found[:per_kind]:
            print(f"     {p}")
        if len(found) > per_kind:
            print(f"     … and {len(found) - per_kind} more ({kind})")


def main():
    chromium, course = sys.argv[1], pathlib.Path(sys.argv[2]).resolve()
    only = sys.argv[3] if len(sys.argv) > 3 else ""  # a part of the page paths to check, to look at a few
    pages = sorted(p for p in course.rglob("*.html") if only in str(p.relative_to(course)))
    if not pages:
        print(f"no HTML pages in {course}")
        return 1
    seen, shown, failures, count = set(), set(), 0, 0
    extra = None
    for page in pages + [None]:
        if page is None:
            if only:
                break
            page = extra = unshown_svgs_page(course, shown)
            if page is None:
                break
        elif svg_images(page) <= shown:
            continue  # the same drawings as another page (its other language), at the same width
        for m in measured(chromium, page):
            target = (page.parent / m["src"]).resolve()
            shown.add(target)
            key = (target, round(m.get("shown", 0)))
            if key in seen:
                continue
            seen.add(key)
            count += 1
            problems = [m["error"]] if "error" in m else m["problems"]
            name = target.relative_to(course) if target.is_relative_to(course) else target
            print(f"{'FAIL' if problems else 'ok  '} {name} at {m.get('shown', 0):.0f} px on "
                  f"{page.relative_to(course)}: {m.get('texts', 0)} texts")
            print_problems(problems)
            failures += bool(problems)
    if extra:
        extra.unlink()
    print(f"{count - failures} of {count} drawings passed")
    return 1 if failures or not count else 0


if __name__ == "__main__":
    sys.exit(main())
