#!/bin/sh
# check_pages.sh NNTRACE: builds the course into a temporary folder and opens every HTML page in
# headless Chromium (check_pages.py). Exit 77 (CTest's skip) where Chromium or Python is absent.
set -eu
nntrace=$1
here=$(dirname "$0")
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "SKIP: chromium is not installed (scripts/install-deps.sh installs it); the HTML pages were not checked"
  exit 77
fi
if ! command -v python3 >/dev/null; then
  echo "SKIP: python3 is not installed; the HTML pages were not checked"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$nntrace" build --out "$tmp/course"
python3 "$here/check_pages.py" "$browser" "$tmp/course"
