// An answer written with more decimals than a double holds (issue 14, item 20) is judged at
// max_judged_decimals, and the check record says so.
#include <catch2/catch.hpp>

#include "checking/check_record.hpp"
#include "core/compare.hpp"
#include "support.hpp"

using namespace nntrace;
using nntrace::test::judge_one;

namespace {

const std::string quarter = "decimals = 3\n[params]\nw = 0.5\n[nodes]\ny = \"w*w\"\n";

}  // namespace

TEST_CASE("Answer decimals: 89 decimals are judged at 17", "[check][verdict]") {
    const std::string given = "0.25" + std::string(87, '0');
    const Judgement j = judge_one(quarter, "y", given);
    CHECK(j.decimals == max_judged_decimals);
    CHECK(j.decimals_capped);
    CHECK(j.verdict == Verdict::correct);
}

TEST_CASE("Answer decimals: up to 17 decimals are judged as written", "[check][verdict]") {
    const Judgement j = judge_one(quarter, "y", "0.2500");
    CHECK(j.decimals == 4);
    CHECK_FALSE(j.decimals_capped);
}

TEST_CASE("Answer decimals: the check record notes a capped answer", "[check][verdict]") {
    const std::string given = "0.25" + std::string(87, '0');
    Problem p = parse_problem(quarter, "q.toml");
    const Judge judge(p, {"y"}, MistakeContext{most_decimals({given})});
    const Record r = check_record(judge, {judge.judge("y", given)});
    bool noted = false;
    for (const auto& s : r.sections)
        for (const auto& item : s.items)
            if (const auto* n = std::get_if<Note>(&item)) noted = noted || n->key == "decimals-capped-y";
    CHECK(noted);
}
