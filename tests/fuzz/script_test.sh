#!/usr/bin/env bash
# scripts/fuzz must fail when a target crashes. Runs the script against fake fuzzers (shell
# scripts that behave like libFuzzer binaries: they write an artifact and/or exit non-zero), so
# the test needs neither clang nor a fuzz build. Usage: script_test.sh SOURCE_DIR
set -uo pipefail
source_dir="$1"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# A fake fuzzer for both targets: BEHAVIOUR is "clean", "crash" (a crash-* file and exit 1, as
# libFuzzer does), "artifact-only" (a crash-* file, exit 0) or "status-only" (exit 77, no file).
make_fuzzers() {
  local dir="$tmp/fuzzers-$1-$2"
  mkdir -p "$dir"
  for target in expression problem; do
    local behaviour=clean
    [ "$target" = "$1" ] && behaviour="$2"
    cat >"$dir/${target}_fuzz" <<EOF
#!/usr/bin/env bash
prefix=./
for arg in "\$@"; do
  case "\$arg" in -artifact_prefix=*) prefix="\${arg#-artifact_prefix=}" ;; esac
done
echo "stat::number_of_executed_units: 1000"
case "$behaviour" in
  crash) echo "==1==ERROR: AddressSanitizer: stack-overflow"; echo x >"\${prefix}crash-0123"; exit 1 ;;
  artifact-only) echo x >"\${prefix}crash-4567"; exit 0 ;;
  status-only) exit 77 ;;
esac
exit 0
EOF
    chmod +x "$dir/${target}_fuzz"
  done
  echo "$dir"
}

failures=0
expect() {  # expect WANTED_STATUS TARGET BEHAVIOUR
  local dir status
  dir="$(make_fuzzers "$2" "$3")"
  NNTRACE_FUZZERS="$dir" NNTRACE_FUZZ_WORK="$tmp/work-$2-$3" "$source_dir/scripts/fuzz" 1 >"$tmp/out" 2>&1
  status=$?
  if [ "$1" = pass ] && [ "$status" -ne 0 ]; then
    echo "FAIL: $2 $3: scripts/fuzz exited $status, expected success"; cat "$tmp/out"; failures=$((failures + 1))
  elif [ "$1" = fail ] && [ "$status" -eq 0 ]; then
    echo "FAIL: $2 $3: scripts/fuzz exited 0 although the target failed"; cat "$tmp/out"; failures=$((failures + 1))
  else
    echo "ok: $2 $3 -> exit $status"
  fi
}

expect pass none clean
for target in expression problem; do
  expect fail "$target" crash
  expect fail "$target" artifact-only
  expect fail "$target" status-only
done
# A crash in the first target does not stop the second from running, and is still reported.
expect fail expression crash
grep -q "fuzzing problem" "$tmp/out" || { echo "FAIL: the second target did not run"; failures=$((failures + 1)); }
exit "$failures"
