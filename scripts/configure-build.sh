# Sourced by scripts/setup, scripts/test and scripts/package: configures a build tree the same
# way for all of them, so that `scripts/test` after `scripts/setup` only builds what is new.
#   configure_build DIR [cmake options...]
# Ninja when it is installed (a tree first configured with another generator keeps it); ccache
# as the compiler launcher when it is installed, never required.
configure_build() {
  local dir=$1
  shift
  local args=(-S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo)
  if [ ! -f "$dir/CMakeCache.txt" ] && command -v ninja >/dev/null; then
    args+=(-G Ninja)
  fi
  if command -v ccache >/dev/null; then
    args+=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  fi
  cmake "${args[@]}" "$@" >/dev/null
}
