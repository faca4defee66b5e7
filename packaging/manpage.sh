#!/usr/bin/env bash
# Writes the man page nntrace(1) from the binary's own --help texts, so that the page and the
# program cannot disagree. Run by the build (packaging/CMakeLists.txt):
#   manpage.sh NNTRACE_BINARY OUTPUT.1 VERSION
# The texts are taken as they are and set preformatted; only roff's special characters are
# escaped.
set -euo pipefail
binary=$1 out=$2 version=$3

# roff: a backslash is \e; a line starting with . or ' would be read as a request.
escape() { sed -e 's/\\/\\e/g' -e "s/^\\([.']\\)/\\\\\\&\\1/"; }

{
  echo ".TH NNTRACE 1 \"\" \"nntrace $version\" \"User Commands\""
  echo ".SH NAME"
  echo "nntrace \\- every number of a neural network's computation, step by step"
  echo ".SH SYNOPSIS"
  echo ".B nntrace"
  echo ".I command"
  echo "[\\fIoptions\\fR]"
  echo ".br"
  echo ".B nntrace --version"
  echo ".SH DESCRIPTION"
  echo "nntrace shows how a neural network computes: the forward pass, each local derivative, each"
  echo "chain-rule product, each update, exactly or as a hand calculation rounded to N decimals."
  echo "It runs the lessons of a course and problem files written in TOML, judges answers and"
  echo "grades a class's answer sheet, and gives every student of a class numbers of their own."
  echo ".PP"
  echo ".nf"
  "$binary" --help | escape
  echo ".fi"
  echo ".SH COMMANDS"
  for command in list run build check grade variants; do
    echo ".SS $command"
    echo ".nf"
    "$binary" "$command" --help | escape
    echo ".fi"
  done
  cat <<'TEXT'
.SH EXIT STATUS
.TP
.B 0
done (for \fBcheck\fR: no answer wrong)
.TP
.B 1
internal error
.TP
.B 2
bad input: one line naming the option, or the file, line and column
.TP
.B 3
\fBcheck\fR: some answer is wrong (\fBgrade\fR exits 0 whatever the answers)
.SH ENVIRONMENT
.TP
.B NNTRACE_HOME
the folder holding \fIlessons/\fR and \fItemplates/\fR; overrides the installed copy
.SH FILES
.TP
.I <prefix>/share/nntrace/
lessons, page templates, message catalogs, and the documentation in \fIdocs/\fR:
\fIproblem-format.md\fR (problem files), \fIcheck-and-grade.md\fR, \fIlessons.md\fR,
\fInetwork-shorthand.md\fR
.TP
.I /usr/share/javascript/katex/
KaTeX (Debian's libjs-katex and fonts-katex), copied next to HTML pages so that they work offline
.SH SEE ALSO
.BR dot (1),
.BR gnuplot (1)
TEXT
} >"$out.tmp"
mv "$out.tmp" "$out"
