// The lines people read, shared by the terminal and Markdown renderers: one line per step,
// chain-rule product, sum, update and note, and the cells of tables and of the comparisons.
#pragma once

#include <string>
#include <vector>

#include "markdown_text.hpp"
#include "page.hpp"
#include "text_grid.hpp"

namespace nntrace {

// A node's name as a reader should see it: an intermediate named by its source text ("2*b",
// "4*w*b + 2*w") gets '·' for '*' and, when it is more than one factor, parentheses, so that
// "∂z/∂(2·b)" cannot be read as "(∂z/∂2)·b".
std::string symbol_text(const std::string& name);

// A value the run produced; in a hand calculation followed by the exact value where it differs:
// "0.723 (exact 0.7225)".
std::string result_text(const Page& page, const Num& n);

// x = 2·w + 3·b = 2·3 + 3·4 = 18
std::string step_line(const Page& page, const Step& s);
// ∂z/∂x = ∂z/∂z · ∂z/∂x = 1 · 9 = 9   [∂(u·v)/∂u = v]
std::string chain_line(const Page& page, const ChainLine& c);
// ∂z/∂b = ∂z/∂x·∂x/∂b + ∂z/∂y·∂y/∂b = 27 + 36 = 63
std::string sum_line(const Page& page, const GradientSum& g);
// The textbook's chain and the lines under it (chain_lines.hpp), for a terminal.
std::vector<std::string> named_chain_text(const Page& page, const NamedChain& c);
// w7 ← w7 − η·∂L/∂w7 = 0.7 − 0.5·(−0.41) = 0.905
std::string update_line(const Page& page, const Update& u);
// A note's text as spans: a convention in the words of a catalog or of the lesson (no user text
// among its arguments) may set formulas in $…$ as the explanation does; other notes may quote
// user text, which stays text.
Spans note_spans(const Page& page, const Note& n);
// "Warning: ..." (the kind's word, then the message; a formula's TeX without its dollars)
std::string note_line(const Page& page, const Note& n);
// A drawing (diagram or plot) named where it cannot be drawn: "[figure] title".
std::string drawing_line(const Page& page, const Message& title);

// The convention line and, when the record has them, its parameters and settings.
std::vector<std::string> header_lines(const Page& page);

// A table as column titles and rows of cells: numbers right-aligned at the column's decimals.
std::vector<std::string> table_header(const Page& page, const Table& t);
std::vector<std::vector<GridCell>> table_rows(const Page& page, const Table& t);

// The published figures beside the computed ones, with a mark, the verdict and the reason.
std::vector<std::string> comparison_header(const Page& page);
std::vector<std::vector<GridCell>> comparison_rows(const Page& page);

// Blocks such as tables set themselves off with blank lines on both sides; where two meet, or
// a block ends the page, one blank line (or none, at the end) is enough.
std::string collapse_blank_lines(const std::string& page);

}  // namespace nntrace
