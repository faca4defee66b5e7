#!/bin/sh
# check_drawings.sh NNTRACE: builds the course into a temporary folder and measures every SVG
# drawing in headless Chromium at the size its page shows it (check_drawings.py): no text over
# another, none across a node's border, none under 11 px. Exit 77 (CTest's skip) where Chromium
# or Python is absent.
set -eu
nntrace=$1
here=$(dirname "$0")
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "SKIP: chromium is not installed (scripts/install-deps.sh installs it); the drawings were not measured"
  exit 77
fi
if ! command -v python3 >/dev/null; then
  echo "SKIP: python3 is not installed; the drawings were not measured"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$nntrace" build --out "$tmp/course"
python3 "$here/check_drawings.py" "$browser" "$tmp/course"
