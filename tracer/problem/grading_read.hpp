// Reading [grading] (problem/grading.hpp) from TOML. Internal to the problem library.
#pragma once

#include <toml++/toml.h>

#include "problem/problem.hpp"

namespace nntrace {

// Reads [grading] (`node`): each value's shape and range; whether the
// answers it names exist is checked where the problem is run (checking/gradebook.hpp). Throws
// InputError at the offending key or value.
Grading read_grading(const toml::node& node, const Problem& problem);

}  // namespace nntrace
