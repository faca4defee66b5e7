// --rounding without --decimals (issue 14, item 20): the file's own decimals, rounded the way
// the option says; refused, naming the option, for a problem that computes exactly.
#include <catch2/catch.hpp>

#include "support.hpp"

using nntrace::InputError;
using nntrace::Rounding;
using nntrace::RunOptions;
using Catch::Matchers::Contains;

namespace {

// 2/3 at 3 decimals: 0.667 rounded half up, 0.666 truncated.
const std::string two_thirds = "decimals = 3\n[inputs]\nx = 2\n[nodes]\ny = \"x/3\"\n";

RunOptions rounding(Rounding r) {
    RunOptions o;
    o.rounding = r;
    return o;
}

}  // namespace

TEST_CASE("Problem --rounding: alone, it rounds at the file's decimals", "[problem][rounding]") {
    const nntrace::Problem p = nntrace::parse_problem(two_thirds, "r.toml");
    const nntrace::Record half_up = nntrace::run_problem(p, {});
    const nntrace::Record cut = nntrace::run_problem(p, rounding(Rounding::truncate));
    CHECK(cut.arithmetic.decimals == 3);
    CHECK(cut.arithmetic.rounding == Rounding::truncate);
    CHECK(cut.find("y")->hand == nntrace::round_decimal(2.0 / 3.0, 3, Rounding::truncate));
    CHECK(half_up.find("y")->hand == nntrace::round_decimal(2.0 / 3.0, 3, Rounding::half_up));
    CHECK(cut.find("y")->hand != half_up.find("y")->hand);
}

TEST_CASE("Problem --rounding: --decimals carries its own rounding and wins", "[problem][rounding]") {
    RunOptions o = rounding(Rounding::truncate);
    o.arithmetic = nntrace::Arithmetic::hand(2, Rounding::half_up);
    const nntrace::Record r = nntrace::run_problem(nntrace::parse_problem(two_thirds, "r.toml"), o);
    CHECK(r.arithmetic.decimals == 2);
    CHECK(r.arithmetic.rounding == Rounding::half_up);
}

TEST_CASE("Problem --rounding: an exact problem refuses it, naming the option", "[problem][rounding]") {
    const nntrace::Problem p = nntrace::parse_problem("[inputs]\nx = 2\n[nodes]\ny = \"x/3\"\n", "r.toml");
    try {
        nntrace::run_problem(p, rounding(Rounding::truncate));
        FAIL("--rounding was accepted for an exact problem");
    } catch (const InputError& e) {
        CHECK_THAT(e.what(), Contains("--rounding truncate") && Contains("--decimals N"));
    }
}
