// Every numeric parameter of every lesson pushed to extremes: the run either refuses the value
// with a clear message (InputError) or produces a record whose every output says what happened —
// never a table of silent "nan" or "inf", never a crash.
#include <catch2/catch.hpp>

#include <regex>

#include "core/errors.hpp"
#include "lessons/lessons.hpp"
#include "render/render.hpp"

using namespace nntrace;

namespace {

const std::string home = NNTRACE_SOURCE_HOME;

RenderOptions options() {
    RenderOptions o;
    o.messages_dir = home + "/templates/messages";
    o.templates_dir = home + "/templates";
    return o;
}

bool shows_non_finite(const std::string& text) {
    static const std::regex word(R"((^|[^A-Za-z])(nan|inf|NaN|Inf|INF|NAN)([^A-Za-z]|$))");
    return std::regex_search(text, word);
}

}  // namespace

TEST_CASE("Numeric faults: extreme parameters never show nan or inf", "[hardening][numeric]") {
    const char* extremes[] = {"1e300", "-1e300", "0"};
    int runs = 0, refused = 0;
    for (const LessonInfo& lesson : list_lessons(home + "/lessons")) {
        const Record defaults = run_lesson(home + "/lessons", lesson.id, {});
        for (const auto& [name, value] : defaults.parameters) {
            (void)value;
            for (const char* extreme : extremes) {
                RunOptions o;
                o.sets = {{name, extreme}};
                INFO(lesson.id << " --set " << name << "=" << extreme);
                try {
                    const Record r = run_lesson(home + "/lessons", lesson.id, o);
                    CHECK_FALSE(shows_non_finite(render(r, Format::text, options())));
                    ++runs;
                } catch (const InputError& e) {
                    // One line naming the option, or the place in the lesson's files where the
                    // value stopped being a number.
                    const std::string message = e.what();
                    CHECK(message.find('\n') == std::string::npos);
                    CHECK((message.find("--set " + name) != std::string::npos || message.find(".toml:") != std::string::npos));
                    ++refused;
                }
            }
        }
    }
    CHECK(runs > 0);
    CHECK(refused > 0);
}
