#!/usr/bin/env bash
# nntrace variants through the binary: every answer of key.csv, handed to `nntrace check` of that
# student's own problem.toml (which runs it), is judged correct; and a second run with the same
# seed writes the same files, byte for byte.
# usage: variants_key_check.sh NNTRACE_BINARY SOURCE_HOME
set -euo pipefail
nntrace="$1" home="$2"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

make_variants() {
  "$nntrace" variants "$home/examples/exercise-7-random.toml" --roster "$home/examples/roster.csv" \
    --seed 2026 --out "$1" 2>/dev/null
}
make_variants "$out/a"
make_variants "$out/b"
diff -r "$out/a" "$out/b" >/dev/null || { echo "the same seed wrote different files"; exit 1; }

# examples/roster.csv has the columns id,name,class (no comma inside a cell): the answers follow.
IFS=, read -r -a header < "$out/a/key.csv"
students=0
while IFS=, read -r -a row; do
  answers=()
  for ((c = 3; c < ${#header[@]}; c++)); do answers+=(--answer "${header[c]}=${row[c]}"); done
  report="$("$nntrace" check "$out/a/${row[0]}/problem.toml" "${answers[@]}")" || {
    echo "nntrace check rejects the key of ${row[0]}:"; echo "$report"; exit 1; }
  correct="$(grep -c '✓ correct' <<<"$report")"
  [ "$correct" = $((${#header[@]} - 3)) ] || { echo "${row[0]}: $correct answers correct:"; echo "$report"; exit 1; }
  students=$((students + 1))
done < <(tail -n +2 "$out/a/key.csv")
[ "$students" = 5 ] || { echo "key.csv has $students students, not 5"; exit 1; }
echo "key.csv agrees with nntrace check of every variant ($students students)"
