#include "lessons/plot_marks.hpp"

#include <algorithm>
#include <cmath>

namespace nntrace {
namespace {

// Where a label stands in shares of the frame's width, so that both axes measure alike.
std::pair<double, double> on_frame(double x, double y, Range xr, Range yr, const LabelRoom& room) {
    const double w = xr.second - xr.first, h = yr.second - yr.first;
    return {w > 0 ? (x - xr.first) / w : 0, h > 0 ? (y - yr.first) / h * room.height_ratio : 0};
}

}  // namespace

Range plot_range(const std::optional<Range>& declared, const std::vector<double>& values) {
    double lo = declared ? declared->first : 0, hi = declared ? declared->second : 0;
    bool any = declared.has_value();
    for (double v : values) {
        if (!std::isfinite(v)) continue;
        lo = any ? std::min(lo, v) : v;
        hi = any ? std::max(hi, v) : v;
        any = true;
    }
    if (!any) return {-1, 1};
    // Declared ranges are kept as given; visited points beyond them widen the frame a little.
    const bool inside = declared && lo >= declared->first && hi <= declared->second;
    if (inside) return {lo, hi};
    const double margin = hi > lo ? 0.1 * (hi - lo) : 1.0;
    return {lo - margin, hi + margin};
}

std::vector<Arg> numbered_marks(const std::vector<double>& x, const std::vector<double>& y, Range xr, Range yr,
                                int first_index, LabelRoom room) {
    const std::size_t n = std::min(x.size(), y.size());
    std::vector<Arg> marks(n);
    std::vector<std::size_t> order;
    if (n > 0) order.push_back(0);
    if (n > 1) order.push_back(n - 1);
    for (std::size_t i = 1; i + 1 < n; ++i) order.push_back(i);
    std::vector<std::pair<double, double>> placed;
    for (std::size_t i : order) {
        const auto at = on_frame(x[i], y[i], xr, yr, room);
        const bool collides = std::any_of(placed.begin(), placed.end(), [&](const auto& p) {
            return std::fabs(p.first - at.first) < room.label_width && std::fabs(p.second - at.second) < 0.6 * room.label_width;
        });
        if (collides || !std::isfinite(at.first) || !std::isfinite(at.second)) continue;
        placed.push_back(at);
        marks[i] = Arg{"", Num::both(static_cast<double>(static_cast<int>(i) + first_index)), 0};
    }
    return marks;
}

std::vector<double> round_levels(double lowest, double highest, std::size_t most) {
    std::vector<double> out;
    if (!(lowest > 0) || !(highest > lowest)) return out;
    for (int e = static_cast<int>(std::floor(std::log10(lowest))); e <= static_cast<int>(std::ceil(std::log10(highest))); ++e)
        for (double f : {1.0, 2.0, 5.0}) {
            // Written from its decimal text, so that 0.01 is the double the stop rule reads.
            const double v = std::stod(std::to_string(static_cast<int>(f)) + "e" + std::to_string(e));
            if (v >= lowest * (1 - 1e-12) && v <= highest) out.push_back(v);
        }
    if (out.empty() || std::fabs(out.front() - lowest) > 1e-12 * lowest) out.insert(out.begin(), lowest);
    if (out.size() > most) {
        std::vector<double> fewer;
        for (double v : out) {
            const double mantissa = v / std::pow(10.0, std::floor(std::log10(v) + 1e-12));
            if (v == lowest || std::fabs(mantissa - 1) < 1e-9) fewer.push_back(v);
        }
        out = fewer;
    }
    return out;
}

std::vector<Series::Level> labelled_levels(const Series& grid, const std::vector<double>& levels, std::size_t inset,
                                          LabelRoom room) {
    std::vector<Series::Level> out;
    const std::size_t nx = grid.x.size(), ny = grid.y.size();
    for (double c : levels) {
        Series::Level level{Arg{"", Num::both(c), -6}, std::nullopt};
        for (std::size_t j = std::min(inset, ny); j < ny && !level.label_at; ++j)
            for (std::size_t i = nx - 1; i > 0; --i) {
                const double a = grid.z[j * nx + i - 1], b = grid.z[j * nx + i];
                if ((a - c) * (b - c) > 0 || a == b) continue;
                const double t = (c - a) / (b - a);  // linear between the two samples
                level.label_at = std::make_pair(grid.x[i - 1] + t * (grid.x[i] - grid.x[i - 1]), grid.y[j]);
                break;
            }
        out.push_back(level);
    }
    // Where the lines crowd (small closed contours), a label that would print over another is
    // left out: the stop level (the first) keeps its own, then the highest levels first.
    const double w = grid.x.back() - grid.x.front();
    std::vector<std::pair<double, double>> placed;
    for (std::size_t n = 0; n < out.size(); ++n) {
        Series::Level& level = out[n == 0 ? 0 : out.size() - n];
        if (!level.label_at || w <= 0) continue;
        const double u = level.label_at->first / w, v = level.label_at->second / w;
        const bool collides = std::any_of(placed.begin(), placed.end(), [&](const auto& p) {
            return std::fabs(p.first - u) < room.label_width * 1.5 && std::fabs(p.second - v) < 0.8 * room.label_width;
        });
        if (collides) level.label_at.reset();
        else placed.emplace_back(u, v);
    }
    return out;
}

}  // namespace nntrace
