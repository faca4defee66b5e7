// Reading lesson folders, --set overrides and the errors a user sees. The fixture lessons are
// in fixtures/ordered (valid) and fixtures/broken (one mistake each).
#include <catch2/catch.hpp>

#include "core/errors.hpp"
#include "lessons/lessons.hpp"

using namespace nntrace;

namespace {

const std::filesystem::path fixtures =
    std::filesystem::path(NNTRACE_SOURCE_HOME) / "tests" / "tracer" / "lessons" / "fixtures";
const std::filesystem::path ordered = fixtures / "ordered";
const std::filesystem::path broken = fixtures / "broken";

RunOptions with_set(const std::string& name, const std::string& value) {
    RunOptions o;
    o.sets = {{name, value}};
    return o;
}

// The InputError a call throws, for checking its position and words.
template <typename F>
InputError error_of(F&& call) {
    try {
        call();
    } catch (const InputError& e) {
        return e;
    }
    FAIL("expected an InputError");
    throw;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("Lessons: listed in course order by section, then those without one", "[lessons][loader]") {
    const auto lessons = list_lessons(ordered);
    REQUIRE(lessons.size() == 3);
    CHECK(lessons[0].id == "alpha");  // 1.2
    CHECK(lessons[1].id == "gamma");  // 1.10
    CHECK(lessons[2].id == "beta");   // no section
}

TEST_CASE("Lessons: a listed lesson carries its titles and summaries by language", "[lessons][loader]") {
    const auto lessons = list_lessons(ordered);
    CHECK(lessons[0].title.at("en") == "Lesson alpha");
    CHECK(lessons[0].title.at("zh") == "课程 alpha");
    CHECK_FALSE(lessons[0].summary.at("en").empty());
    CHECK(lessons[0].dir.filename() == "alpha");
}

TEST_CASE("Lessons: the real course lists linear-backprop", "[lessons][loader]") {
    const auto lessons = list_lessons(std::filesystem::path(NNTRACE_SOURCE_HOME) / "lessons");
    bool found = false;
    for (const auto& l : lessons) found = found || l.id == "linear-backprop";
    CHECK(found);
}

TEST_CASE("Lessons: the explanation is read by language, empty when missing", "[lessons][loader]") {
    const auto lessons = list_lessons(ordered);
    CHECK(lesson_explanation(lessons[0], "en") == "The alpha lesson, explained.\n");
    CHECK(lesson_explanation(lessons[0], "zh").empty());
}

TEST_CASE("Lessons: an unknown id is refused with the known ids", "[lessons][loader]") {
    const InputError e = error_of([] { run_lesson(ordered, "delta", {}); });
    CHECK(contains(e.what(), "'delta'"));
    CHECK(contains(e.what(), "alpha, beta, gamma"));
}

TEST_CASE("Lessons: --set changes a parameter's value", "[lessons][set]") {
    const Record r = run_lesson(ordered, "alpha", with_set("v", "-2.5"));
    CHECK(r.parameters.at("v").hand == -2.5);
    CHECK(r.find("forward/y")->exact == 3 * -2.5);
}

TEST_CASE("Lessons: --set of a text parameter lands in the settings", "[lessons][set]") {
    const Record r = run_lesson(ordered, "alpha", with_set("label", "other"));
    CHECK(r.settings.at("label") == "other");
}

TEST_CASE("Lessons: --set with an unknown name lists the parameters", "[lessons][set]") {
    const InputError e = error_of([] { run_lesson(ordered, "alpha", with_set("q", "1")); });
    CHECK(contains(e.what(), "--set q=1"));
    CHECK(contains(e.what(), "v, label"));
}

TEST_CASE("Lessons: --set with a value of the wrong type names the option", "[lessons][set]") {
    const InputError e = error_of([] { run_lesson(ordered, "alpha", with_set("v", "abc")); });
    CHECK(contains(e.what(), "--set v=abc: "));
    CHECK(contains(e.what(), "number"));
}

TEST_CASE("Lessons: a value the lesson cannot use is refused at its --set", "[lessons][set]") {
    const auto lessons = std::filesystem::path(NNTRACE_SOURCE_HOME) / "lessons";
    const InputError e = error_of([&] { run_lesson(lessons, "linear-backprop", with_set("max_rounds", "0")); });
    CHECK(contains(e.what(), "--set max_rounds=0: "));
}

TEST_CASE("Lessons: a bad expression is reported at its line and column", "[lessons][errors]") {
    const InputError e = error_of([] { run_lesson(broken, "bad-expression", {}); });
    CHECK(contains(e.file(), "bad-expression"));
    CHECK(e.line() == 13);
    CHECK(e.column() == 17);  // the q of `nodes = ["y = 3*q"]`
    CHECK(contains(e.message(), "'q'"));
}

TEST_CASE("Lessons: a misspelt key is reported where it is", "[lessons][errors]") {
    const InputError e = error_of([] { run_lesson(broken, "unknown-key", {}); });
    CHECK(e.line() == 20);
    CHECK(e.column() == 1);
    CHECK(contains(e.message(), "'titel'"));
}

TEST_CASE("Lessons: a TOML syntax error is reported at its position", "[lessons][errors]") {
    const InputError e = error_of([] { run_lesson(broken, "syntax-error", {}); });
    CHECK(e.line() == 2);
    CHECK(e.column() > 0);
}

TEST_CASE("Lessons: an id that is not the folder's name is refused", "[lessons][errors]") {
    const InputError e = error_of([] { run_lesson(broken, "wrong-id", {}); });
    CHECK(e.line() == 1);
    CHECK(contains(e.message(), "folder"));
}

TEST_CASE("Lessons: an unknown kind is refused with the known kinds", "[lessons][errors]") {
    const InputError e = error_of([] { run_lesson(broken, "unknown-kind", {}); });
    CHECK(e.line() == 2);
    CHECK(contains(e.message(), "target-seeking"));
}

TEST_CASE("Lessons: a published figure's label is a name, or words in both languages", "[lessons][published]") {
    const Record r = run_lesson(ordered, "alpha", {});
    REQUIRE(r.comparisons.size() == 2);
    CHECK(r.comparisons[0].label == "y");  // a name: the same in every language
    const auto words = r.strings.find(r.comparisons[1].label);
    REQUIRE(words != r.strings.end());
    CHECK(words->second.at("en") == "the output");
    CHECK(words->second.at("zh") == "输出");
}

TEST_CASE("Lessons: a label in words without its Chinese is refused where it is", "[lessons][errors]") {
    const InputError e = error_of([] { run_lesson(broken, "label-one-language", {}); });
    CHECK(e.line() == 34);
    CHECK(contains(e.message(), "both languages"));
}

TEST_CASE("Lessons: an internal name that is no parameter is refused where it is", "[lessons][errors]") {
    const InputError e = error_of([] { run_lesson(broken, "internal-unknown", {}); });
    CHECK(e.line() == 6);
    CHECK(contains(e.message(), "max_steps"));
}
