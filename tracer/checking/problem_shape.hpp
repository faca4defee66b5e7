// What the mistakes need to know about an arbitrary problem file: which params are biases, how
// far each name is from the loss, and how many terms the loss adds up.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "problem/problem.hpp"

namespace nntrace {

// A bias is a param whose name starts with `b` or `B` (b1, b_o, bias). Problem files have no
// other way to say it, and every source we teach from names its biases so.
bool is_bias(const std::string& name);
std::vector<std::string> bias_params(const Problem& problem);

// The longest path, in nodes, from each name to the loss node (the loss itself is 0). A name
// the loss does not read is absent. "Earlier layer" means greater depth: in the 2-2-2 network
// w5 has depth 4 and w1 depth 6; a student updating layer by layer from the output changes
// every param of smaller depth before differentiating a deeper one.
std::map<std::string, int> depths_from_loss(const Problem& problem);

// The number of terms the loss node's own expression adds up: "E_o1 + E_o2" is 2,
// "0.5*(y - yhat)^2" is 1. The n of a loss written as a mean (1/n)·Σ.
int loss_terms(const Problem& problem);

// The loss node's definition; the problem must have a [loss].
NodeDefinition& loss_node(Problem& problem);
const NodeDefinition& loss_node(const Problem& problem);

}  // namespace nntrace
