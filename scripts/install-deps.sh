#!/usr/bin/env bash
# Installs the Debian 12 packages nntrace needs to build, test and render the course.
# Idempotent: packages already present are left alone. Runs as root, or through sudo otherwise.
# With --tests (scripts/test) also what only the tests use: TeX, to compile the LaTeX tables.
set -euo pipefail

packages=(
  build-essential cmake ninja-build
  libboost-program-options-dev
  catch2
  libkainjow-mustache-dev
  nlohmann-json3-dev
  libtomlplusplus-dev
  graphviz
  gnuplot-nox
  libjs-katex fonts-katex  # math on the HTML pages, copied into the course folder
  chromium python3         # the browser test of the HTML pages (tests/pages)
)

# The LaTeX tables compiled with pdflatex and xelatex (tests/tracer/render/latex_compile.sh):
# booktabs and beamer, xelatex, siunitx, and ctex with its Chinese fonts. About 260 MB to
# download and 620 MB on disk, so the README's first command leaves them out.
test_packages=(texlive-latex-recommended texlive-xetex texlive-science texlive-lang-chinese)
[ "${1:-}" = "--tests" ] && packages+=("${test_packages[@]}")

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
