// A user function works its body's graph out again at each call (builder.cpp: the body is built
// once, then replayed): its s(x) and s′(x) must be exactly those of the body built afresh at x
// on a tape of its own, in every arithmetic, and a body without a value where it is first built
// must still be computed where it has one.
#include <catch2/catch.hpp>

#include <cmath>
#include <optional>
#include <string>

#include "core/backward.hpp"
#include "core/builder.hpp"
#include "core/expression.hpp"

using namespace nntrace;

namespace {

// The body built at x, as every call once did: the reference.
std::array<double, 2> built_afresh(const std::string& body, double x, const Arithmetic& a) {
    Tape scratch(a);
    Scope scope;
    scope.names["x"] = scratch.input("x", x);
    const NodeId out = build(scratch, parse_expression(body), body, scope);
    const Gradients g = backward(scratch, out);
    const NodeId arg = scope.names.at("x");
    return a.is_hand() ? std::array<double, 2>{scratch[out].value.hand, g.of[arg].hand}
                       : std::array<double, 2>{scratch[out].value.exact, g.of[arg].exact};
}

void check_calls(const std::string& body, const std::vector<double>& points) {
    const UserFunction f = make_user_function("f", "x", body, {});
    for (double x : points)
        for (int d = -1; d <= 5; ++d) {
            const Arithmetic a = d < 0 ? Arithmetic::exact() : Arithmetic::hand(d);
            INFO(body << " at x = " << x << ", decimals " << d);
            const auto want = built_afresh(body, x, a);
            const auto got = f.evaluate(x, a);
            CHECK(got[0] == want[0]);
            CHECK(got[1] == want[1]);
        }
}

}  // namespace

TEST_CASE("User function: each call equals its body built afresh, in every arithmetic", "[builder][functions]") {
    check_calls("x^2", {0.3, -1.25, 0.8125, 7});
    check_calls("sigmoid(x)*(1 - sigmoid(x)) + exp(-x)/3", {0.3, -1.25, 2.5});
    check_calls("tanh(2*x) - x*x*x + 0.5", {0.1, -0.7, 1.9});
}

TEST_CASE("User function: a body without a value at 1 is computed where it has one", "[builder][functions]") {
    check_calls("ln(x - 1)", {1.5, 3, 10.25});
    check_calls("1/(x - 1)", {0.5, 2, -3});
}

TEST_CASE("User function: a call where the body has no value reports the fault", "[builder][functions]") {
    const UserFunction f = make_user_function("f", "x", "ln(x)", {});
    CHECK_THROWS_AS(f.evaluate(-2, Arithmetic::hand(3)), NumericFault);
    const UserFunction g = make_user_function("g", "x", "ln(x - 1)", {});
    CHECK_THROWS_AS(g.evaluate(0.5, Arithmetic::exact()), NumericFault);
}

TEST_CASE("User function: a fault in the slope is reported as building the body reports it", "[builder][functions]") {
    const std::string body = "sqrt(x) + 1";  // s(0) = 1, but s′(0) = 1/(2·0) is not a number
    const UserFunction f = make_user_function("f", "x", body, {});
    for (const Arithmetic& a : {Arithmetic::exact(), Arithmetic::hand(3)}) {
        std::optional<NumericFault> want, got;
        try {
            built_afresh(body, 0, a);
        } catch (const NumericFault& e) {
            want = e;
        }
        try {
            f.evaluate(0, a);
        } catch (const NumericFault& e) {
            got = e;
        }
        REQUIRE(want);
        REQUIRE(got);
        CHECK(got->node == want->node);
        CHECK(got->op == want->op);
        CHECK(got->args == want->args);
        CHECK(got->in_derivative == want->in_derivative);
    }
}
