#!/usr/bin/env bash
# Kills `nntrace build` with SIGKILL at 100 moments spread over a build and checks that every
# file left under its final name is complete: byte for byte the file a finished build writes.
# Staging folders (.nntrace.tmpXXXXXX/) of a killed run may remain; what is inside them never
# carries a final name.
# The moments are fixed (no random generator): the i-th kill comes at i/100 of a full build.
# usage: kill_build.sh NNTRACE_BINARY [KILLS]
set -euo pipefail
nntrace="$1"
kills="${2:-100}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# A complete build to compare with, and how long one takes (in milliseconds).
start=$(date +%s%N)
"$nntrace" build --out "$work/reference" 2>/dev/null
duration_ms=$(( ( $(date +%s%N) - start ) / 1000000 ))
[ "$duration_ms" -gt 0 ] || duration_ms=1

is_temporary() { [[ "$1" =~ (^|/)\.nntrace\.tmp[A-Za-z0-9]{6}/ ]]; }

# shellcheck source=processes_inside.sh
. "$(dirname "$0")/processes_inside.sh"

# A tool must die with the build that started it: one left running goes on writing into a
# staging folder that no one will rename or remove. The kernel's kill takes a moment to land.
check_no_tool_survives() {
  local left tries
  for ((tries = 0; tries < 40; tries++)); do
    left="$(processes_inside "$1")"
    [ -z "$left" ] && return 0
    sleep 0.05
  done
  echo "kill $2: a tool outlived the killed build, still running in $1: $(echo "$left" | tr '\n' ' ')"
  exit 1
}

checked=0
for ((i = 1; i <= kills; i++)); do
  out="$work/killed"
  rm -rf "$out"
  delay_ms=$(( duration_ms * i / kills ))
  "$nntrace" build --out "$out" >/dev/null 2>&1 &
  pid=$!
  sleep "$(( delay_ms / 1000 )).$(printf '%03d' $(( delay_ms % 1000 )))"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  check_no_tool_survives "$out" "$i"
  [ -d "$out" ] || continue
  while IFS= read -r -d '' file; do
    rel="${file#"$out"/}"
    is_temporary "$rel" && continue
    if ! cmp -s "$file" "$work/reference/$rel"; then
      echo "kill $i (after ${delay_ms} ms): $rel is not the complete file"
      exit 1
    fi
    checked=$((checked + 1))
  done < <(find "$out" -type f -print0)
done
echo "$kills kills, $checked files found complete"
