// Repairs to messages about a source text that a library wrote wrongly.
#pragma once

#include <string>
#include <string_view>

namespace nntrace {

// toml++ (3.x) quotes a redefined key from a buffer that mangles quoted keys: `"dL/dw" = 2`
// given twice is reported as "cannot redefine existing integer '"dLdL/dw" '". The key as
// written is on the error's line, before its '='; this puts it in the quotes instead. Any other
// description is returned as it is.
std::string with_key_as_written(const std::string& description, std::string_view source, int line, int column);

}  // namespace nntrace
