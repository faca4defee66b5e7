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
