#!/usr/bin/env bash
# A full disk and a read-only file system: the command exits 2 naming the option and the system's
# reason, and leaves nothing behind. Inside a private mount namespace: a 64 KiB tmpfs (the page's
# KaTeX fonts do not fit), and a read-only bind mount of a scratch folder.
# usage: unwritable_out.sh NNTRACE_BINARY
set -euo pipefail
nntrace="$1"
if ! unshare -m true 2>/dev/null; then
  echo "SKIP: no private mount namespace here (unshare -m)"
  exit 77
fi
exec unshare -m bash -euo pipefail -c '
  nntrace="$1"
  full="$(mktemp -d)" readonly_dir="$(mktemp -d)"
  trap "umount \"$full\" \"$readonly_dir\" 2>/dev/null || true; rmdir \"$full\" \"$readonly_dir\"" EXIT
  mount -t tmpfs -o size=64k nntrace-full-test "$full"
  mount --bind "$readonly_dir" "$readonly_dir"
  mount -o remount,bind,ro "$readonly_dir"

  expect_refused() {  # REASON OPTION FOLDER COMMAND...
    local reason="$1" option="$2" folder="$3"; shift 3
    local code=0 err
    err="$("$@" 2>&1 >/dev/null)" || code=$?
    [ "$code" = 2 ] || { echo "exit $code, not 2: $err"; exit 1; }
    [[ "$err" == *"$option"*"$reason"* ]] || { echo "message without $option and $reason: $err"; exit 1; }
    [ -z "$(ls -A "$folder")" ] || { echo "left behind in $folder: $(ls -A "$folder")"; exit 1; }
    echo "refused: $err"
  }
  expect_refused "No space left on device" --out "$full" \
    "$nntrace" run linear-backprop --format html --figures "$full/figs" --out "$full/page.html"
  expect_refused "Read-only file system" --out "$readonly_dir" \
    "$nntrace" run linear-backprop --out "$readonly_dir/x.txt"
  expect_refused "Read-only file system" --out "$readonly_dir" \
    "$nntrace" build --out "$readonly_dir/course"
' unwritable_out "$nntrace"
