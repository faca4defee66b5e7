// The registry of lesson kinds: a lesson's `kind` names the adapter that turns its lesson.toml
// into a configuration of a shared algorithm and the algorithm's results into record sections.
// A new lesson of an existing kind needs no C++; a new kind is one adapter and one line in
// kinds.cpp. Internal to the lessons library.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/arithmetic.hpp"
#include "core/record.hpp"
#include "lessons/lesson_file.hpp"
#include "lessons/parameters.hpp"

namespace nntrace {

// What an adapter is given: the lesson, its parameters after --set, and the arithmetic in force.
struct LessonRun {
    const LessonFile& lesson;
    const Parameters& parameters;
    Arithmetic arithmetic;
    // --exact or --decimals was given: the user's choice holds for every part of the lesson,
    // overriding the precision a part declares for itself.
    bool arithmetic_from_user = false;
    // Where a kind leaves the lookups of the numbers its sections keep but do not write out (the
    // rounds a training run leaves out); the lesson's record asks them for keys no section has.
    // Null: nobody asks.
    std::vector<std::function<std::optional<Num>(const std::string& key)>>* find_elsewhere = nullptr;
};

struct LessonKind {
    std::string_view name;
    std::vector<std::string_view> keys;  // the kind's own top-level keys in lesson.toml
    // The record's sections, in the textbook's order. Throws InputError for a bad lesson.toml
    // or a parameter value the kind cannot use.
    std::vector<Section> (*run)(const LessonRun&);
};

const LessonKind* find_lesson_kind(std::string_view name);
std::string lesson_kind_names();  // "target-seeking, …", for error messages

}  // namespace nntrace
