// Across every lesson: each published figure that does not match says why, and a run moved away
// from the source's settings still judges the source's figures against the source's run.
#include <catch2/catch.hpp>

#include "lesson_test_helpers.hpp"

using namespace nntrace;
using namespace lesson_test;

TEST_CASE("Published figures: every figure that does not match carries a reason", "[lesson][comparisons]") {
    for (const auto& lesson : list_lessons(lessons_dir())) {
        const Record r = run(lesson.id);
        for (const Comparison& c : r.comparisons) {
            INFO(lesson.id << " " << c.key);
            if (c.verdict != Comparison::Verdict::matches) CHECK(c.reason.has_value());
            if (c.verdict == Comparison::Verdict::last_digit) CHECK(c.digits > 0);
        }
    }
}

TEST_CASE("Published figures: --set judges the source's figures against the source's settings", "[lesson][comparisons]") {
    const Record source = run("perceptron");
    const Record cyclic = run("perceptron", with_set("order", "cyclic"));
    REQUIRE(cyclic.comparisons.size() == source.comparisons.size());
    for (std::size_t i = 0; i < source.comparisons.size(); ++i) {
        INFO(source.comparisons[i].key);
        CHECK(cyclic.comparisons[i].verdict == source.comparisons[i].verdict);
        CHECK(cyclic.comparisons[i].computed.hand == source.comparisons[i].computed.hand);
    }
    CHECK(cyclic.sections.back().key == "source-settings");
}
