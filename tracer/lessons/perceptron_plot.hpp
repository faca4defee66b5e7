// The geometry of a perceptron plot: labelled points and straight lines w1·x1 + w2·x2 + b = 0,
// each line cut to the plotted box so that its two endpoints are numbers the renderer only
// draws. Internal to the lessons library.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/record.hpp"

namespace nntrace {

struct PlotBox {
    double x_min = 0, x_max = 1, y_min = 0, y_max = 1;
};

// The smallest box holding every point (x, y), widened by `margin` on each side.
PlotBox box_around(const std::vector<std::pair<double, double>>& points, double margin = 1);

// The part of the line w1·x + w2·y + b = 0 inside the box, as a two-point line series with an
// arrow from its middle toward the side where w1·x + w2·y + b > 0; nothing when the line misses
// the box or w1 = w2 = 0 (no line at all).
std::optional<Series> line_in_box(double w1, double w2, double b, const PlotBox& box, std::string label);

// Whether (w1, w2, b) and (v1, v2, c) describe the same line (one a multiple of the other).
bool same_line(const std::array<double, 3>& a, const std::array<double, 3>& b);

// The plot's frame is the box, one unit as long on both axes (so that the arrows are square to
// their lines).
void frame_plot(Plot& plot, const PlotBox& box);

// Marks at the given points.
Series point_marks(const std::vector<std::pair<double, double>>& points, std::string label);

}  // namespace nntrace
