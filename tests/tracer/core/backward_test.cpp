#include <catch2/catch.hpp>

#include <cmath>

#include "core/backward.hpp"
#include "core/builder.hpp"

using namespace nntrace;

namespace {

struct Graph {
    Tape tape;
    Scope scope;
    explicit Graph(Arithmetic a = Arithmetic::exact()) : tape(a) {}
    NodeId param(const std::string& n, double v) { return scope.names[n] = tape.parameter(n, v); }
    NodeId node(const std::string& n, const std::string& expr) {
        return scope.names[n] = build_named(tape, n, parse_expression(expr), expr, scope);
    }
};

}  // namespace

TEST_CASE("Backward: a node used twice accumulates both contributions", "[backward]") {
    // f = a*a + a at a = 3: df/da = 2a + 1 = 7, reached through three products.
    Graph g;
    const NodeId a = g.param("a", 3);
    const NodeId f = g.node("f", "a*a + a");
    const Gradients grad = backward(g.tape, f);
    CHECK(grad.of[a].exact == 7.0);
    REQUIRE(grad.sums.size() == 1);
    CHECK(grad.sums[0].node == a);
    CHECK(grad.sums[0].terms.size() == 3);
    CHECK(grad.sums[0].total.exact == 7.0);
}

TEST_CASE("Backward: each chain-rule term is upstream times local", "[backward]") {
    Graph g;
    g.param("w", 3);
    g.param("b", 4);
    g.node("x", "2*w + 3*b");
    g.node("y", "2*b + 1");
    const NodeId z = g.node("z", "x*y");
    const Gradients grad = backward(g.tape, z);
    for (const ChainTerm& t : grad.terms)
        CHECK(t.contribution.exact == t.upstream.exact * t.local.exact);
}

TEST_CASE("Backward: the linear example gives 18 and 63", "[backward]") {
    // z = (2w + 3b)(2b + 1): ∂z/∂w = 2(2b + 1), ∂z/∂b = 3(2b + 1) + 2(2w + 3b)
    Graph g;
    const NodeId w = g.param("w", 3);
    const NodeId b = g.param("b", 4);
    g.node("x", "2*w + 3*b");
    g.node("y", "2*b + 1");
    const Gradients grad = backward(g.tape, g.node("z", "x*y"));
    CHECK(grad.of[w].exact == 2 * (2 * 4 + 1));
    CHECK(grad.of[b].exact == 3 * (2 * 4 + 1) + 2 * (2 * 3 + 3 * 4));
}

TEST_CASE("Backward: nodes the root does not depend on get no gradient", "[backward]") {
    Graph g;
    const NodeId a = g.param("a", 2);
    const NodeId unused = g.param("c", 5);
    const NodeId f = g.node("f", "a^2");
    const Gradients grad = backward(g.tape, f);
    CHECK_FALSE(grad.reaches[unused]);
    CHECK(grad.of[unused].exact == 0.0);
    CHECK(grad.of[a].exact == 4.0);
}

TEST_CASE("Backward: a hand calculation rounds every product", "[backward]") {
    // h = s(x) with s(x) = x^2 at x = 0.85, 3 decimals: h = 0.723 (0.7225 rounded half up).
    Graph g(Arithmetic::hand(3));
    g.param("x", 0.85);
    const NodeId h = g.node("h", "x*x*x");
    // x*x = 0.7225 → 0.723; 0.723 * 0.85 = 0.61455 → 0.615
    CHECK(g.tape[h].value.hand == 0.615);
    CHECK(g.tape[h].value.exact == Approx(0.85 * 0.85 * 0.85));
    const Gradients grad = backward(g.tape, h);
    for (const ChainTerm& t : grad.terms)
        CHECK(t.contribution.hand == round_decimal(t.upstream.hand * t.local.hand, 3, Rounding::half_up));
}

TEST_CASE("Backward: the tape and its gradients are the same from run to run", "[backward]") {
    auto run = [] {
        Graph g;
        g.param("w1", 0.15);
        g.param("i1", 0.05);
        g.node("h", "sigmoid(w1*i1 + 0.35)");
        return backward(g.tape, g.node("E", "0.5*(0.01 - h)^2"));
    };
    const Gradients a = run(), b = run();
    REQUIRE(a.terms.size() == b.terms.size());
    for (std::size_t i = 0; i < a.terms.size(); ++i) {
        CHECK(a.terms[i].target == b.terms[i].target);
        CHECK(a.terms[i].through == b.terms[i].through);
        CHECK(a.terms[i].contribution.exact == b.terms[i].contribution.exact);
    }
}

TEST_CASE("Backward: ln of a negative number is a numeric fault at its node", "[backward]") {
    Graph g;
    g.param("a", -2);
    CHECK_THROWS_AS(g.node("b", "ln(a)"), NumericFault);
}

TEST_CASE("Backward: division by zero is a numeric fault", "[backward]") {
    Graph g;
    g.param("a", 1);
    g.param("z", 0);
    CHECK_THROWS_AS(g.node("q", "a / z"), NumericFault);
}

TEST_CASE("Backward: the pre-activation slip takes sigmoid's slope as z(1 - z)", "[backward][slips]") {
    Tape tape(Arithmetic::exact(), Slips{true});
    Scope scope;
    scope.names["z"] = tape.parameter("z", 0.3775);
    const std::string e = "sigmoid(z)";
    const NodeId out = build(tape, parse_expression(e), e, scope);
    CHECK(tape[out].value.exact == Approx(1.0 / (1.0 + std::exp(-0.3775))));
    CHECK(tape[out].local[0].exact == Approx(0.3775 * (1 - 0.3775)));
}

namespace {

// Bit for bit, the sign of zero included: what `==` on doubles would let through.
bool same_bits(double a, double b) { return std::signbit(a) == std::signbit(b) && (a == b || (std::isnan(a) && std::isnan(b))); }

void require_same_gradients(const Tape& tape, NodeId root) {
    const Gradients full = backward(tape, root);
    const Gradients lean = gradient_values(tape, root);
    REQUIRE(lean.of.size() == full.of.size());
    CHECK(lean.reaches == full.reaches);
    CHECK(lean.terms.empty());
    for (std::size_t i = 0; i < full.of.size(); ++i) {
        INFO("node " << i << " of " << full.of.size());
        CHECK(same_bits(lean.of[i].exact, full.of[i].exact));
        CHECK(same_bits(lean.of[i].hand, full.of[i].hand));
    }
}

}  // namespace

TEST_CASE("Backward: gradient_values equals backward's gradients in a hand calculation", "[backward]") {
    // Sums of three and more contributions (a), a rounded product per term, a node the root does
    // not reach (u), and constants that receive nothing.
    Graph g(Arithmetic::hand(3));
    g.param("a", 0.85);
    g.param("b", -1.25);
    g.param("u", 2);
    g.node("h", "sigmoid(a*b + a) * a - 0.5*a");
    g.node("k", "u*3");
    const NodeId root = g.node("f", "(h - 1)^2 / 2 + b*h");
    require_same_gradients(g.tape, root);
}

TEST_CASE("Backward: gradient_values keeps the sign of a zero gradient as backward does", "[backward]") {
    // ∂f/∂a collects 0·(−1) = −0 twice: backward's sum is 0 + (−0) + (−0) = +0; a single −0
    // contribution stays −0 (b).
    Graph g;
    g.param("a", 0);
    g.param("b", -0.0);
    g.param("z", 0);
    const NodeId root = g.node("f", "z*(-a) + z*(-a) + z*(-b)");
    require_same_gradients(g.tape, root);
}

TEST_CASE("Backward: gradient_values reports a product that is not a number at its node", "[backward]") {
    // Every value is finite (f = 1e100); ∂f/∂w = 1e200 · 1e200 is not.
    Graph g;
    const NodeId w = g.param("w", 1e-300);
    const NodeId root = g.node("f", "1e200*(1e200*w)");
    REQUIRE(std::isfinite(g.tape[root].value.exact));
    try {
        gradient_values(g.tape, root);
        FAIL("no fault");
    } catch (const NumericFault& f) {
        CHECK(f.in_derivative);
        CHECK(g.tape[f.node].args[1] == w);
    }
}
