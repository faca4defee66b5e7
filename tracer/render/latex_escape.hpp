// Escaping text for LaTeX, shared by the lecture tables (latex_table.cpp) and the labels of
// plots drawn with gnuplot's tikz terminal. Private to the render library.
#pragma once

#include <string>

namespace nntrace {

// `text` safe in LaTeX text mode: \ { } $ & # ^ _ % ~ and < > | as commands, line breaks as
// spaces; non-ASCII (Chinese, ², ∂) left as UTF-8, which needs xelatex (with ctex for Chinese).
std::string latex_escape(const std::string& text);

}  // namespace nntrace
