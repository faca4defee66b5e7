// Every operation's local derivative, as stored on the tape, against a central finite difference
// of its forward value: an oracle that shares nothing with the derivative rules.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "core/builder.hpp"
#include "core/tape.hpp"

using namespace nntrace;

namespace {

double value_of(const std::string& expr, double x, double y) {
    Tape t;
    Scope s;
    s.names["x"] = t.input("x", x);
    s.names["y"] = t.input("y", y);
    return t[build(t, parse_expression(expr), expr, s)].value.exact;
}

// ∂f/∂x and ∂f/∂y of a one-operation expression, read off the tape's stored local derivatives.
std::array<double, 2> stored_locals(const std::string& expr, double x, double y) {
    Tape t;
    Scope s;
    s.names["x"] = t.input("x", x);
    s.names["y"] = t.input("y", y);
    const NodeId id = build(t, parse_expression(expr), expr, s);
    std::array<double, 2> d{};
    for (int k = 0; k < arity(t[id].op); ++k) {
        const NodeId arg = t[id].args[static_cast<std::size_t>(k)];
        if (arg == s.names["x"]) d[0] += t[id].local[static_cast<std::size_t>(k)].exact;
        if (arg == s.names["y"]) d[1] += t[id].local[static_cast<std::size_t>(k)].exact;
    }
    return d;
}

void check_against_finite_difference(const std::string& expr, double x, double y) {
    const double h = 1e-6;
    const double dx = (value_of(expr, x + h, y) - value_of(expr, x - h, y)) / (2 * h);
    const double dy = (value_of(expr, x, y + h) - value_of(expr, x, y - h)) / (2 * h);
    const auto d = stored_locals(expr, x, y);
    INFO(expr << " at x=" << x << ", y=" << y);
    CHECK(d[0] == Approx(dx).epsilon(1e-6).margin(1e-7));
    CHECK(d[1] == Approx(dy).epsilon(1e-6).margin(1e-7));
}

const std::vector<std::array<double, 2>> points = {{0.7, 1.3}, {-1.2, 0.4}, {2.5, -0.8}, {0.3, 2.0}};

}  // namespace

TEST_CASE("Rules: binary arithmetic matches finite differences", "[rules]") {
    for (const char* e : {"x + y", "x - y", "x * y", "x / y"})
        for (auto p : points) check_against_finite_difference(e, p[0], p[1]);
}

TEST_CASE("Rules: powers with variable and constant exponents match finite differences", "[rules]") {
    for (auto p : points) {
        check_against_finite_difference("x^2", p[0], p[1]);
        check_against_finite_difference("x^3", p[0], p[1]);
        check_against_finite_difference("x^-1", p[0], p[1]);
    }
    for (auto p : std::vector<std::array<double, 2>>{{0.7, 1.3}, {2.5, -0.8}, {0.3, 2.0}}) {
        check_against_finite_difference("x^0.5", p[0], p[1]);
        check_against_finite_difference("x^y", p[0], p[1]);  // u^v needs u > 0
    }
}

TEST_CASE("Rules: negation matches finite differences", "[rules]") {
    for (auto p : points) check_against_finite_difference("-x", p[0], p[1]);
}

TEST_CASE("Rules: exp, sin, cos, tan, tanh and sigmoid match finite differences", "[rules]") {
    for (const char* e : {"exp(x)", "sin(x)", "cos(x)", "tan(x)", "tanh(x)", "sigmoid(x)"})
        for (auto p : points) check_against_finite_difference(e, p[0], p[1]);
}

TEST_CASE("Rules: ln, log and sqrt match finite differences on their domain", "[rules]") {
    for (const char* e : {"ln(x)", "log(x)", "sqrt(x)"})
        for (double x : {0.3, 0.7, 2.5, 9.0}) check_against_finite_difference(e, x, 1.0);
}

TEST_CASE("Rules: relu, leaky_relu and abs match finite differences away from 0", "[rules]") {
    for (const char* e : {"relu(x)", "leaky_relu(x)", "leaky_relu(x, 0.2)", "abs(x)"})
        for (auto p : points) check_against_finite_difference(e, p[0], p[1]);
}

TEST_CASE("Rules: relu and abs take derivative 0 at 0", "[rules]") {
    CHECK(stored_locals("relu(x)", 0.0, 0.0)[0] == 0.0);
    CHECK(stored_locals("abs(x)", 0.0, 0.0)[0] == 0.0);
}

TEST_CASE("Rules: a user function's derivative matches finite differences", "[rules]") {
    for (double x : {-1.5, 0.2, 0.85, 3.0}) {
        Tape t;
        Scope s;
        s.names["x"] = t.input("x", x);
        s.functions["f"] = t.add_function(make_user_function("f", "x", "x^3 - 2*x + sin(x)"));
        const std::string e = "f(x)";
        const NodeId id = build(t, parse_expression(e), e, s);
        const auto f = [](double v) { return v * v * v - 2 * v + std::sin(v); };
        const double h = 1e-6;
        CHECK(t[id].value.exact == Approx(f(x)));
        CHECK(t[id].local[0].exact == Approx((f(x + h) - f(x - h)) / (2 * h)).epsilon(1e-6));
    }
}
