#include "lessons/kinds.hpp"

#include "lessons/guessing_kind.hpp"
#include "lessons/perceptron_kind.hpp"
#include "lessons/problem_kind.hpp"
#include "lessons/seek_kind.hpp"

namespace nntrace {
namespace {

// One line per kind, in any order. Graph lessons share one runner: their kind names the
// family they belong to, and their parts may use every verb of the part registry.
const std::vector<LessonKind>& registry() {
    static const std::vector<LessonKind> kinds = {
        {"target-seeking", graph_lesson_keys(), run_graph_lesson},
        {"descent", graph_lesson_keys(), run_graph_lesson},
        {"guessing", guessing_keys(), run_guessing},
        {"perceptron", perceptron_keys(), run_perceptron},
        {"problem", problem_lesson_keys(), run_problem_lesson},
    };
    return kinds;
}

}  // namespace

const LessonKind* find_lesson_kind(std::string_view name) {
    for (const auto& k : registry())
        if (k.name == name) return &k;
    return nullptr;
}

std::string lesson_kind_names() {
    std::string out;
    for (const auto& k : registry()) out += (out.empty() ? "" : ", ") + std::string(k.name);
    return out;
}

}  // namespace nntrace
