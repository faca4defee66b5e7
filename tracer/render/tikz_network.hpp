// A network drawing as a TikZ picture for LaTeX slides (--plot-format tikz): the same pieces at
// the same places as the DOT drawing (network_dot), names and formulas as the pages' LaTeX
// (math.hpp). Private to the render library; drawings.cpp uses it.
#pragma once

#include <string>

#include "core/record.hpp"

namespace nntrace {

// A tikzpicture to \input into a Beamer frame, with one style per kind of piece to restyle it.
// Deterministic: the same network gives the same bytes.
std::string network_tikz(const NetworkDiagram& network, const std::string& stem, int digits);

}  // namespace nntrace
