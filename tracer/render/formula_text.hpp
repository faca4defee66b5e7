// A formula written out twice: with its symbols ("2·w + 3·b") and with their values in their
// place ("2·3 + 3·4"). Shared by every renderer so that all of them write formulas alike.
#pragma once

#include <string>

#include "core/record.hpp"
#include "number_format.hpp"

namespace nntrace {

struct FormulaText {
    std::string symbols;
    std::string substituted;
};

// '*' shows as '·'; with Minus::unicode a "-" between terms or before a term shows as "−".
// A negative value that follows an operator is put in parentheses: "2·(-0.4)". A piece with a
// value but no symbol (a rule's constant exponent) shows its value in both strings.
FormulaText formula_text(const Formula& formula, const NumberStyle& values);

// `a` then `b` as a product for people: "1 · 9", "0.5 · (−0.41)".
std::string product_text(const std::string& a, const std::string& b);

// Wraps a formatted negative number in parentheses, for a value written after an operator.
std::string parenthesize_negative(const std::string& number);

}  // namespace nntrace
