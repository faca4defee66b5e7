// Draws are first judged on their graph's numbers alone (random_values.cpp); the variants must
// be those the full check alone draws, for every student.
#include <catch2/catch.hpp>

#include "problem/random_variants.hpp"

using namespace nntrace;

TEST_CASE("Random variants: the quick look at a draw keeps the variants of the full check", "[random][variants]") {
    const Problem randomised = read_problem(std::string(NNTRACE_SOURCE_HOME) + "/examples/exercise-7-random.toml");
    int redrawn = 0;
    for (int i = 0; i < 60; ++i) {
        const std::string id = "q" + std::to_string(i);
        const Variant quick = draw_variant(randomised, 2026, id);
        const Variant full = draw_variant(randomised, 2026, id, false);
        INFO(id);
        CHECK(quick.draws == full.draws);
        CHECK(quick.drawn == full.drawn);
        CHECK(quick.toml == full.toml);
        redrawn += quick.draws > 1 ? 1 : 0;
    }
    CHECK(redrawn > 10);  // the draws the quick look rejects are among those compared
}
