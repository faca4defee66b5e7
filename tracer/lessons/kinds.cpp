#include "lessons/kinds.hpp"

#include "lessons/seek_kind.hpp"

namespace nntrace {
namespace {

// One line per kind. Later kinds (guessing game, descent, perceptron, network, …) go here.
const std::vector<LessonKind>& registry() {
    static const std::vector<LessonKind> kinds = {
        {"target-seeking", target_seeking_keys(), run_target_seeking},
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
