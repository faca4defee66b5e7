// gnuplot sources for one Plot (gnuplot.cpp): a readable script with its styling at the top and
// a data file with one `index` block per series. Private to the render library.
#pragma once

#include <string>

#include "core/record.hpp"
#include "drawings.hpp"

namespace nntrace {

// The script: reads `stem`.dat, writes `stem`.svg (.png, or .tex for tikz) unless the caller
// sets `output_file` first (gnuplot -e "output_file='…'"), as the front end does to write
// under a temporary name.
// Numbers in labels and legends are formatted with `digits` decimals (trailing zeros dropped)
// unless their Arg says otherwise. `small`: one of several small multiples (drawings.hpp), drawn
// at about half the width with the same font, its legend inside the frame.
std::string gnuplot_script(const Plot& plot, const std::string& stem, PlotFormat format, int digits = 6,
                           bool small = false);

// The data: each series a block of rows (x y, then columns its kind needs), blocks separated by
// two blank lines; numbers at full precision.
std::string gnuplot_data(const Plot& plot);

// `text` as a double-quoted gnuplot string: backslashes and quotes escaped, line breaks as
// spaces. The script turns enhanced text off, so _ ^ @ & ~ { } stay as they are; for the tikz
// terminal the text is made safe for LaTeX first.
std::string gnuplot_string(const std::string& text, PlotFormat format);

}  // namespace nntrace
