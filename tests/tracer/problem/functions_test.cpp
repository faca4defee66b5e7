// User functions that call one another (issue 14, item 20): computed through every call, and a
// loop of calls, a chain too deep or a call tree too big is refused at the call.
#include <catch2/catch.hpp>

#include <cmath>

#include "core/builder.hpp"
#include "support.hpp"

using nntrace::InputError;
using Catch::Matchers::Contains;
namespace test = nntrace::test;

namespace {

// `functions` is the [functions] table; one node y = f(w) at w = 0.5.
std::string with_functions(const std::string& functions) {
    return "[functions]\n" + functions + "[params]\nw = 0.5\n[nodes]\ny = \"f(w)\"\n[loss]\nnode = \"y\"\n";
}

void functions_check_at(const InputError& e, int line, int column) {
    INFO(e.what());
    CHECK(e.line() == line);
    CHECK(e.column() == column);
}

}  // namespace

TEST_CASE("Problem functions: a function may call a function defined after it", "[problem][functions]") {
    const nntrace::Problem p = nntrace::parse_problem(with_functions("f = \"s(x) + 1\"\ns = \"x^2\"\n"), "f.toml");
    const nntrace::Record r = nntrace::run_problem(p, {});
    // f(w) = w² + 1 and df/dw = 2w, computed here from their formulas.
    const double w = 0.5;
    REQUIRE(r.find("y"));
    CHECK(r.find("y")->exact == Approx(w * w + 1));
    REQUIRE(r.find("dy/dw"));
    CHECK(r.find("dy/dw")->exact == Approx(2 * w));
}

TEST_CASE("Problem functions: calls nest through several functions", "[problem][functions]") {
    const nntrace::Problem p =
        nntrace::parse_problem(with_functions("s = \"x^2\"\ng = \"s(x) + s(2*x)\"\nf = \"sin(g(x))\"\n"), "f.toml");
    const nntrace::Record r = nntrace::run_problem(p, {});
    const double w = 0.5, g = w * w + 4 * w * w;
    CHECK(r.find("y")->exact == Approx(std::sin(g)));
    CHECK(r.find("dy/dw")->exact == Approx(std::cos(g) * 10 * w));
}

TEST_CASE("Problem functions: a function calling itself is refused at the call", "[problem][functions]") {
    const InputError e = test::parse_error(with_functions("f = \"x + f(x)\"\n"));
    CHECK_THAT(e.message(), Contains("in function f") && Contains("f calls itself"));
    functions_check_at(e, 2, 10);
}

TEST_CASE("Problem functions: a loop through other functions is refused at the call that closes it", "[problem][functions]") {
    const InputError e = test::parse_error(with_functions("f = \"g(x)\"\ng = \"h(x) + 1\"\nh = \"2*f(x)\"\n"));
    CHECK_THAT(e.message(), Contains("in function h") && Contains("(f → g → h → f)"));
    functions_check_at(e, 4, 8);
}

TEST_CASE("Problem functions: calls may nest as deep as the limit, not deeper", "[problem][functions]") {
    // f calls f2 calls f3 … calls f<n>; f<n> = x.
    auto chain = [](int n) {
        std::string functions = "f = \"f2(x)\"\n";
        for (int i = 2; i < n; ++i) functions += "f" + std::to_string(i) + " = \"f" + std::to_string(i + 1) + "(x)\"\n";
        return functions + "f" + std::to_string(n) + " = \"x\"\n";
    };
    CHECK_NOTHROW(nntrace::parse_problem(with_functions(chain(nntrace::max_function_depth)), "ok.toml"));
    const InputError e = test::parse_error(with_functions(chain(nntrace::max_function_depth + 1)));
    CHECK_THAT(e.message(), Contains("more than " + std::to_string(nntrace::max_function_depth) + " deep"));
}

TEST_CASE("Problem functions: a call tree that doubles at every level is refused", "[problem][functions]") {
    // f<i> calls f<i+1> twice: f would run 2^9 bodies, each of some 400 parts.
    std::string functions = "f = \"f2(x) + f2(x)\"\n";
    for (int i = 2; i < 10; ++i)
        functions += "f" + std::to_string(i) + " = \"f" + std::to_string(i + 1) + "(x) + f" + std::to_string(i + 1) + "(x)\"\n";
    functions += "f10 = \"x";
    for (int i = 0; i < 200; ++i) functions += " + x";
    functions += "\"\n";
    const InputError e = test::parse_error(with_functions(functions));
    CHECK_THAT(e.message(), Contains("steps each time it is used"));
}
