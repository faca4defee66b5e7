#!/bin/sh
# golden_dot.sh NNTRACE LESSON STEM GOLDEN: the DOT source of the lesson's drawing STEM, compared
# byte for byte with GOLDEN. With NNTRACE_UPDATE_GOLDEN=1 it rewrites GOLDEN instead (see
# scripts/update-golden); golden files are never edited by hand.
set -eu
nntrace=$1 lesson=$2 stem=$3 golden=$4
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$nntrace" run "$lesson" --format md --out "$tmp/page.md" --figures "$tmp/figures" 2>/dev/null
if [ ! -f "$tmp/figures/$stem.dot" ]; then
  echo "golden: $lesson wrote no drawing $stem.dot"
  exit 1
fi
if [ "${NNTRACE_UPDATE_GOLDEN:-}" = 1 ]; then
  mkdir -p "$(dirname "$golden")"
  cp "$tmp/figures/$stem.dot" "$golden"
  echo "golden: rewrote $golden"
  exit 0
fi
if ! cmp -s "$tmp/figures/$stem.dot" "$golden"; then
  echo "golden: $lesson's $stem.dot differs from $golden:"
  diff -u "$golden" "$tmp/figures/$stem.dot" | head -80
  echo "If the change is intended: scripts/update-golden (then review the diff before committing)."
  exit 1
fi
