// Reads the keys of a graph lesson (see seek_kind.hpp) into graphs and parts, checking names and
// expressions at their positions in the file. A part's own fields (those of its verb) stay in
// its table: the verb reads them when it runs. Internal to the lessons library.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <toml++/toml.h>

#include "algorithms/target_seeking.hpp"
#include "lessons/lesson_file.hpp"

namespace nntrace {

struct PartVerb;

struct GraphEntry {
    Graph graph;
    std::vector<const toml::node*> node_sources;  // each node's string in lesson.toml
    std::vector<int> offsets;                     // where its expression starts in that string
    const toml::node* where = nullptr;            // the graph's table
};

// The fields every part has; the rest belong to its verb.
struct PartSpec {
    const PartVerb* verb = nullptr;
    std::string key;
    std::string title;               // a name in the lesson's [strings]
    std::string graph;               // a name in GraphLesson::graphs
    std::vector<std::string> notes;  // names in the lesson's [strings]
    std::optional<int> decimals;     // the part's own precision
    const toml::table* table = nullptr;  // the part's table, for its verb's fields
};

struct GraphLesson {
    std::map<std::string, GraphEntry> graphs;
    std::vector<PartSpec> parts;
};

// Throws InputError at the position of a bad graph or part.
GraphLesson read_graph_lesson(const LessonFile& lesson);

// The keys every part has, whatever its verb.
const std::vector<std::string_view>& common_part_keys();

}  // namespace nntrace
