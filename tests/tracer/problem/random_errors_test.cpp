// A bad [random] table is reported at FILE:LINE:COLUMN, like every other key.
#include <catch2/catch.hpp>

#include "support.hpp"

using Catch::Matchers::Contains;
namespace test = nntrace::test;

namespace {

// Lines 1-6; each test adds [random] from line 7.
const std::string random_base = "[params]\nw = 1\nb = 0\n[nodes]\ny = \"w + b\"\n\n";

void check_error(const std::string& random, int line, int column, const std::string& words) {
    const nntrace::InputError e = test::parse_error(random_base + random);
    INFO(e.what());
    CHECK(e.line() == line);
    CHECK(e.column() == column);
    CHECK_THAT(e.what(), Contains(words));
}

}  // namespace

TEST_CASE("Random errors: an entry that is not a table", "[variants]") {
    check_error("[random]\nw = 3\n", 8, 5, "[random] w must be a table like");
}

TEST_CASE("Random errors: an unknown key in an entry suggests the right one", "[variants]") {
    check_error("[random]\nw = { mni = 0, max = 1, decimals = 1 }\n", 8, 7, "unknown key 'mni' in [random] w; did you mean 'min'?");
}

TEST_CASE("Random errors: decimals and step together", "[variants]") {
    check_error("[random]\nw = { min = 0, max = 1, decimals = 1, step = 0.5 }\n", 8, 5, "not both");
}

TEST_CASE("Random errors: max below min", "[variants]") {
    check_error("[random]\nw = { min = 1, max = 0, decimals = 1 }\n", 8, 22, "max must not be less than min");
}

TEST_CASE("Random errors: a range with no value of its decimals", "[variants]") {
    check_error("[random]\nw = { min = 0.11, max = 0.19, decimals = 1 }\n", 8, 5, "no value with 1 decimals");
}

TEST_CASE("Random errors: empty choices", "[variants]") {
    check_error("[random]\nw = { choices = [] }\n", 8, 17, "non-empty array of numbers");
}

TEST_CASE("Random errors: a name that is not an input or a param", "[variants]") {
    check_error("[random]\nww = { choices = [1] }\n", 8, 1, "'ww', which is not an input or a param; did you mean 'w'?");
}

TEST_CASE("Random errors: a node cannot be drawn", "[variants]") {
    check_error("[random]\ny = { choices = [1] }\n", 8, 1, "'y' is a node");
}

TEST_CASE("Random errors: an exclude condition without a comparison", "[variants]") {
    check_error("[random]\nexclude = [\"abs(y)\"]\n", 8, 13, "needs a comparison");
}

TEST_CASE("Random errors: an exclude condition naming nothing points at the name", "[variants]") {
    check_error("[random]\nexclude = [\"abs(yy) < 0.05\"]\n", 8, 17, "unknown name 'yy'; did you mean 'y'?");
}

TEST_CASE("Random errors: an exclude side that does not parse points into the string", "[variants]") {
    check_error("[random]\nexclude = [\"y < \"]\n", 8, 17, "in exclude: expected");
}

TEST_CASE("Random errors: a single = in an exclude condition", "[variants]") {
    check_error("[random]\nexclude = [\"y = 1\"]\n", 8, 15, "write ==");
}

TEST_CASE("Random errors: an unknown function in an exclude condition", "[variants]") {
    check_error("[random]\nexclude = [\"foo(y) < 1\"]\n", 8, 13, "unknown function 'foo'");
}

TEST_CASE("Random errors: an exclude condition naming a derivative of nothing", "[variants]") {
    check_error("[random]\nexclude = [\"abs(dy/dq) < 1\"]\n", 8, 17, "in exclude: dy/dq: the problem has no node, input or param named 'q'");
}
