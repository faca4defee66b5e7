#include <catch2/catch.hpp>

#include "math.hpp"
#include "number_format.hpp"
#include "sample_records.hpp"

using namespace nntrace;

namespace {
std::string plain(const Num& n) { return n.hand < 0 ? "−" + std::to_string(static_cast<int>(-n.hand)) : std::to_string(static_cast<int>(n.hand)); }
}  // namespace

TEST_CASE("Math: names with digits get subscripts", "[render][math]") {
    CHECK(latex_name("w1") == "w_{1}");
    CHECK(latex_name("w10") == "w_{10}");
    CHECK(latex_name("x") == "x");
}

TEST_CASE("Math: names with underscores get subscripts, words upright", "[render][math]") {
    CHECK(latex_name("out_h1") == "\\mathrm{out}_{h1}");
    CHECK(latex_name("l_o1") == "l_{o1}");
    CHECK(latex_name("target") == "\\mathrm{target}");
}

TEST_CASE("Math: Greek names and letters become LaTeX commands", "[render][math]") {
    CHECK(latex_name("eta") == "\\eta");
    CHECK(latex_name("Δz") == "\\Delta z");
}

TEST_CASE("Math: a partial derivative written ∂a/∂b becomes a fraction", "[render][math]") {
    CHECK(latex_name("∂z/∂w") == "\\frac{\\partial z}{\\partial w}");
    CHECK(latex_partial("L", "w7") == "\\frac{\\partial L}{\\partial w_{7}}");
}

TEST_CASE("Math: a compound variable of ∂ is put in parentheses", "[render][math]") {
    CHECK(latex_partial("z", "2*b") == "\\frac{\\partial z}{\\partial (2 \\cdot b)}");
}

TEST_CASE("Math: '*' is \\cdot and '^2' a superscript", "[render][math]") {
    CHECK(latex_expression("4*w*b + 6*b^2") == "4 \\cdot w \\cdot b + 6 \\cdot b^{2}");
    CHECK(latex_expression("n·u^(n−1)") == "n \\cdot u^{n-1}");
}

TEST_CASE("Math: superscript and subscript characters become one group each", "[render][math]") {
    CHECK(latex_expression("wᵀx + b") == "w^{\\top}x + b");
    CHECK(latex_expression("x₁₂") == "x_{12}");
    CHECK(latex_expression("w⁽²⁾") == "w^{(2)}");
    CHECK(latex_expression("x²") == "x^{2}");
}

TEST_CASE("Math: a prime is TeX's prime", "[render][math]") {
    CHECK(latex_expression("s′(x)") == "s'(x)");
}

TEST_CASE("Math: functions become \\sigma, \\ln, \\exp and \\sqrt{…}", "[render][math]") {
    CHECK(latex_expression("sigmoid(l_o1)") == "\\sigma(l_{o1})");
    CHECK(latex_expression("ln(x) + exp(y)") == "\\ln(x) + \\exp(y)");
    CHECK(latex_expression("sqrt(x^2 + 1)") == "\\sqrt{x^{2} + 1}");
}

TEST_CASE("Math: a derivative rule becomes a fraction and its right-hand side", "[render][math]") {
    CHECK(latex_rule("∂(u·v)/∂u = v") == "\\frac{\\partial (u \\cdot v)}{\\partial u} = v");
    CHECK(latex_rule("∂(u/v)/∂v = −u/v²") == "\\frac{\\partial (u/v)}{\\partial v} = -u/v^{2}");
}

TEST_CASE("Math: characters TeX reserves are escaped", "[render][math]") {
    CHECK(latex_expression("a % b & c # d") == "a \\% b \\& c \\# d");
}

TEST_CASE("Math: a formula with its symbols and with their values", "[render][math]") {
    const LatexFormula f = latex_formula(test::step_x().formula, plain);
    CHECK(f.symbols == "2 \\cdot w + 3 \\cdot b");
    CHECK(f.substituted == "2 \\cdot 3 + 3 \\cdot 4");
}

TEST_CASE("Math: a negative value after an operator is put in parentheses", "[render][math]") {
    const Formula f = {test::sym("a", -2), test::lit(" + "), test::sym("b", -3), test::lit("*"), test::sym("c", -4)};
    CHECK(latex_formula(f, plain).substituted == "-2 + (-3) \\cdot (-4)");
}

TEST_CASE("Math: a sigmoid of a substituted sum keeps its brackets", "[render][math]") {
    const Formula f = {test::lit("sigmoid("), test::sym("w1", 2), test::lit("*"), test::sym("x1", -1), test::lit(")")};
    const LatexFormula tex = latex_formula(f, plain);
    CHECK(tex.symbols == "\\sigma(w_{1} \\cdot x_{1})");
    CHECK(tex.substituted == "\\sigma(2 \\cdot (-1))");
}

TEST_CASE("Math: a number in scientific notation becomes a power of ten", "[render][math][hardening]") {
    CHECK(nntrace::latex_number(nntrace::format_number(1.5e20, 3)) == "1.5 \\times 10^{20}");
    CHECK(nntrace::latex_number("\xE2\x88\x92" "1e100") == "-1 \\times 10^{100}");
    CHECK(nntrace::latex_number("0.723") == "0.723");
}

TEST_CASE("Math: a prime is written as KaTeX sets primes, not as the character ′", "[render][math]") {
    CHECK(latex_rule("σ′(z) = σ(z)(1 − σ(z))") == "\\sigma '(z) = \\sigma (z)(1 - \\sigma (z))");
    CHECK(latex_expression("s′(x) = 2·x") == "s'(x) = 2 \\cdot x");
    CHECK(latex_expression("ReLU′(u)").find("′") == std::string::npos);
}

TEST_CASE("Math: a square root takes its operand, the sign alone is the function", "[render][math]") {
    CHECK(latex_expression("√′(u) = 1/(2√u)") == "\\surd '(u) = 1/(2\\sqrt{u})");
    CHECK(latex_expression("√(a + b)") == "\\sqrt{a + b}");
    CHECK(latex_expression("√4.5") == "\\sqrt{4.5}");
}

TEST_CASE("Math: words between terms are text with their spaces", "[render][math]") {
    CHECK(latex_expression("1 if u > 0, else 0") == "1 \\ \\text{if}\\ u > 0, \\ \\text{else}\\ 0");
}

TEST_CASE("Math: a derivative spelt dJ_dx is a fraction, yhat is ŷ, x₁ is x_1", "[render][math]") {
    CHECK(latex_name("de_dw") == "\\frac{\\partial e}{\\partial w}");
    CHECK(latex_name("dJ_dx1") == "\\frac{\\partial J}{\\partial x_{1}}");
    CHECK(latex_name("d_x") == "d_{x}");
    CHECK(latex_name("yhat") == "\\hat{y}");
    CHECK(latex_expression("y·x₁") == "y \\cdot x_{1}");
}

TEST_CASE("Math: a run of superscript characters is one exponent", "[render][math]") {
    CHECK(latex_expression("x⁽¹⁾") == "x^{(1)}");
    CHECK(latex_expression("w⁽¹²⁾ + x²") == "w^{(12)} + x^{2}");
}

TEST_CASE("Math: yhat, as one types the prediction, is set as ŷ", "[render][math]") {
    CHECK(latex_name("yhat") == "\\hat{y}");
    CHECK(latex_expression("0.5*(y - yhat)^2") == "0.5 \\cdot (y - \\hat{y})^{2}");
    CHECK(latex_name("yhats") == "\\mathrm{yhats}");  // only the whole word
}
