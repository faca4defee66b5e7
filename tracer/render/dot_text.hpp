// Names and formulas in a drawing, written as the pages write them. The pages typeset the LaTeX
// of math.hpp with KaTeX; a Graphviz label cannot, so this reads that same LaTeX and writes it in
// Unicode: w_{5} → w₅, \hat{y} → ŷ, \cdot → ·, ^{2} → ², \frac{\partial a}{\partial b} → ∂a/∂b.
// What a name looks like is decided once, in math.cpp; this file only changes the notation.
// Private to the render library.
#pragma once

#include <string>

namespace nntrace {

// LaTeX as math.hpp writes it, as text for a Graphviz HTML-like label (escaped). A subscript or
// superscript is written with Unicode's subscript characters when it has one for each character
// (w₅, out_h1 → outₕ₁, E_total → Eₜₒₜₐₗ): Graphviz sets a <SUB> at a lowered baseline it makes no
// room for, so that it runs into the line below. Other scripts fall back to <SUB>/<SUP>.
std::string dot_math(const std::string& latex);

// The same LaTeX as plain Unicode text, for a terminal: w_{5} → w₅, \hat{y} → ŷ; a script with
// no Unicode characters in brackets, x_{(k)} → x_((k)). Not escaped.
std::string plain_math(const std::string& latex);

// A name as the pages typeset it: dot_math(latex_name(name)).
std::string dot_name(const std::string& name);

// Expression text ("4*w*b + 6*b^2") as the pages typeset it: dot_math(latex_expression(text)).
std::string dot_expression(const std::string& text);

}  // namespace nntrace
