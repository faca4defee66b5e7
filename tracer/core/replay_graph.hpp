// A problem's graph, once built, worked out again with other numbers: another arithmetic, other
// slips, other values of the inputs and params. Building a graph parses the [functions] and
// derives each node's formula for the record; replaying it only recomputes numbers, node by
// node, through the calls the build made (Tape::apply, call), so every number is the one a
// build under that arithmetic gives. What grading by variant and drawing variants run many
// times over (issue 17).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/tape.hpp"

namespace nntrace {

// `shape`'s nodes on a new tape with `arithmetic` and `slips`, each input and param taking its
// value from `leaves` by name, and its [functions] from `functions` when given (the same
// functions, in the same order: a caller's that remember their values), else from `shape`.
// Throws NumericFault for a value that is not a number (a build reports it at the node's
// expression) and std::out_of_range for a leaf `leaves` lacks.
Tape replay_graph(const Tape& shape, const Arithmetic& arithmetic, const Slips& slips,
                  const std::map<std::string, Num>& leaves, const std::vector<UserFunction>* functions = nullptr);

}  // namespace nntrace
