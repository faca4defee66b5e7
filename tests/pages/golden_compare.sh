# Sourced by golden.sh and golden_dot.sh: compare_with_golden PRODUCED GOLDEN WHAT compares the
# file the tool just wrote with its golden copy, byte for byte, or with NNTRACE_UPDATE_GOLDEN=1
# rewrites the golden copy (see scripts/update-golden); golden files are never edited by hand.
compare_with_golden() {
  produced=$1 golden=$2 what=$3
  if [ "${NNTRACE_UPDATE_GOLDEN:-}" = 1 ]; then
    mkdir -p "$(dirname "$golden")"
    cp "$produced" "$golden"
    echo "golden: rewrote $golden"
    return 0
  fi
  if ! cmp -s "$produced" "$golden"; then
    echo "golden: $what differs from $golden:"
    diff -u "$golden" "$produced" | head -80
    echo "If the change is intended: scripts/update-golden (then review the diff before committing)."
    return 1
  fi
}
