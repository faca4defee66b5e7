#include <algorithm>

#include <catch2/catch.hpp>

#include "latex_escape.hpp"

using namespace nntrace;

TEST_CASE("TeX text: a derivative's name is math, not Unicode", "[render][latex][tex_text]") {
    CHECK(tex_text("∂J/∂x") == "$\\partial J/\\partial x$");
    CHECK(tex_text("∂E_total/∂w5") == "$\\partial E_{\\mathrm{total}}/\\partial w_{5}$");
    CHECK(tex_text("Δz") == "$\\Delta z$");
}

TEST_CASE("TeX text: names get their subscripts, hats and primes", "[render][latex][tex_text]") {
    CHECK(tex_text("w5") == "$w_{5}$");
    CHECK(tex_text("out_h1") == "$\\mathrm{out}_{h1}$");
    CHECK(tex_text("ŷ") == "$\\hat{y}$");
    CHECK(tex_text("η") == "$\\eta$");
    CHECK(tex_text("s′(x)") == "$s'(x)$");
    CHECK(tex_text("x₁₂") == "$x_{12}$");
    CHECK(tex_text("w⁽²⁾") == "$w^{(2)}$");
    CHECK(tex_text("wᵀx + b") == "$w^{\\top}x + b$");
}

TEST_CASE("TeX text: words stay text, the names among them math", "[render][latex][tex_text]") {
    CHECK(tex_text("step in x") == "step in $x$");
    CHECK(tex_text("Point") == "Point");
    CHECK(tex_text("with a rate") == "with a rate");
    CHECK(tex_text("B's answer") == "B's answer");
    CHECK(tex_text("Widrow-Hoff rule") == "Widrow-Hoff rule");
}

TEST_CASE("TeX text: a formula with operators is one math run", "[render][latex][tex_text]") {
    CHECK(tex_text("η = 1.1") == "$\\eta = 1.1$");
    CHECK(tex_text("η · d") == "$\\eta \\cdot d$");
    CHECK(tex_text("y·(wᵀx + b)") == "$y \\cdot (w^{\\top}x + b)$");
    CHECK(tex_text("J < 0.01") == "$J < 0.01$");
}

TEST_CASE("TeX text: brackets and commas around names stay text", "[render][latex][tex_text]") {
    CHECK(tex_text("x (eta1, η = 1.1)") == "$x$ ($\\eta _{1}$, $\\eta = 1.1$)");
    CHECK(tex_text("(-5, -5)") == "($-5$, $-5$)");
    CHECK(tex_text("V0, V1") == "$V_{0}$, $V_{1}$");
}

TEST_CASE("TeX text: Chinese words stay UTF-8 text beside the math", "[render][latex][tex_text]") {
    CHECK(tex_text("x（eta1，η = 1）") == "$x$（$\\eta _{1}$，$\\eta = 1$）");
    CHECK(tex_text("检查后的 w1") == "检查后的 $w_{1}$");
}

TEST_CASE("TeX text: LaTeX's special characters in words are escaped", "[render][latex][tex_text]") {
    CHECK(tex_text("50% & more") == "50\\% \\& more");
    CHECK(tex_text("{set} #1 ~ \\") == "\\{set\\} \\#1 \\textasciitilde{} \\textbackslash{}");
    CHECK(tex_text("“quoted” — done") == "``quoted'' --- done");
}

TEST_CASE("TeX text: English text comes out ASCII, for pdflatex", "[render][latex][tex_text]") {
    for (const char* text : {"∂J/∂x", "η · d", "wᵀx + b", "ŷ ← ŷ − η", "x ≈ 0.5 × y", "s′(x) ≤ 1"}) {
        const std::string tex = tex_text(text);
        INFO(text << " → " << tex);
        CHECK(std::all_of(tex.begin(), tex.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }));
    }
}

TEST_CASE("TeX text: every character math.cpp sets as math starts a formula", "[render][latex][tex_text]") {
    // One table of characters serves both: a raised minus or a lowered plus is math here
    // because latex_expression knows it, not because a second list repeats it.
    CHECK(tex_text("x⁻¹") == "$x^{-1}$");
    CHECK(tex_text("a₊") == "$a_{+}$");
    CHECK(tex_text("… and so on") == "\\ldots{} and so on");
}

TEST_CASE("TeX text: Greek and function names are the ones latex_expression knows", "[render][latex][tex_text]") {
    CHECK(tex_text("omega") == "$\\omega$");
    CHECK(tex_text("leaky_relu(z)") == "$\\operatorname{LeakyReLU}(z)$");
}
