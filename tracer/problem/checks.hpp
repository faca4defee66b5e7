// The checks a problem passes after its tables have been read: names, expressions, the order
// of the nodes, and the names that [loss] and [train] refer to. Each throws InputError at the
// file position of what is wrong.
#pragma once

#include <string>
#include <string_view>

#include "problem/problem.hpp"

namespace nntrace {

[[noreturn]] void fail_at(const Problem& problem, FilePosition at, const std::string& message);

// ASCII letters, digits and `_`, not starting with a digit.
bool is_valid_name(std::string_view name);

// Every check below, in order; fills the defaults of `wrt` and `update`, and sorts the nodes.
void check_problem(Problem& problem);

// Names well formed, defined once across [functions], [inputs], [params] and [nodes], and none
// the name of a function.
void check_names(const Problem& problem);

// Function bodies use only x; node expressions use only known names and functions.
void check_expressions(const Problem& problem);

// The user functions of [functions] in file order, each able to call the others. Throws
// InputError at the call when functions call one another in a loop (a function calling itself,
// directly or through others), more than max_function_depth deep, or too many times over; and
// at the column of anything else wrong in a body.
std::vector<UserFunction> make_user_functions(const Problem& problem);

// Sorts the nodes so that each comes after the nodes it reads, keeping file order among
// independent ones. A cycle is an error that names it: "z1 → h1 → z1".
void order_nodes(Problem& problem);

// [loss] node is a node; wrt, update and the entries of [matrices] name params or inputs.
void check_references(Problem& problem);

}  // namespace nntrace
