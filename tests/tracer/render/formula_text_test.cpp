#include <catch2/catch.hpp>

#include "formula_text.hpp"
#include "sample_records.hpp"

using namespace nntrace;
using test::lit;
using test::sym;

namespace {
const NumberStyle ascii{6, Shape::trim_zeros, Minus::ascii};
const NumberStyle people{6, Shape::trim_zeros, Minus::unicode};
}  // namespace

TEST_CASE("Formula text: symbols are replaced by their values, '*' shows as '·'", "[render][formula]") {
    const FormulaText f = formula_text(test::step_x().formula, ascii);
    CHECK(f.symbols == "2·w + 3·b");
    CHECK(f.substituted == "2·3 + 3·4");
}

TEST_CASE("Formula text: a negative value after an operator is parenthesized", "[render][formula]") {
    const Formula f{lit("2"), lit("*"), sym("w", -0.4)};
    CHECK(formula_text(f, ascii).substituted == "2·(-0.4)");
    CHECK(formula_text(f, people).substituted == "2·(\xE2\x88\x92" "0.4)");
}

TEST_CASE("Formula text: a negative value first or after '(' needs no parentheses", "[render][formula]") {
    const Formula f{sym("w", -0.4), lit(" + "), lit("sigmoid("), sym("b", -1), lit(")")};
    CHECK(formula_text(f, ascii).substituted == "-0.4 + sigmoid(-1)");
}

TEST_CASE("Formula text: minus between terms shows as U+2212 for people only", "[render][formula]") {
    const Formula f{sym("t", 0.85), lit(" - "), sym("o", 0.5)};
    CHECK(formula_text(f, ascii).symbols == "t - o");
    CHECK(formula_text(f, people).symbols == "t \xE2\x88\x92 o");
}

TEST_CASE("Formula text: a value without a symbol shows as a number in both strings", "[render][formula]") {
    // powc's rule n·u^(n−1) with n = 2 and u = x = 3.
    const Formula f{Piece{"", Num::both(2)}, lit("·"), sym("x", 3), lit("^("), Piece{"", Num::both(2)}, lit("−1)")};
    const FormulaText t = formula_text(f, ascii);
    CHECK(t.symbols == "2·x^(2−1)");
    CHECK(t.substituted == "2·3^(2−1)");
}
