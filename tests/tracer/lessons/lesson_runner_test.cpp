// A LessonRunner (one lesson run many times, as the pages' panel does) gives what run_lesson gives.
#include <catch2/catch.hpp>

#include "lessons/lessons.hpp"

using namespace nntrace;

namespace {

const std::filesystem::path course_lessons = std::filesystem::path(NNTRACE_SOURCE_HOME) / "lessons";

RunOptions setting(const std::string& name, const std::string& value) {
    RunOptions o;
    o.sets = {{name, value}};
    return o;
}

void require_same_comparisons(const Record& a, const Record& b) {
    REQUIRE(a.comparisons.size() == b.comparisons.size());
    for (std::size_t i = 0; i < a.comparisons.size(); ++i) {
        CHECK(a.comparisons[i].key == b.comparisons[i].key);
        CHECK(a.comparisons[i].verdict == b.comparisons[i].verdict);
        CHECK(a.comparisons[i].computed.hand == b.comparisons[i].computed.hand);
        CHECK(a.comparisons[i].reason.has_value() == b.comparisons[i].reason.has_value());
    }
}

}  // namespace

TEST_CASE("lesson runner: later runs with other settings judge the published figures as run_lesson does", "[lessons][runner]") {
    LessonRunner runner(course_lessons, "net-222");
    const Record first = runner.run(setting("w5", "0.3"));
    const Record second = runner.run(setting("w5", "0.1"));
    REQUIRE_FALSE(first.comparisons.empty());
    require_same_comparisons(first, run_lesson(course_lessons, "net-222", setting("w5", "0.3")));
    require_same_comparisons(second, run_lesson(course_lessons, "net-222", setting("w5", "0.1")));
}

TEST_CASE("lesson runner: a run at the lesson's own values after a changed one is run_lesson's", "[lessons][runner]") {
    LessonRunner runner(course_lessons, "net-222");
    runner.run(setting("w5", "0.3"));
    const Record own = runner.run({});
    const Record fresh = run_lesson(course_lessons, "net-222", {});
    require_same_comparisons(own, fresh);
    CHECK(own.sections.size() == fresh.sections.size());
    CHECK(own.parameters.at("w5").hand == fresh.parameters.at("w5").hand);
}

TEST_CASE("lesson runner: --rounding alone judges the figures at the lesson's decimals rounded that way", "[lessons][runner]") {
    LessonRunner runner(course_lessons, "linear-backprop");
    RunOptions truncate = setting("w", "0.5");
    truncate.rounding = Rounding::truncate;
    runner.run(setting("w", "0.5"));
    const Record truncated = runner.run(truncate);
    REQUIRE_FALSE(truncated.comparisons.empty());
    CHECK(truncated.arithmetic.rounding == Rounding::truncate);
    require_same_comparisons(truncated, run_lesson(course_lessons, "linear-backprop", truncate));
    CHECK(runner.run(setting("w", "0.5")).arithmetic.rounding == Rounding::half_up);
}
