#!/usr/bin/env bash
# `--out` onto a character device writes through it and leaves the device a device, with no
# assets folder beside it. Never tried on a real device: inside a private mount namespace, a
# tmpfs gets its own device node (the null device, 1:3), and the namespace ends with the test.
# usage: device_out.sh NNTRACE_BINARY
set -euo pipefail
nntrace="$1"
if ! unshare -m true 2>/dev/null; then
  echo "SKIP: no private mount namespace here (unshare -m)"
  exit 77
fi
exec unshare -m bash -euo pipefail -c '
  nntrace="$1"
  dir="$(mktemp -d)"
  trap "umount \"$dir\" 2>/dev/null || true; rmdir \"$dir\"" EXIT
  mount -t tmpfs nntrace-device-test "$dir"
  mknod "$dir/device" c 1 3
  "$nntrace" run linear-backprop --format html --out "$dir/device"
  "$nntrace" run linear-backprop --format json --out "$dir/device"
  [ -c "$dir/device" ] || { echo "the device was replaced"; exit 1; }
  left="$(ls -A "$dir")"
  [ "$left" = device ] || { echo "written beside the device: $left"; exit 1; }
  echo "written through the device; nothing beside it"
' device_out "$nntrace"
