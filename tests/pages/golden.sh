#!/bin/sh
# golden.sh NNTRACE LESSON LANG GOLDEN: the lesson's Markdown page, compared byte for byte with
# GOLDEN (or rewriting it: golden_compare.sh).
set -eu
nntrace=$1 lesson=$2 lang=$3 golden=$4
. "$(dirname "$0")/golden_compare.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$nntrace" run "$lesson" --format md --lang "$lang" --out "$tmp/page.md"
compare_with_golden "$tmp/page.md" "$golden" "$lesson ($lang)"
