// Problem files that once overflowed the stack or took quadratic time (issue 14, items 6 to 8):
// refused at a file position when they nest too deep, read and checked in linear time when they
// are merely long.
#include <catch2/catch.hpp>

#include <string>

#include "problem/toml_nesting.hpp"
#include "support.hpp"

using nntrace::InputError;
using Catch::Matchers::Contains;
namespace test = nntrace::test;

namespace {

std::string repeated(const std::string& part, int times) {
    std::string out;
    for (int i = 0; i < times; ++i) out += part;
    return out;
}

void limits_check_at(const InputError& e, int line, int column) {
    INFO(e.what());
    CHECK(e.line() == line);
    CHECK(e.column() == column);
}

}  // namespace

TEST_CASE("Problem limits: 10,000 nested parentheses in a node are refused in the file", "[problem][limits]") {
    const std::string expr = repeated("(", 10000) + "w" + repeated(")", 10000);
    const InputError e = test::parse_error("[params]\nw = 1\n[nodes]\nL = \"" + expr + "\"\n");
    CHECK_THAT(e.message(), Contains("in node L") && Contains("nests more than"));
    limits_check_at(e, 4, 6 + nntrace::max_expression_nesting);  // the quote is at column 5
}

TEST_CASE("Problem limits: a 500,000-term node ending in an unknown name names it", "[problem][limits]") {
    const std::string expr = "w" + repeated("+w", 499999) + "+zz";
    const InputError e = test::parse_error("[params]\nw = 1\n[nodes]\nL = \"" + expr + "\"\n");
    CHECK_THAT(e.message(), Contains("unknown name 'zz'"));
    limits_check_at(e, 4, 6 + static_cast<int>(expr.size()) - 2);
}

TEST_CASE("Problem limits: a header of 100,000 dotted parts is refused before toml++ reads it", "[problem][limits]") {
    const InputError e = test::parse_error("[params]\nw = 1\n[a" + repeated(".a", 99999) + "]\n");
    CHECK_THAT(e.message(), Contains("nest more than " + std::to_string(nntrace::max_toml_nesting)));
    // '[' opens one level, then each dot one more: the dot that crosses the limit.
    limits_check_at(e, 3, 1 + 2 * nntrace::max_toml_nesting);
}

TEST_CASE("Problem limits: dotted keys and nested arrays count as nesting too", "[problem][limits]") {
    const InputError dotted = test::parse_error("a" + repeated(".a", 200) + " = 1\n");
    CHECK_THAT(dotted.message(), Contains("nest more than"));
    const InputError arrays = test::parse_error("x = " + repeated("[", 5000) + repeated("]", 5000) + "\n");
    CHECK_THAT(arrays.message(), Contains("nest more than"));
}

TEST_CASE("Problem limits: dots in strings, comments and numbers are not nesting", "[problem][limits]") {
    std::string toml = "title = '''\n" + repeated("[a.a.a.a.a.a]\n", 50) + repeated("x.", 200) + "'''\n";
    toml += "note = \"" + repeated("a.", 300) + "\" # " + repeated("b.", 300) + "\n";
    toml += "weights = [" + repeated("0.5, ", 1000) + "1.5]\n";
    CHECK_NOTHROW(nntrace::check_toml_nesting(toml, "ok.toml"));
}

TEST_CASE("Problem limits: 100,000 chained nodes written last-first are read, checked and ordered", "[problem][limits]") {
    // n100000 reads n99999 … reads n1 reads x: written in reverse, so ordering has to follow the
    // whole chain, and a recursive walk would be 100,000 calls deep.
    const int count = 100000;
    std::string toml = "[inputs]\nx = 1\n[nodes]\n";
    for (int i = count; i >= 1; --i)
        toml += "n" + std::to_string(i) + " = \"" + (i == 1 ? std::string("x") : "n" + std::to_string(i - 1)) + " + 1\"\n";
    const nntrace::Problem p = nntrace::parse_problem(toml, "chain.toml");
    REQUIRE(p.nodes.size() == static_cast<std::size_t>(count));
    CHECK(p.nodes.front().name == "n1");
    CHECK(p.nodes.back().name == "n" + std::to_string(count));
}

TEST_CASE("Problem limits: a cycle through a long chain of nodes is still named", "[problem][limits]") {
    const int count = 50000;
    std::string toml = "[inputs]\nx = 1\n[nodes]\n";
    for (int i = 1; i <= count; ++i)
        toml += "n" + std::to_string(i) + " = \"n" + std::to_string(i == count ? 1 : i + 1) + " + x\"\n";
    const InputError e = test::parse_error(toml);
    CHECK_THAT(e.message(), Contains("the nodes form a cycle: n1 → n2 → n3"));
}
