# Sourced by the atomic tests. processes_inside DIR: the /proc/PID of every process whose working
# folder is DIR or inside it (the tools nntrace started in its staging folders), one a line.
processes_inside() {
  local cwd target
  for cwd in /proc/[0-9]*/cwd; do
    target="$(readlink "$cwd" 2>/dev/null)" || continue
    [[ "$target" == "$1" || "$target" == "$1"/* ]] && echo "${cwd%/cwd}"
  done
  return 0
}
