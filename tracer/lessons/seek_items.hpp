// Record items for target seeking: the derivatives of a graph, a one-step adjustment, the table
// of an iteration run and the note that says how a run ended. Values are copied from the
// algorithm's results; nothing is computed here. Internal to the lessons library.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "algorithms/target_seeking.hpp"
#include "core/record.hpp"

namespace nntrace {

// The engine's chain-rule lines for ∂of/∂v (keys prefix + "terms/…", when `with_terms`), then
// one step per variable with its derivative, key prefix + "d" + of + "/d" + v.
std::vector<Item> gradient_items(const BuiltGraph& graph, const std::string& of,
                                 const std::vector<std::string>& wrt, const std::string& prefix,
                                 bool with_terms);

// The computation graph below `of` with values, local derivatives and gradients, for drawing.
Diagram gradient_diagram(const BuiltGraph& graph, const std::string& of, const std::string& key);

// Δout = out − target, each Δv and new v, then the forward pass at the new point. Keys:
// prefix + "delta_z", prefix + "delta_w", prefix + "w", prefix + "x" (the new forward pass).
std::vector<Item> adjustment_items(const SeekPlan& plan, const SeekRun& run, const std::string& prefix);

// One row per round: round, the variables, the nodes, Δout, the factors used, the Δ of each node
// on a chain, the moves, and whether a floor reset a variable. Column keys: "round", names,
// "delta_z", "dz_dw" (a factor ∂z/∂w), "delta_b" (a chain's node), "delta_w", "reset_w".
Table iteration_table(const SeekPlan& plan, const SeekRun& run, const std::string& key, const Message& title);

// How the run ended (converged, capped, stalled, fault); nothing for a single step.
std::optional<Note> ending_note(const SeekPlan& plan, const SeekRun& run, const std::string& key);

}  // namespace nntrace
