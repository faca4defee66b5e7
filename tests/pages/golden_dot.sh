#!/bin/sh
# golden_dot.sh NNTRACE LESSON STEM GOLDEN: the DOT source of the lesson's drawing STEM, compared
# byte for byte with GOLDEN (or rewriting it: golden_compare.sh).
set -eu
nntrace=$1 lesson=$2 stem=$3 golden=$4
. "$(dirname "$0")/golden_compare.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$nntrace" run "$lesson" --format md --out "$tmp/page.md" --figures "$tmp/figures" 2>/dev/null
if [ ! -f "$tmp/figures/$stem.dot" ]; then
  echo "golden: $lesson wrote no drawing $stem.dot"
  exit 1
fi
compare_with_golden "$tmp/figures/$stem.dot" "$golden" "$lesson's $stem.dot"
