#include "lessons/perceptron_plot.hpp"

#include <algorithm>
#include <cmath>

namespace nntrace {

PlotBox box_around(const std::vector<std::pair<double, double>>& points, double margin) {
    PlotBox box;
    if (points.empty()) return box;
    box = {points[0].first, points[0].first, points[0].second, points[0].second};
    for (const auto& [x, y] : points) {
        box.x_min = std::min(box.x_min, x);
        box.x_max = std::max(box.x_max, x);
        box.y_min = std::min(box.y_min, y);
        box.y_max = std::max(box.y_max, y);
    }
    return {box.x_min - margin, box.x_max + margin, box.y_min - margin, box.y_max + margin};
}

std::optional<Series> line_in_box(double w1, double w2, double b, const PlotBox& box, std::string label) {
    // Where the line crosses each side of the box; a corner may be found twice.
    std::vector<std::pair<double, double>> hits;
    auto keep = [&](double x, double y) {
        const double tol = 1e-12 * (1 + std::fabs(x) + std::fabs(y));
        if (x < box.x_min - tol || x > box.x_max + tol || y < box.y_min - tol || y > box.y_max + tol) return;
        for (const auto& [hx, hy] : hits)
            if (std::fabs(hx - x) <= tol && std::fabs(hy - y) <= tol) return;
        hits.emplace_back(x + 0.0, y + 0.0);  // never −0
    };
    if (w2 != 0)
        for (double x : {box.x_min, box.x_max}) keep(x, -(b + w1 * x) / w2);
    if (w1 != 0)
        for (double y : {box.y_min, box.y_max}) keep(-(b + w2 * y) / w1, y);
    if (hits.size() < 2) return std::nullopt;
    std::sort(hits.begin(), hits.end());  // left to right
    Series s;
    s.kind = Series::Kind::line;
    s.label = std::move(label);
    s.x = {hits.front().first, hits.back().first};
    s.y = {hits.front().second, hits.back().second};
    // From the middle of the visible part, along (w1, w2): the direction in which w·x + b grows.
    const double mx = (s.x[0] + s.x[1]) / 2, my = (s.y[0] + s.y[1]) / 2;
    const double length = 0.08 * std::min(box.x_max - box.x_min, box.y_max - box.y_min) / std::hypot(w1, w2);
    s.side_arrow = std::array<double, 4>{mx, my, mx + w1 * length, my + w2 * length};
    return s;
}

bool same_line(const std::array<double, 3>& a, const std::array<double, 3>& b) {
    const double scale = std::max({std::fabs(a[0]), std::fabs(a[1]), std::fabs(a[2]), std::fabs(b[0]), std::fabs(b[1]),
                                   std::fabs(b[2]), 1.0});
    const double tol = 1e-12 * scale * scale;
    // Proportional: every 2×2 cross product vanishes.
    return std::fabs(a[0] * b[1] - a[1] * b[0]) <= tol && std::fabs(a[0] * b[2] - a[2] * b[0]) <= tol &&
           std::fabs(a[1] * b[2] - a[2] * b[1]) <= tol;
}

void frame_plot(Plot& plot, const PlotBox& box) {
    plot.x_range = std::make_pair(box.x_min, box.x_max);
    plot.y_range = std::make_pair(box.y_min, box.y_max);
    plot.equal_scales = true;
}

Series point_marks(const std::vector<std::pair<double, double>>& points, std::string label) {
    Series s;
    s.kind = Series::Kind::points;
    s.label = std::move(label);
    for (const auto& [x, y] : points) {
        s.x.push_back(x);
        s.y.push_back(y);
    }
    return s;
}

}  // namespace nntrace
