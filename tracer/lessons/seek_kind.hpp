// The lesson kind "target-seeking": a graph of named nodes, a target for its output, and the
// parts of the lesson page in order. Its keys in lesson.toml:
//
//   [graphs.main]                              # one or more graphs; parts use "main" by default
//   variables = ["w", "b"]                     # start values: the parameters of the same names
//   nodes = ["x = 2*w + 3*b", "y = 2*b + 1", "z = x*y"]
//   output = "z"
//
//   [[part]]                                   # one section of the record per part, in order
//   do = "forward" | "gradient" | "adjust" | "iterate"
//   key = "adjust/w"                           # the section key and the prefix of its items
//   title = "adjust_w"                         # a name in [strings]
//   graph = "main"
//   notes = ["b_printed_as_w"]                 # names in [strings], shown after the part
//   decimals = 3                               # the part's own precision (unless --exact/--decimals)
//   wrt = ["w", "b"]                           # gradient: default every variable
//   terms = true                               # gradient: show the chain-rule lines
//   forward = false                            # gradient: show the graph's forward pass first
//   move = ["w", "b"]                          # adjust, iterate: each takes an equal share of Δout;
//                                              # or [{ variable = "x", share = 1, via = ["b", "a"] }]
//   factors = "fixed" | "recomputed"           # iterate
//
// Parameters it reads: one per variable, `target`, and for iterate parts `tolerance` and
// `max_rounds`. Internal to the lessons library.
#pragma once

#include <string_view>
#include <vector>

#include "lessons/kinds.hpp"

namespace nntrace {

std::vector<std::string_view> target_seeking_keys();
std::vector<Section> run_target_seeking(const LessonRun& run);

}  // namespace nntrace
