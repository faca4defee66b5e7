// The [network] of a problem drawn as neurons and weights (a NetworkDiagram): every number is read
// from the tape of the forward pass and, in the backward view, from that pass's gradients.
// Internal to the problem library.
#pragma once

#include <optional>
#include <string>

#include "core/backward.hpp"
#include "core/record.hpp"
#include "core/tape.hpp"
#include "problem/problem.hpp"

namespace nntrace {

// The network of `problem` as it stands on `tape`; with `g`, the backward view (∂loss/∂ on
// every weight, bias and neuron). Nothing when the problem has no [network]. Neurons come from
// the links the shorthand recorded; each neuron's sum and value nodes are found on the tape,
// where the shorthand's `w*source` products lead to them.
std::optional<NetworkDiagram> network_diagram(const Problem& problem, const Tape& tape, const Gradients* g,
                                              const std::string& key);

}  // namespace nntrace
