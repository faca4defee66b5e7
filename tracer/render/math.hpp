// Formulas as LaTeX, for the $…$ of Markdown pages and the KaTeX of HTML pages. Only text is
// converted here: numbers arrive already formatted (page_data.cpp formats them).
#pragma once

#include <functional>
#include <string>

#include "core/record.hpp"

namespace nntrace {

// A name as a math symbol: "w1" → "w_{1}", "out_h1" → "\mathrm{out}_{h1}", "l_o1" → "l_{o1}",
// "eta" → "\eta", "Δz" → "\Delta z", "∂z/∂w" → "\frac{\partial z}{\partial w}", and an
// intermediate named by its source text ("2*b") as that expression.
std::string latex_name(const std::string& name);

// Expression text ("4*w*b + 6*b^2", "sigmoid(l_o1)", "n·u^(n−1)") as LaTeX.
std::string latex_expression(const std::string& text);

// ∂of/∂by as a fraction; a compound `by` ("2*b") is put in parentheses.
std::string latex_partial(const std::string& of, const std::string& by);

// A derivative rule "∂(u·v)/∂u = v" as "\frac{\partial (u \cdot v)}{\partial u} = v".
std::string latex_rule(const std::string& rule);

// What one character (UTF-8) is in text that mixes words and formulas: a symbol that is math by
// itself ("∂", "η", "₁", "ŷ"), an operator that joins math ("·", "−", "←"), or neither ("…",
// letters, CJK).
enum class MathCharacter { none, symbol, op };
MathCharacter math_character(const std::string& ch);

// A Greek letter's name ("eta") and a function LaTeX sets upright ("sigmoid", "sqrt"), as
// latex_expression reads them.
bool is_greek_name(const std::string& word);
bool is_function_name(const std::string& word);

// A formatted number for LaTeX: "−0.41" → "-0.41".
std::string latex_number(const std::string& formatted);

// A formatted number after an operator: negatives in parentheses, "(-0.41)".
std::string latex_operand(const std::string& formatted);

struct LatexFormula {
    std::string symbols;      // "2 \cdot w + 3 \cdot b"
    std::string substituted;  // "2 \cdot 3 + 3 \cdot 4"
};

// A formula with its symbols, and with each symbol's value (formatted by `number`) in its place;
// a negative value after an operator is put in parentheses.
LatexFormula latex_formula(const Formula& formula, const std::function<std::string(const Num&)>& number);

}  // namespace nntrace
