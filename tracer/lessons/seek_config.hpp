// Reads the target-seeking keys of a lesson.toml (see seek_kind.hpp) into graphs and parts,
// checking names and expressions at their positions in the file. Internal to the lessons library.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <toml++/toml.h>

#include "algorithms/target_seeking.hpp"
#include "lessons/lesson_file.hpp"

namespace nntrace {

struct GraphEntry {
    Graph graph;
    std::vector<const toml::node*> node_sources;  // each node's string in lesson.toml
    std::vector<int> offsets;                     // where its expression starts in that string
    const toml::node* where = nullptr;            // the graph's table
};

struct PartSpec {
    enum class Action { forward, gradient, adjust, iterate };
    Action action = Action::forward;
    std::string key;
    std::string title;               // a name in the lesson's [strings]
    std::string graph;               // a name in SeekLesson::graphs
    std::vector<std::string> notes;  // names in the lesson's [strings]
    std::optional<int> decimals;     // the part's own precision
    std::vector<std::string> wrt;    // gradient
    bool terms = true;               // gradient
    bool forward = false;            // gradient
    std::vector<Mover> movers;       // adjust, iterate
    FactorMode factors = FactorMode::fixed;  // iterate
    const toml::node* where = nullptr;       // the part's table
};

struct SeekLesson {
    std::map<std::string, GraphEntry> graphs;
    std::vector<PartSpec> parts;
};

// Throws InputError at the position of a bad graph or part.
SeekLesson read_seek_lesson(const LessonFile& lesson);

}  // namespace nntrace
