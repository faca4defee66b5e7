// Turns what happened on the tape into record items: forward steps and chain-rule lines.
#pragma once

#include <string>
#include <vector>

#include "backward.hpp"
#include "record.hpp"
#include "tape.hpp"

namespace nntrace {

// The step that computed a named node: name = formula = value. Key: prefix + name.
Step step_of(const Tape& tape, NodeId id, const std::string& key_prefix);

// One step per named, computed node (leaves excluded), in tape order.
std::vector<Item> forward_steps(const Tape& tape, const std::string& key_prefix);

// Every chain-rule product and every sum, from the root toward the leaves. Keys:
// prefix + "d" + root + "/d" + target (+ "/via/" + through for a single product).
std::vector<Item> chain_lines(const Tape& tape, const Gradients& g, const std::string& key_prefix);

// The graph below `root` (every node it depends on) for drawing; with `g`, the backward view:
// gradients on the nodes and contributions on the edges. Constants are left out.
Diagram diagram_of(const Tape& tape, NodeId root, const Gradients* g, const std::string& key);

// The display name of a node: its user name or the source text it was built from.
std::string display_name(const Tape& tape, NodeId id);

}  // namespace nntrace
