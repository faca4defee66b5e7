#include <catch2/catch.hpp>

#include <random>

#include "core/backward.hpp"
#include "core/named_graph.hpp"
#include "named_support.hpp"

using namespace nntrace;

namespace {

// The named local derivative's formula worked out exactly at the tape's values.
double formula_value(const Tape& tape, const NamedLocal& l) {
    return evaluate(l.formula, [&](const Sym& s) { return tape[s.node].value.exact; }, Arithmetic::exact(), tape);
}

struct Case {
    std::string expr;
    double low, high;  // where x and y are drawn from: inside every function's domain
};

}  // namespace

TEST_CASE("Symbolic: every operation's formula equals the tape's local derivative at random points", "[symbolic]") {
    const Case cases[] = {
        {"x + y", -3, 3},    {"x - y", -3, 3},        {"x * y", -3, 3},     {"x / y", 0.5, 3},
        {"-x", -3, 3},       {"x ^ y", 0.5, 2},       {"x ^ 3", -2, 2},     {"x ^ 0.5", 0.5, 3},
        {"exp(x)", -2, 2},   {"ln(x)", 0.5, 3},       {"sqrt(x)", 0.5, 3},  {"sin(x)", -3, 3},
        {"cos(x)", -3, 3},   {"tan(x)", -1, 1},       {"tanh(x)", -2, 2},   {"sigmoid(x)", -3, 3},
        {"relu(x)", -3, 3},  {"leaky_relu(x, 0.2)", -3, 3}, {"abs(x)", -3, 3},
        {"0.5*(y - x)^2", -3, 3}, {"sigmoid(x*y + 1)", -2, 2}, {"x / (y*y + 1)", -2, 2},
    };
    std::mt19937 rng(11);
    for (const Case& c : cases)
        for (int trial = 0; trial < 20; ++trial) {
            std::uniform_real_distribution<double> draw(c.low, c.high);
            test::Graph g;
            g.input("x", draw(rng));
            g.input("y", draw(rng));
            const NodeId n = g.node("N", c.expr);
            const Gradients grad = backward(g.tape, n);
            for (const char* wrt : {"x", "y"}) {
                INFO(c.expr << " d/d" << wrt << " at x = " << g.tape[g.id("x")].value.exact
                            << ", y = " << g.tape[g.id("y")].value.exact);
                const NamedLocal l = named_local(g.tape, n, g.id(wrt));
                CHECK(formula_value(g.tape, l) == Approx(grad.of[g.id(wrt)].exact).epsilon(1e-10).margin(1e-12));
                CHECK(l.value.exact == Approx(grad.of[g.id(wrt)].exact).epsilon(1e-12).margin(1e-14));
            }
        }
}

TEST_CASE("Symbolic: a user function's formula is derived from its body", "[symbolic]") {
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> draw(-2, 2);
    for (const char* body : {"x^2", "x^3 - sin(x)", "exp(-x^2)", "x*sigmoid(x)"}) {
        for (int trial = 0; trial < 10; ++trial) {
            test::Graph g;
            g.function("s", "x", body);
            g.input("z", draw(rng));
            const NodeId h = g.node("h", "s(z)");
            INFO(body);
            const NamedLocal l = named_local(g.tape, h, g.id("z"));
            CHECK(formula_value(g.tape, l) == Approx(g.tape[h].local[0].exact).epsilon(1e-10).margin(1e-12));
        }
    }
}

TEST_CASE("Symbolic: formulas are written the way a person writes them", "[symbolic]") {
    test::Graph g;
    g.function("s", "x", "x^2");
    g.input("t1", 0.01);
    for (const char* p : {"w5", "w6", "b2", "z4"}) g.param(p, 0.4);
    g.input("out_h1", 0.59);
    g.input("out_h2", 0.6);
    const NodeId l = g.node("l_o1", "w5*out_h1 + w6*out_h2 + b2");
    const NodeId out = g.node("out_o1", "sigmoid(l_o1)");
    const NodeId e = g.node("E_o1", "0.5*(t1 - out_o1)^2");
    const NodeId h = g.node("h4", "s(z4)");
    auto formula = [&](NodeId of, const char* wrt) {
        const NamedLocal local = named_local(g.tape, of, g.id(wrt));
        return test::symbols(formula_of(local.formula, [&](const Sym& s) { return g.tape[s.node].value; }));
    };
    CHECK(formula(out, "l_o1") == "out_o1*(1 - out_o1)");
    CHECK(formula(l, "w5") == "out_h1");
    CHECK(formula(l, "out_h1") == "w5");
    CHECK(formula(l, "b2") == "1");
    CHECK(formula(e, "out_o1") == "-(t1 - out_o1)");
    CHECK(formula(h, "z4") == "2*z4");
}

TEST_CASE("Symbolic: a hand calculation rounds each operation of the formula", "[symbolic]") {
    test::Graph g(Arithmetic::hand(3));
    g.input("z", 0.3);
    const NodeId out = g.node("out", "sigmoid(z)");
    const NamedLocal l = named_local(g.tape, out, g.id("z"));
    const double o = g.tape[out].value.hand;  // 0.574
    const Arithmetic a = Arithmetic::hand(3);
    CHECK(l.value.hand == a.apply(o * a.apply(1 - o)));
    CHECK(l.value.exact == Approx(g.tape[out].local[0].exact));
}

TEST_CASE("Symbolic: simplifying folds constants and drops ones", "[symbolic]") {
    const Sym x = Sym::sym("x", 1);
    const Sym e = Sym::of(Sym::Kind::product,
                          {Sym::num(0.5), Sym::num(2), Sym::of(Sym::Kind::power, {x, Sym::num(1)}),
                           Sym::of(Sym::Kind::sum, {Sym::num(0), Sym::num(-1)})});
    const Sym s = simplify(e);
    REQUIRE(s.kind == Sym::Kind::negate);
    CHECK(s.args[0].kind == Sym::Kind::symbol);
    CHECK(simplify(s).kind == Sym::Kind::negate);  // idempotent
}

namespace {

// "x + x + … + x" of `terms` terms.
std::string long_sum(std::size_t terms) {
    std::string e = "x";
    for (std::size_t i = 1; i < terms; ++i) e += " + x";
    return e;
}

}  // namespace

TEST_CASE("Symbolic: a formula too long to write is the value of its derivative", "[symbolic][scale]") {
    // 4,000 terms: the recursive rules overflowed the stack under AddressSanitizer.
    test::Graph g;
    g.param("x", 0.5);
    const NodeId sum = g.node("L", long_sum(4000));
    const NamedLocal local = named_local(g.tape, sum, g.id("x"));
    REQUIRE(local.formula.kind == Sym::Kind::number);
    CHECK(local.formula.number == Approx(4000));
    CHECK(local.value.exact == Approx(4000));
}

TEST_CASE("Symbolic: a formula within the limit keeps its symbols", "[symbolic][scale]") {
    test::Graph g;
    g.param("x", 0.5);
    g.param("y", 2);
    const NodeId l = g.node("L", long_sum(max_formula_operations / 4) + " + x*y");
    const NamedLocal local = named_local(g.tape, l, g.id("x"));
    CHECK(test::symbols(formula_of(local.formula, [&](const Sym& s) { return g.tape[s.node].value; })) != "");
    CHECK(local.formula.kind != Sym::Kind::number);
}

TEST_CASE("Symbolic: a user function's body too long to derive is refused as an expression error", "[symbolic][scale]") {
    const UserFunction f = make_user_function("s", "x", long_sum(max_formula_operations + 1));
    CHECK_THROWS_AS(body_of(f, {f}), ExpressionError);
}
