// [grading]: what each answer is worth. Without the table the defaults hold; with it, each value
// is checked where it is written.
#include <catch2/catch.hpp>

#include "support.hpp"

using nntrace::InputError;
using Catch::Matchers::Contains;
namespace test = nntrace::test;

namespace {

const std::string graded_base = "[params]\nw = 1\n[nodes]\nL = \"w^2\"\n[loss]\nnode = \"L\"\n";

nntrace::Grading grading_of(const std::string& table) {
    return nntrace::parse_problem(graded_base + table, "graded.toml").grading;
}

void check_grading_error(const std::string& table, int line, int column, const std::string& what) {
    const InputError e = test::parse_error(graded_base + table);
    INFO(e.what());
    CHECK(e.line() == line);
    CHECK(e.column() == column);
    CHECK_THAT(e.what(), Contains(what));
}

}  // namespace

TEST_CASE("Grading: without [grading] each answer is worth 1 with half for a last digit", "[problem][grading]") {
    const nntrace::Grading g = grading_of("");
    CHECK(g.points_for("L") == 1);
    CHECK(g.last_digit == 0.5);
    CHECK(g.carried == 1.0);
}

TEST_CASE("Grading: points per answer leave the others at 1", "[problem][grading]") {
    const nntrace::Grading g = grading_of("[grading]\npoints = { L = 2, \"dL/dw\" = 0.5 }\nlast_digit = 0.25\ncarried = 0\n");
    CHECK(g.points_for("L") == 2);
    CHECK(g.points_for("dL/dw") == 0.5);
    CHECK(g.points_for("w") == 1);
    CHECK(g.last_digit == 0.25);
    CHECK(g.carried == 0);
}

TEST_CASE("Grading: one number of points is every answer's", "[problem][grading]") {
    CHECK(grading_of("[grading]\npoints = 3\n").points_for("L") == 3);
}

TEST_CASE("Grading: points of 0 or less are refused where written", "[problem][grading]") {
    check_grading_error("[grading]\npoints = { L = 0 }\n", 8, 16, "the points of L must be more than 0");
}

TEST_CASE("Grading: a share above 1 is refused where written", "[problem][grading]") {
    check_grading_error("[grading]\nlast_digit = 1.5\n", 8, 14, "a number from 0 to 1");
}

TEST_CASE("Grading: points that are not a number are refused", "[problem][grading]") {
    check_grading_error("[grading]\npoints = \"two\"\n", 8, 10, "must be a number");
}

TEST_CASE("Grading: a misspelt key says what it may mean", "[problem][grading]") {
    check_grading_error("[grading]\nlast_digits = 0.5\n", 8, 1, "did you mean 'last_digit'?");
}
