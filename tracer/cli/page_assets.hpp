// The files an HTML page needs beside it: the stylesheet and script of the pages, KaTeX with its
// fonts, and for a course's pages the engine compiled for the browser with Graphviz for the
// browser (assets/web/nntrace-web.js and viz-standalone.js, issue 16), copied as real files so
// that the pages work offline and on another machine.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <string>

#include "atomic_file.hpp"

namespace nntrace {

// Stages copies of the assets for `dir`/assets in `output`. Warns on `warnings` (naming
// `command`) when KaTeX is not installed: the pages then show formulas as TeX source. With
// `web_module`, copies the module and Viz too where scripts/build-web built them, warning when
// they are missing; returns whether the module was copied (the pages then get their panel).
bool copy_page_assets(const std::filesystem::path& dir, OutputTransaction& output, const std::string& command,
                      std::ostream& warnings, bool web_module = true);

}  // namespace nntrace
