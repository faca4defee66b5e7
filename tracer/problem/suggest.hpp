// "did you mean [params]?": the known name closest to a misspelt one.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace nntrace {

// The known name within two edits of `name` (insertions, deletions, substitutions) and fewer
// edits than `name` has characters, the closest first; none if nothing is that close.
std::optional<std::string> closest_name(const std::string& name, const std::vector<std::string>& known);

}  // namespace nntrace
