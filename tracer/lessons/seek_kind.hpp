// Graph lessons: the kinds "target-seeking" and "descent" (and any later kind built on graphs)
// share one runner. A lesson declares graphs of named nodes and the parts of its page in order;
// each part's `do` names a verb of the part registry (part_verbs.hpp), so a lesson of either
// kind may use every verb. Its keys in lesson.toml:
//
//   [graphs.main]                              # one or more graphs; parts use "main" by default
//   variables = ["w", "b"]                     # start values: the parameters of the same names,
//                                              # unless a part maps them (start = { w = "w0" })
//   nodes = ["x = 2*w + 3*b", "y = 2*b + 1", "z = x*y"]
//   output = "z"
//
//   [[part]]                                   # one section of the record per part, in order
//   do = "forward"                             # a verb: see seek_parts.cpp, descent_parts.cpp
//   key = "forward"                            # the section key and the prefix of its items
//   title = "forward"                          # a name in [strings]
//   graph = "main"
//   notes = ["b_printed_as_w"]                 # names in [strings], shown after the part
//   decimals = 3                               # the part's own precision (unless --exact/--decimals)
//   …                                          # the verb's own fields
//
// Internal to the lessons library.
#pragma once

#include <string_view>
#include <vector>

#include "lessons/kinds.hpp"

namespace nntrace {

std::vector<std::string_view> graph_lesson_keys();
std::vector<Section> run_graph_lesson(const LessonRun& run);

}  // namespace nntrace
