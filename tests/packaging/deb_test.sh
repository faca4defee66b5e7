#!/usr/bin/env bash
# The Debian package as a user gets it: CPack builds nntrace_<version>_amd64.deb from this build
# tree; its control fields are checked; `dpkg -x` unpacks it into a throwaway root; and the
# unpacked nntrace runs `list`, `build --out DIR` and `--version` from a folder outside the
# checkout, without NNTRACE_HOME, with the source tree hidden where a private mount namespace is
# allowed (so the installed copy can only use what the package holds).
#   deb_test.sh BUILD_DIR SOURCE_DIR VERSION
set -euo pipefail
build=$1 source=$2 version=$3
command -v dpkg-deb >/dev/null || { echo "dpkg-deb not found: skipped"; exit 77; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

(cd "$build" && cpack -G DEB -B "$tmp/pkg" >"$tmp/cpack.log" 2>&1) || { cat "$tmp/cpack.log"; fail "cpack"; }
deb=$tmp/pkg/nntrace_${version}_amd64.deb
[ -f "$deb" ] || fail "no $deb (found: $(ls "$tmp/pkg"))"

field() { dpkg-deb -f "$deb" "$1"; }
depends=$(field Depends) recommends=$(field Recommends)
echo "Depends: $depends"
echo "Recommends: $recommends"
for p in libjs-katex fonts-katex libboost-program-options libtomlplusplus libstdc++6; do
  [[ $depends == *"$p"* ]] || fail "Depends lacks $p"
done
for p in graphviz gnuplot-nox; do
  [[ $recommends == *"$p"* ]] || fail "Recommends lacks $p"
  [[ $depends != *"$p"* ]] || fail "$p should be recommended, not required"
done

root=$tmp/root
dpkg -x "$deb" "$root"
for f in usr/bin/nntrace usr/share/nntrace/lessons/net-222/lesson.toml usr/share/nntrace/templates/messages/pages.toml \
         usr/share/nntrace/docs/problem-format.md usr/share/man/man1/nntrace.1.gz \
         usr/share/bash-completion/completions/nntrace; do
  [ -e "$root/$f" ] || fail "the package lacks /$f"
done
zcat "$root/usr/share/man/man1/nntrace.1.gz" | grep -q -- '--decimals' || fail "the man page lacks run's options"

# What the unpacked program does, from a folder outside the checkout.
cat >"$tmp/use.sh" <<SCRIPT
set -euo pipefail
unset NNTRACE_HOME
cd "$tmp"
"$root/usr/bin/nntrace" --version
"$root/usr/bin/nntrace" list >list.txt
grep -q '^net-222 ' list.txt
"$root/usr/bin/nntrace" build --out course 2>build.err
test -s course/index.html
test -s course/net-222/en/index.html && test -s course/net-222/zh/index.html
SCRIPT
mkdir "$tmp/probe"
if unshare -m mount -t tmpfs none "$tmp/probe" 2>/dev/null; then
  # A private mount namespace: an empty tmpfs over the source tree, seen by this test only.
  unshare -m bash -c "mount -t tmpfs none '$source' && test ! -e '$source/lessons' && bash '$tmp/use.sh'" ||
    fail "the unpacked nntrace (source tree hidden)"
  echo "ran with the source tree hidden"
else
  bash "$tmp/use.sh" || fail "the unpacked nntrace"
  echo "ran with the source tree present (no private mount namespace here)"
fi
"$root/usr/bin/nntrace" --version | grep -q "^nntrace $version (" || fail "--version"
echo "ok: $(basename "$deb") unpacked and run"
