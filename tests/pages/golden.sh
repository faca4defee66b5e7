#!/bin/sh
# golden.sh NNTRACE LESSON LANG GOLDEN: the lesson's Markdown page, compared byte for byte with
# GOLDEN. With NNTRACE_UPDATE_GOLDEN=1 it rewrites GOLDEN instead (see scripts/update-golden);
# golden files are never edited by hand.
set -eu
nntrace=$1 lesson=$2 lang=$3 golden=$4
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$nntrace" run "$lesson" --format md --lang "$lang" --out "$tmp/page.md"
if [ "${NNTRACE_UPDATE_GOLDEN:-}" = 1 ]; then
  mkdir -p "$(dirname "$golden")"
  cp "$tmp/page.md" "$golden"
  echo "golden: rewrote $golden"
  exit 0
fi
if ! cmp -s "$tmp/page.md" "$golden"; then
  echo "golden: $lesson ($lang) differs from $golden:"
  diff -u "$golden" "$tmp/page.md" | head -80
  echo "If the change is intended: scripts/update-golden (then review the diff before committing)."
  exit 1
fi
