// Reading and checking [random] (random_table.hpp). Internal to the problem library.
#pragma once

#include <toml++/toml.h>

#include "problem/problem.hpp"

namespace nntrace {

// [random] → RandomTable: the shape of each value (a range or choices, an exclude condition
// that parses); what the names mean is checked by check_random once every table is read.
// Throws InputError at the file position of what is wrong.
RandomTable read_random(const toml::key& key, const toml::node& node, const Problem& problem,
                        const SourceLines& lines);

// The lines a table takes in the file, from its header (or key) to its last value.
LineSpan lines_of(const toml::key& key, const toml::node& node);

// Every name [random] draws is an input or a param; an exclude condition uses only inputs,
// params, nodes and functions, each called with the right number of arguments.
void check_random(const Problem& problem);

}  // namespace nntrace
