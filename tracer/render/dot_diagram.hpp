// Graphviz DOT for one Diagram (dot.cpp) or NetworkDiagram (dot_network.cpp), and the escaping
// their HTML-like labels need. Private to the render library; drawings.cpp and the tests use it.
#pragma once

#include <string>

#include "core/record.hpp"
#include "network_layout.hpp"

namespace nntrace {

// The diagram as a DOT graph called `stem`: nodes with their values (and gradients), edges with
// their local derivatives (and contributions), numbers at `digits` decimals. Deterministic.
std::string diagram_dot(const Diagram& diagram, const std::string& stem, int digits);

// The network as a DOT graph called `stem`: one column per layer, neurons with their sums and
// values (in a backward view the gradients of the loss), weights on the arrows. Deterministic.
std::string network_dot(const NetworkDiagram& network, const std::string& stem, int digits);

// The positions network_dot pins every piece of the network at, for the same drawing in another
// format (tikz_network.hpp): sized for its DOT labels at 14 pt.
NetworkLayout network_layout(const NetworkDiagram& network, int digits);

// Gradients are drawn in one colour in every diagram: text in it, as an HTML-like label piece.
std::string in_gradient_colour(const std::string& label_text);

// The opening lines of a drawing's DOT file: what it shows, how to draw it, which node classes
// to restyle (`classes` may hold a "\n// " line break), and `digraph stem {`.
std::string dot_opening(const std::string& what, bool backward, const std::string& stem, const std::string& classes);

// An id as a DOT identifier: plain when it may stand bare, else quoted (DOT keywords included).
std::string dot_id(const std::string& id);

// Text for a `//` comment line: line breaks flattened, so that it cannot end the comment.
std::string dot_comment(const std::string& text);

// "∂Eₜₒₜₐₗ/∂w₅": ∂of/∂by for a label, written as the pages write it (dot_text.hpp).
std::string dot_partial(const std::string& of, const std::string& by);

// Text made safe inside a DOT HTML-like label: & < > " escaped, control characters as spaces,
// everything else (UTF-8 included) as it is.
std::string dot_html_escape(const std::string& text);

}  // namespace nntrace
