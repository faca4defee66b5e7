// The drawings of a record (its Diagrams and Plots) as the sources of external tools: Graphviz
// `dot` for diagrams, gnuplot for plots. Only text is produced here; running the tools is the
// front end's job (tracer/cli).
#pragma once

#include <string>
#include <vector>

#include "core/record.hpp"

namespace nntrace {

enum class PlotFormat { svg, png, tikz };

struct DrawingSource {
    enum class Tool { dot, gnuplot };
    std::string key;     // the Diagram's or Plot's key
    std::string stem;    // the file name without extension: drawing_stem(key)
    Tool tool = Tool::dot;
    std::string script;  // the .dot or .gp text; a .gp script reads `stem`.dat and writes `stem`.svg
    std::string data;    // the gnuplot data file's text (empty for dot)
    std::string tikz;    // with PlotFormat::tikz, a network's TikZ picture (`stem`.tex); else empty
};

// A key made safe as a file name, the same for every format and language ("iterate/b" → "iterate-b").
std::string drawing_stem(const std::string& key);

// Which items of a section are small multiples: a run of three or more plots in a row whose
// titles are one message (the same figure for each of several runs, as learning-rate's valley for
// each rate). A page sets them side by side, two to a row, and they are drawn smaller with their
// text at its full size, so that the reader compares them at a glance.
std::vector<bool> small_multiples(const Section& section);

// Every drawing of the record, in order. Deterministic: the same record gives the same bytes.
// Without `plot_texts`, a plot comes with its key and stem only (no script, no data): the pages in
// the browser keep a plot's picture, and its data is thousands of numbers written as text.
std::vector<DrawingSource> drawing_sources(const Record& record, PlotFormat format = PlotFormat::svg,
                                           bool plot_texts = true);

}  // namespace nntrace
