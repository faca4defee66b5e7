// The files an HTML page needs beside it: the stylesheet and script of the pages, and KaTeX
// with its fonts, copied as real files so that the pages work offline and on another machine.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <string>

#include "atomic_file.hpp"

namespace nntrace {

// Stages copies of the assets for `dir`/assets in `output`. Warns on `warnings` (naming
// `command`) when KaTeX is not installed: the pages then show formulas as TeX source.
void copy_page_assets(const std::filesystem::path& dir, OutputTransaction& output, const std::string& command,
                      std::ostream& warnings);

}  // namespace nntrace
