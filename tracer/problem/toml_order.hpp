// Reading TOML tables in the order the user wrote them.
#pragma once

#include <utility>
#include <vector>

#include <toml++/toml.h>

namespace nntrace {

// The entries of a table in file order. toml++ keeps them sorted by name, but users think in the
// order they wrote: errors come in that order, and nodes keep it among independent ones.
std::vector<std::pair<const toml::key*, const toml::node*>> in_file_order(const toml::table& t);

}  // namespace nntrace
