#!/bin/sh
# check_interactive.sh NNTRACE: builds the course, copies the folder elsewhere, and opens the copy
# from file:// in headless Chromium with no network (check_interactive.py): lesson pages
# recomputed by the WebAssembly module from settings in their URL, a bad value refused beside its
# field, the playground rendering and checking the example. Exit 77 (CTest's skip) where Chromium,
# Python or the module is absent; NNTRACE_REQUIRE_WEB=1 (scripts/test, where emcc built the
# module) turns a missing module into a failure.
set -eu
nntrace=$1
here=$(dirname "$0")
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "SKIP: chromium is not installed (scripts/install-deps.sh installs it); the interactive pages were not tried"
  exit 77
fi
if ! command -v python3 >/dev/null; then
  echo "SKIP: python3 is not installed; the interactive pages were not tried"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$nntrace" build --out "$tmp/course"
if [ ! -f "$tmp/course/assets/web/nntrace-web.js" ]; then
  echo "the course has no assets/web/nntrace-web.js: it was built without the WebAssembly module"
  if [ "${NNTRACE_REQUIRE_WEB:-0}" = 1 ]; then exit 1; fi
  echo "SKIP: the interactive pages were not tried"
  exit 77
fi
# A copy in another folder, as a reader's USB stick would hold it: nothing may point back.
cp -R "$tmp/course" "$tmp/copy"
rm -rf "$tmp/course"
python3 "$here/check_interactive.py" "$browser" "$nntrace" "$tmp/copy"
