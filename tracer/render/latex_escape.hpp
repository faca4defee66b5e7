// Escaping text for LaTeX, shared by the lecture tables (latex_table.cpp) and the labels of
// plots drawn with gnuplot's tikz terminal. Private to the render library.
#pragma once

#include <string>

namespace nntrace {

// `text` safe in LaTeX text mode: \ { } $ & # ^ _ % ~ and < > | as commands, line breaks as
// spaces; non-ASCII (Chinese, ², ∂) left as UTF-8, which needs xelatex (with ctex for Chinese).
std::string latex_escape(const std::string& text);

// Words mixed with names and formulas ("step in x", "∂J/∂x", "x（eta1，η = 1.1）") as LaTeX that
// pdflatex typesets when the words are ASCII: names, symbols and the formulas around them in
// $…$ ("$\partial J/\partial x$", "$w_{5}$", "$\hat{y}$"), words escaped in text mode. Chinese
// words stay UTF-8 (xelatex with ctex).
std::string tex_text(const std::string& text);

}  // namespace nntrace
