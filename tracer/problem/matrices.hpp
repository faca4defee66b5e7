// The params a source writes as one matrix or vector ([matrices]), shown as one: their
// gradients, and their values after the first update, each laid out as the source lays them.
// Internal to the problem library.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/backward.hpp"
#include "problem/problem.hpp"

namespace nntrace {

// One table per group, key "d<loss>_d<group>" ("dL_dW": a table's key holds no '/', which
// separates the row and the column of a cell's key): a row per row of the group, its first
// column the entries' names, then one column per column ("1", "2", …), so that "dL_dW/2/1" is
// ∂L/∂W10 for W = [[W00, W01], [W10, W11]].
std::vector<Item> gradient_matrices(const Problem& problem, const Tape& tape, const Gradients& g);

// The same layout for the values after the first update, key "<group>+" ("W+"): `after` holds
// each updated name's new value; an entry not updated keeps its value in `values`.
std::vector<Item> updated_matrices(const Problem& problem, const std::map<std::string, Num>& after,
                                   const std::map<std::string, Num>& values);

}  // namespace nntrace
