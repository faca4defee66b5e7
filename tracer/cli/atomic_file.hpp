// Writing output files so that a reader never sees half of one.
#pragma once

#include <filesystem>
#include <string_view>

namespace nntrace {

// Writes `content` to a temporary file beside `path`, then renames it over `path`: the file is
// either the old one or the complete new one, even if the process is killed midway. Creates
// missing parent folders. Throws std::runtime_error naming the path on failure.
void write_atomically(const std::filesystem::path& path, std::string_view content);

}  // namespace nntrace
