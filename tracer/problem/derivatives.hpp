// Derivatives a problem asks for besides the gradients of its loss: ∂out_o1/∂l_o1, ∂E_o1/∂out_h1.
// Each node differentiated gets a backward pass of its own. Internal to the problem library.
#pragma once

#include <vector>

#include "core/record.hpp"
#include "core/tape.hpp"
#include "problem/problem.hpp"

namespace nntrace {

// The problem's own list, then every answer named "dA/dB" whose A is a node other than the loss
// (the loss's gradients are in the record already), each once. Throws InputError for an entry
// of the list that cannot be computed.
std::vector<DerivativeRequest> requested_derivatives(const Problem& problem);

// Section "derivatives": for each derivative asked, its textbook chain over named quantities,
// then one step per derivative, keyed "dA/dB"; then, folded, section "derivatives-steps": for
// each node differentiated, the elementary chain-rule lines on the way from the asked names up
// to it (not the whole graph below it). `tape` holds the problem's first forward pass.
std::vector<Section> derivatives_sections(const Problem& problem, const Tape& tape,
                                          const std::vector<DerivativeRequest>& asked);

}  // namespace nntrace
