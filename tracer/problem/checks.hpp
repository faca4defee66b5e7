// The checks a problem passes after its tables have been read: names, expressions, the order
// of the nodes, and the names that [loss] and [train] refer to. Each throws InputError at the
// file position of what is wrong.
#pragma once

#include <string>

#include "problem/problem.hpp"

namespace nntrace {

[[noreturn]] void fail_at(const Problem& problem, FilePosition at, const std::string& message);

// ASCII letters, digits and `_`, not starting with a digit.
bool is_valid_name(const std::string& name);

// Every check below, in order; fills the defaults of `wrt` and `update`, and sorts the nodes.
void check_problem(Problem& problem);

// Names well formed, defined once across [functions], [inputs], [params] and [nodes], and none
// the name of a function.
void check_names(const Problem& problem);

// Function bodies use only x; node expressions use only known names and functions.
void check_expressions(const Problem& problem);

// Sorts the nodes so that each comes after the nodes it reads, keeping file order among
// independent ones. A cycle is an error that names it: "z1 → h1 → z1".
void order_nodes(Problem& problem);

// [loss] node is a node; wrt, update and the entries of [matrices] name params or inputs.
void check_references(Problem& problem);

}  // namespace nntrace
