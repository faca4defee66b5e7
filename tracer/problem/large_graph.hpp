// A graph too big to show node by node (an MLP's 10⁵ nodes). Its page summarises it instead,
// layer by layer, and says so; every number can still be looked up by name.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/backward.hpp"
#include "core/record.hpp"
#include "core/tape.hpp"

namespace nntrace {

// Past this many nodes a run is summarised: a page of more steps is not read by anyone.
constexpr std::size_t nodes_shown_at_most = 5000;

inline bool is_large(const Tape& tape) { return tape.size() > nodes_shown_at_most; }

// In place of the forward, backward and gradients sections: a note saying the graph is
// summarised, the loss, a table of the layers (the named nodes grouped by how many named steps
// lie between them and the data: their count and value range) and, with gradients, each layer's
// parameters with the largest gradients, `largest_per_layer` of them.
constexpr std::size_t largest_per_layer = 5;
std::vector<Section> large_graph_sections(const Tape& tape, NodeId loss, const Gradients* gradients);

// A key of a summarised run: "name" (a named node's value) or "dL/dname" (its gradient, L the
// loss's name), read from the tape. Nothing when the key names neither.
std::optional<Num> find_on_tape(const Tape& tape, NodeId loss, const Gradients* gradients, const std::string& key);

}  // namespace nntrace
