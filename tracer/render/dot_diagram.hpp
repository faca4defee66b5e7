// Graphviz DOT for one Diagram (dot.cpp), and the escaping its HTML-like labels need. Private to
// the render library; drawings.cpp and the tests use it.
#pragma once

#include <string>

#include "core/record.hpp"

namespace nntrace {

// The diagram as a DOT graph called `stem`: nodes with their values (and gradients), edges with
// their local derivatives (and contributions), numbers at `digits` decimals. Deterministic.
std::string diagram_dot(const Diagram& diagram, const std::string& stem, int digits);

// Text made safe inside a DOT HTML-like label: & < > " escaped, control characters as spaces,
// everything else (UTF-8 included) as it is.
std::string dot_html_escape(const std::string& text);

// A name or formula for a label, escaped, with each identifier's subscript set as one:
// w1 → w<SUB>1</SUB>, out_h1 → out<SUB>h1</SUB>, "w1*i1" → w<SUB>1</SUB>*i<SUB>1</SUB>.
std::string dot_html_name(const std::string& name);

}  // namespace nntrace
