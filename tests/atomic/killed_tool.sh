#!/usr/bin/env bash
# A tool started by nntrace dies with nntrace: `nntrace run --figures` is killed (SIGKILL) while
# its `dot` runs, and that `dot` must not go on writing into a staging folder no one will
# rename or remove. The `dot` here is a stand-in that waits (a `sleep` under dot's name, found
# first on PATH), so the kill always lands while it runs.
# usage: killed_tool.sh NNTRACE_BINARY
set -euo pipefail
nntrace="$1"
work="$(mktemp -d)"
fake="$work/bin"
mkdir -p "$fake" "$work/figures"
printf '#!/bin/sh\nexec sleep 30\n' >"$fake/dot"
chmod +x "$fake/dot"

# shellcheck source=processes_inside.sh
. "$(dirname "$0")/processes_inside.sh"
cleanup() {
  local p
  for p in $(processes_inside "$work"); do kill -9 "${p#/proc/}" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

PATH="$fake:$PATH" "$nntrace" run linear-backprop --figures "$work/figures" --out "$work/page.md" \
  >/dev/null 2>&1 &
pid=$!
for ((tries = 0; tries < 200; tries++)); do
  [ -n "$(processes_inside "$work/figures")" ] && break
  sleep 0.05
done
[ -n "$(processes_inside "$work/figures")" ] || { echo "the stand-in dot never started"; exit 1; }
{ kill -9 "$pid"; wait "$pid"; } 2>/dev/null || true
for ((tries = 0; tries < 40; tries++)); do
  left="$(processes_inside "$work/figures")"
  if [ -z "$left" ]; then
    echo "the tool died with nntrace"
    exit 0
  fi
  sleep 0.05
done
echo "the tool outlived nntrace by 2 s: $(echo "$left" | tr '\n' ' ')"
exit 1
