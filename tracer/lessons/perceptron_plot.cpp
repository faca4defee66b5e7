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
    return s;
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
