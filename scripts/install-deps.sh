#!/usr/bin/env bash
# Installs the Debian 12 packages nntrace needs to build, test and render the course.
# Idempotent: packages already present are left alone. Runs as root, or through sudo otherwise.
# With --tests (scripts/test) also what only the tests use: TeX, to compile the LaTeX tables, and
# Emscripten, for the interactive pages the browser test opens. With --web (scripts/setup --web)
# only Emscripten besides the rest.
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
# The engine compiled for the browser (scripts/build-web). About 180 MB to download and 1.1 GB on
# disk (Emscripten's own 109 MB, clang-14, lld-14, binaryen), and the first build of the module
# takes about 3 minutes of two cores: together past the README's 3-minute first command, so that
# command leaves it out unless asked (scripts/setup --web); scripts/test installs it.
web_packages=(emscripten)
case "${1:-}" in
  --tests) packages+=("${test_packages[@]}" "${web_packages[@]}") ;;
  --web) packages+=("${web_packages[@]}") ;;
esac
# Viz (Graphviz for the browser) comes from the npm registry; a Node.js from elsewhere brings its
# own npm, and Debian's npm would clash with it.
if [ "${1:-}" = "--tests" ] || [ "${1:-}" = "--web" ]; then
  command -v npm >/dev/null || packages+=(npm)
fi

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
