#!/bin/sh
# latex_compile.sh NNTRACE ENGINE LANG: the note at the top of `--format tex` is true. For every
# lesson and the problem file examples/exercise-7.toml, the tables in LANG go into a Beamer frame
# (\input) under a preamble that is the note's \usepackage line, and ENGINE compiles it if the note
# names ENGINE (it must for English, and for xelatex). Fails on any LaTeX error and on any
# "Missing character" (a glyph the font lacks).
# Lessons whose notes ask for the same packages share one document, a frame each (one TeX run
# per preamble, not per lesson); a document that fails is compiled again lesson by lesson, to
# name the lesson.
# Exit 77 (CTest's skip), with the reason, where ENGINE or a package the note names is absent.
set -eu
nntrace=$1
engine=$2
lang=$3
home=${NNTRACE_HOME:?NNTRACE_HOME must name the source tree}
packages_hint="Debian: texlive-latex-recommended texlive-xetex texlive-science, texlive-lang-chinese for ctex; scripts/test installs them"

skip() {
  echo "SKIP: $1 ($packages_hint); the LaTeX tables ($lang) were not compiled with $engine"
  exit 77
}
command -v "$engine" >/dev/null || skip "$engine is not installed"
command -v kpsewhich >/dev/null || skip "kpsewhich is not installed"
kpsewhich beamer.cls >/dev/null || skip "the beamer class is not installed"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0

# compile NAME USEPACKAGE LESSON...: a document NAME.tex with a frame per lesson; 0 if it compiles
# without an error and without a missing glyph, else the reason in NAME.why.
compile() {
  doc=$1
  usepackage=$2
  shift 2
  {
    printf '\\documentclass{beamer}\n%s\n\\begin{document}\n' "$usepackage"
    for lesson in "$@"; do
      printf '\\begin{frame}{%s}\n\\tiny\n\\input{%s.tex}\n\\end{frame}\n' "$lesson" "$lesson"
    done
    printf '\\end{document}\n'
  } > "$tmp/$doc.tex"
  if ! (cd "$tmp" && "$engine" -interaction=nonstopmode -halt-on-error -no-shell-escape "$doc.tex" >/dev/null 2>&1); then
    { echo "$engine stopped with an error:"; grep -A4 '^!' "$tmp/$doc.log" | head -20; } > "$tmp/$doc.why"
    return 1
  fi
  if grep -q 'Missing character' "$tmp/$doc.log"; then
    { echo "the font lacks a glyph:"; grep 'Missing character' "$tmp/$doc.log" | sort -u | head -10; } > "$tmp/$doc.why"
    return 1
  fi
}

# Each lesson's tables, grouped by the note's \usepackage line (one line per group in groups.txt).
: > "$tmp/groups.txt"
count=0
for source in $("$nntrace" list | awk '{print $1}') "$home/examples/exercise-7.toml"; do
  name=$(basename "$source" .toml)
  "$nntrace" run "$source" --format tex --lang "$lang" --out "$tmp/$name.tex"
  note=$(sed '/^$/q' "$tmp/$name.tex")  # the comment lines before the first blank line
  if ! printf '%s\n' "$note" | grep -q "$engine"; then
    # English tables are for pdflatex and xelatex alike; Chinese ones for xelatex at least.
    if [ "$lang" = en ] || [ "$engine" = xelatex ]; then
      printf 'FAIL %s: the note does not name %s:\n%s\n' "$name" "$engine" "$note"
      failed=$((failed + 1))
    else
      echo "$name: the note does not name $engine; not compiled"
    fi
    continue
  fi
  usepackage=$(printf '%s\n' "$note" | grep -o '\\usepackage{[^}]*}' | tr '\n' ' ' || true)
  if [ -z "$usepackage" ]; then
    echo "FAIL $name: the note names no \\usepackage line"
    failed=$((failed + 1))
    continue
  fi
  for package in $(printf '%s\n' "$usepackage" | grep -o '{[^}]*}' | tr -d '{}' | tr ',' ' '); do
    kpsewhich "$package.sty" >/dev/null || skip "the LaTeX package $package is not installed"
  done
  printf '%s\t%s\n' "$usepackage" "$name" >> "$tmp/groups.txt"
  count=$((count + 1))
done

group=0
for usepackage in $(cut -f1 "$tmp/groups.txt" | sort -u | tr ' ' '~'); do
  usepackage=$(printf '%s' "$usepackage" | tr '~' ' ')
  group=$((group + 1))
  lessons=$(awk -F'\t' -v u="$usepackage" '$1 == u {print $2}' "$tmp/groups.txt")
  # shellcheck disable=SC2086 # one argument per lesson name
  compile "group$group" "$usepackage" $lessons && continue
  for lesson in $lessons; do
    if ! compile "alone-$lesson" "$usepackage" "$lesson"; then
      echo "FAIL $lesson ($usepackage): $(cat "$tmp/alone-$lesson.why")"
      failed=$((failed + 1))
    fi
  done
done
echo "$engine, $lang: the tables of $count lessons in $group documents; $failed failed"
[ "$failed" -eq 0 ]
