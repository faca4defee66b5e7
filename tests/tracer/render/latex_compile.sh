#!/bin/sh
# latex_compile.sh NNTRACE ENGINE LANG: the note at the top of `--format tex` is true. For every
# lesson and the problem file examples/exercise-7.toml, the tables in LANG go into a Beamer frame
# (\input) whose preamble is the note's \usepackage line, and ENGINE compiles it if the note names
# ENGINE (it must for English, and for xelatex). Fails on any LaTeX error and on any "Missing
# character" (a glyph the font lacks).
# Exit 77 (CTest's skip), with the reason, where ENGINE or a package the note names is absent.
set -eu
nntrace=$1
engine=$2
lang=$3
home=${NNTRACE_HOME:?NNTRACE_HOME must name the source tree}
packages_hint="Debian: apt-get install texlive-latex-recommended texlive-xetex texlive-science, and texlive-lang-chinese for ctex"

skip() {
  echo "SKIP: $1 ($packages_hint); the LaTeX tables ($lang) were not compiled with $engine"
  exit 77
}
command -v "$engine" >/dev/null || skip "$engine is not installed"
command -v kpsewhich >/dev/null || skip "kpsewhich is not installed"
kpsewhich beamer.cls >/dev/null || skip "the beamer class is not installed"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

sources="$("$nntrace" list | awk '{print $1}') $home/examples/exercise-7.toml"
compiled=0
failed=0
for source in $sources; do
  name=$(basename "$source" .toml)
  dir=$tmp/$name
  mkdir -p "$dir"
  "$nntrace" run "$source" --format tex --lang "$lang" --out "$dir/tables.tex"
  # The note: the comment lines before the first blank line.
  note=$(sed '/^$/q' "$dir/tables.tex")
  if ! printf '%s\n' "$note" | grep -q "$engine"; then
    # English tables are for pdflatex and xelatex alike; Chinese ones for xelatex at least.
    if [ "$lang" = en ] || [ "$engine" = xelatex ]; then
      echo "FAIL $name: the note does not name $engine:"
      printf '%s\n' "$note"
      failed=$((failed + 1))
    else
      echo "$name: the note does not name $engine; not compiled"
    fi
    continue
  fi
  usepackage=$(printf '%s\n' "$note" | grep -o '\\usepackage{[^}]*}' || true)
  if [ -z "$usepackage" ]; then
    echo "FAIL $name: the note names no \\usepackage line"
    failed=$((failed + 1))
    continue
  fi
  for package in $(printf '%s\n' "$usepackage" | sed 's/.*{\(.*\)}/\1/' | tr ',' ' '); do
    kpsewhich "$package.sty" >/dev/null || skip "the LaTeX package $package is not installed"
  done
  cat > "$dir/frame.tex" <<EOF
\\documentclass{beamer}
$usepackage
\\begin{document}
\\begin{frame}{$name}
\\tiny
\\input{tables.tex}
\\end{frame}
\\end{document}
EOF
  if ! (cd "$dir" && "$engine" -interaction=nonstopmode -halt-on-error -no-shell-escape frame.tex >/dev/null 2>&1); then
    echo "FAIL $name: $engine stopped with an error:"
    grep -A4 '^!' "$dir/frame.log" | head -20 || tail -20 "$dir/frame.log"
    failed=$((failed + 1))
  elif grep -q 'Missing character' "$dir/frame.log"; then
    echo "FAIL $name: the font lacks a glyph:"
    grep 'Missing character' "$dir/frame.log" | sort -u | head -10
    failed=$((failed + 1))
  else
    compiled=$((compiled + 1))
  fi
done
echo "$engine, $lang: $compiled compiled, $failed failed"
[ "$failed" -eq 0 ]
