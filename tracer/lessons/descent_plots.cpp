#include "lessons/descent_plots.hpp"

#include <algorithm>
#include <cmath>

#include "core/errors.hpp"

namespace nntrace {
namespace {

Arg word(std::string t) { return {std::move(t), std::nullopt}; }

// The output at one point in exact arithmetic, or nullopt where it is not a finite number.
std::optional<double> output_at(const Graph& graph, std::map<std::string, Num> values) {
    try {
        const double v = build_graph(graph, values, Arithmetic::exact()).value(graph.output).exact;
        if (std::isfinite(v)) return v;
    } catch (const NumericFault&) {
        // outside the function's domain: no value here
    }
    return std::nullopt;
}

double sample_at(Range r, int k, int samples) {
    return r.first + (r.second - r.first) * static_cast<double>(k) / static_cast<double>(samples - 1);
}

std::vector<double> column_of(const DescentRun& run, std::size_t i) {
    std::vector<double> out;
    for (const auto& p : run.points) out.push_back(p.at.at(i).hand);
    return out;
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

Series curve_series(const Graph& graph, const std::map<std::string, Num>& at, const std::string& over,
                    Range range, int samples) {
    Series s{Series::Kind::line, graph.output, {}, {}, {}};
    std::map<std::string, Num> values = at;
    for (int k = 0; k < samples; ++k) {
        const double x = sample_at(range, k, samples);
        values[over] = Num::both(x);
        if (const auto y = output_at(graph, values)) {
            s.x.push_back(x);
            s.y.push_back(*y);
        }
    }
    return s;
}

std::optional<Series> grid_series(const Graph& graph, const std::map<std::string, Num>& at,
                                  const std::string& x, const std::string& y, Range xr, Range yr, int samples) {
    Series s{Series::Kind::grid, graph.output, {}, {}, {}};
    for (int k = 0; k < samples; ++k) s.x.push_back(sample_at(xr, k, samples));
    for (int k = 0; k < samples; ++k) s.y.push_back(sample_at(yr, k, samples));
    std::map<std::string, Num> values = at;
    for (double yv : s.y)  // row by row: one row per y
        for (double xv : s.x) {
            values[x] = Num::both(xv);
            values[y] = Num::both(yv);
            const auto z = output_at(graph, values);
            if (!z) return std::nullopt;
            s.z.push_back(*z);
        }
    return s;
}

Series visited_series(const DescentRun& run, Series::Kind kind, std::string label, std::size_t i,
                      std::optional<std::size_t> j) {
    Series s{kind, std::move(label), column_of(run, i), {}, {}};
    if (j) {
        s.y = column_of(run, *j);
    } else {
        for (const auto& p : run.points) s.y.push_back(p.loss.hand);
    }
    return s;
}

Plot descent_curve_plot(const DescentPlan& plan, const DescentRun& run, const std::string& key,
                        const std::optional<Range>& range, int samples) {
    const std::string v = moving_variables(plan).at(0);
    const std::string& j = plan.graph.output;
    Plot p{key, {"descent.plot.curve", {word(j), word(v)}}, v, j, {}};
    p.series.push_back(curve_series(plan.graph, plan.start, v, plot_range(range, column_of(run, 0)), samples));
    p.series.push_back(visited_series(run, Series::Kind::points, v + "\u2096", 0, std::nullopt));
    return p;
}

Plot descent_contour_plot(const DescentPlan& plan, const DescentRun& run, const std::string& key,
                          const std::optional<Range>& x_range, const std::optional<Range>& y_range, int samples) {
    const std::vector<std::string> vars = moving_variables(plan);
    const std::string& j = plan.graph.output;
    Plot p{key, {"descent.plot.contour", {word(j), word(vars.at(0)), word(vars.at(1))}}, vars[0], vars[1], {}};
    const Range xr = plot_range(x_range, column_of(run, 0));
    const Range yr = plot_range(y_range, column_of(run, 1));
    if (auto grid = grid_series(plan.graph, plan.start, vars[0], vars[1], xr, yr, samples)) p.series.push_back(*grid);
    p.series.push_back(visited_series(run, Series::Kind::path, "(" + vars[0] + ", " + vars[1] + ")\u2096", 0, 1));
    return p;
}

}  // namespace nntrace
