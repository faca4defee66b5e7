// The numbering of a [network] made visible: which weight joins which two neurons.
// Internal to the problem library.
#pragma once

#include <map>
#include <string>

#include "problem/problem.hpp"

namespace nntrace {

// Adds to `setup` a note on how the weights are numbered and a table "network-numbering" with
// one row per weight and bias (name, from, to, value, the value read from `values`, so --set
// shows). Adds nothing when the problem has no [network].
void add_network_numbering(const Problem& problem, const std::map<std::string, Num>& values, Section& setup);

}  // namespace nntrace
