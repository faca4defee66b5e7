// Lays out a table for a terminal: columns as wide as their widest cell, numbers right-aligned
// (their decimals line up, since a column's numbers share one count of decimals), words left.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace nntrace {

enum class Align { left, right };

struct GridCell {
    std::string text;
    Align align = Align::left;
};

// The header, a rule of '-', then the rows; every line starts with `indent` and ends in '\n'.
// Trailing spaces are trimmed. A column's header takes the alignment of its numbers, if any.
std::string layout_grid(const std::vector<std::string>& header,
                        const std::vector<std::vector<GridCell>>& rows, const std::string& indent);

// Columns a string takes on a terminal: one per character, two for CJK and full-width ones.
std::size_t display_width(const std::string& utf8);

}  // namespace nntrace
