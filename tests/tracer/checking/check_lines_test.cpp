// "The correct calculation" shown under a wrong answer: for a derivative, its textbook chain.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

#include "checking/check_record.hpp"
#include "problem/problem.hpp"

using namespace nntrace;

namespace {

Record exercise_7() {
    const auto file = std::filesystem::path(NNTRACE_SOURCE_HOME) / "examples" / "exercise-7.toml";
    return run_problem(read_problem(file), {});
}

}  // namespace

TEST_CASE("Check lines: a derivative's correct calculation is its chain over named quantities", "[checking][named-chain]") {
    const Record r = exercise_7();
    const std::vector<Item> lines = lines_leading_to(r, "dL/dw7");
    REQUIRE_FALSE(lines.empty());
    const auto* chain = std::get_if<NamedChain>(&lines.front());
    REQUIRE(chain);
    CHECK(chain->of == "L");
    CHECK(chain->wrt == "w7");
    CHECK(chain->value.hand == r.find("dL/dw7")->hand);
    // Standing alone: every formula is written, no δ refers to another chain.
    for (const ChainFactor& f : chain->factors) {
        CHECK(f.first);
        CHECK_FALSE(f.delta);
    }
    CHECK(std::none_of(lines.begin(), lines.end(), [](const Item& i) { return std::holds_alternative<ChainLine>(i); }));
}
