// Drawing a record's diagrams and plots: their sources written to the figures folder, then
// Graphviz `dot` and gnuplot run on them, two at a time (the tools are independent).
#pragma once

#include <filesystem>
#include <iosfwd>
#include <set>
#include <string>

#include "core/record.hpp"
#include "render/drawings.hpp"

namespace nntrace {

// The programs to run, found on PATH. Tests name programs that do not exist to see what a
// machine without them gets.
struct DrawingTools {
    std::string dot = "dot";
    std::string gnuplot = "gnuplot";
};

// Writes every drawing's sources (`stem`.dot, or `stem`.gp and `stem`.dat) into `figures_dir`,
// atomically, and draws them: `stem`.svg for diagrams, `stem`.svg/.png/.tex for plots as
// `plot_format` says. Each picture is written under a temporary name and renamed when its tool
// succeeds. Returns the stems of the pictures drawn. A missing tool is reported once per
// process on `warnings` (the sources are still written); a tool failing on one file is
// reported with that file's name, and its stale picture, if any, removed. Throws
// std::runtime_error only when a source cannot be written.
std::set<std::string> write_drawings(const Record& record, const std::filesystem::path& figures_dir,
                                     std::ostream& warnings, PlotFormat plot_format = PlotFormat::svg,
                                     const DrawingTools& tools = {});

}  // namespace nntrace
