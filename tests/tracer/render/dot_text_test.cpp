// Names and formulas in drawings as the pages write them: the LaTeX of math.hpp in Unicode.
#include <catch2/catch.hpp>

#include "dot_text.hpp"
#include "math.hpp"

using namespace nntrace;

TEST_CASE("DOT text: subscripts are Unicode subscript characters where Unicode has them", "[render][dot]") {
    CHECK(dot_name("w5") == "w₅");
    CHECK(dot_name("w10") == "w₁₀");
    CHECK(dot_name("out_h1") == "outₕ₁");
    CHECK(dot_name("E_total") == "Eₜₒₜₐₗ");
    CHECK(dot_name("x") == "x");
}

TEST_CASE("DOT text: a subscript Unicode lacks falls back to a SUB element", "[render][dot]") {
    // No subscript b, c, d, g or y in Unicode.
    CHECK(dot_name("x_bd") == "x<SUB><FONT POINT-SIZE=\"10\">bd</FONT></SUB>");
}

TEST_CASE("DOT text: a formula is written as the page writes it", "[render][dot]") {
    CHECK(dot_expression("w5*out_h1") == "w₅ · outₕ₁");
    CHECK(dot_expression("0.5*(y - yhat)^2") == "0.5 · (y − ŷ)²");
    CHECK(dot_expression("sigmoid(l_o1)") == "σ(lₒ₁)");
    CHECK(dot_expression("x^(n-1)") == "xⁿ⁻¹");
    CHECK(dot_expression("sqrt(a + b)") == "√(a + b)");
    CHECK(dot_math("\\sigma'(z)") == "σ′(z)");
    CHECK(dot_math("w^{\\top} x") == "wᵀ x");
}

TEST_CASE("DOT text: a partial derivative is written inline", "[render][dot]") {
    CHECK(dot_math(latex_partial("E_total", "w5")) == "∂Eₜₒₜₐₗ/∂w₅");
    CHECK(dot_math(latex_partial("z", "2*b")) == "∂z/∂(2 · b)");
    CHECK(dot_math(latex_rule("∂(u·v)/∂u = v")) == "∂(u · v)/∂u = v");
}

TEST_CASE("DOT text: characters that end a label are escaped", "[render][dot]") {
    CHECK(dot_expression("a < b & c") == "a &lt; b &amp; c");
    CHECK(dot_name("权重") == "权重");
}
