// The computation graph a textbook draws (issue 11): one node per named quantity, one edge per
// named local derivative ∂N/∂M with its formula in the problem's names and its value. The
// elementary graph (diagram_of) stays the drawing of the tape's own operations.
#pragma once

#include <string>

#include "backward.hpp"
#include "record.hpp"
#include "tape.hpp"

namespace nntrace {

// The named graph below g.root as a backward Diagram: each node its value and ∂root/∂node,
// each edge from M to N the named local derivative ∂N/∂M (formula and value, `rule` empty).
// Node ids are the elementary diagram's ("n" + tape index), so the two can be compared.
Diagram named_diagram(const Tape& tape, const Gradients& g, const std::string& key);

}  // namespace nntrace
