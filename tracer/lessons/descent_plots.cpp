#include "lessons/descent_plots.hpp"

#include <algorithm>
#include <cmath>

#include "core/errors.hpp"
#include "lessons/plot_marks.hpp"

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
                        const std::optional<Range>& range, int samples, int first_index) {
    const std::string v = moving_variables(plan).at(0);
    const std::string& j = plan.graph.output;
    Plot p{key, {"descent.plot.curve", {word(j), word(v)}}, v, j, {}};
    const Range xr = plot_range(range, column_of(run, 0));
    p.series.push_back(curve_series(plan.graph, plan.start, v, xr, samples));
    Series visited = visited_series(run, Series::Kind::points, v + "\u2096", 0, std::nullopt);
    std::vector<double> heights = p.series.front().y;
    heights.insert(heights.end(), visited.y.begin(), visited.y.end());
    const Range yr = plot_range(std::nullopt, heights);
    visited.marks = numbered_marks(visited.x, visited.y, xr, yr, first_index);
    p.series.push_back(std::move(visited));
    p.x_range = xr;
    p.y_range = yr;
    return p;
}

Plot descent_contour_plot(const DescentPlan& plan, const DescentRun& run, const std::string& key,
                          const std::optional<Range>& x_range, const std::optional<Range>& y_range, int samples,
                          int first_index) {
    const std::vector<std::string> vars = moving_variables(plan);
    const std::string& j = plan.graph.output;
    Plot p{key, {"descent.plot.contour", {word(j), word(vars.at(0)), word(vars.at(1))}}, vars[0], vars[1], {}};
    const Range xr = plot_range(x_range, column_of(run, 0));
    const Range yr = plot_range(y_range, column_of(run, 1));
    // Equal scales: the frame's own shape decides how close two labels may stand.
    const LabelRoom room{0.06, (yr.second - yr.first) / (xr.second - xr.first)};
    if (auto grid = grid_series(plan.graph, plan.start, vars[0], vars[1], xr, yr, samples)) {
        // Contours from the level where the descent stops (or the lowest it reaches) up, so that the
        // lines reach the points where the path ends; each with its value where there is room.
        double lowest = plan.stop_below.value_or(0);
        if (!(lowest > 0) && !run.points.empty()) {
            lowest = run.points.back().loss.hand;
            for (const auto& pt : run.points) lowest = std::min(lowest, pt.loss.hand);
        }
        const double highest = *std::max_element(grid->z.begin(), grid->z.end());
        grid->levels = labelled_levels(*grid, round_levels(lowest, highest), grid->y.size() / 25 + 1, room);
        p.series.push_back(*grid);
    }
    Series path = visited_series(run, Series::Kind::path, "(" + vars[0] + ", " + vars[1] + ")\u2096", 0, 1);
    path.marks = numbered_marks(path.x, path.y, xr, yr, first_index, room);
    p.series.push_back(std::move(path));
    p.x_range = xr;
    p.y_range = yr;
    p.equal_scales = true;  // the steps cross the contours at right angles only where one unit is one unit
    return p;
}

namespace {

bool converging(const DescentRun& run) {
    const DescentBehaviour b = classify_descent(run);
    return b != DescentBehaviour::diverges && b != DescentBehaviour::bounces;
}

// The runs given by their place among all the part's runs, which is also their colour: a run
// looks the same in the zoom as in the full plot.
Plot runs_plot(const std::vector<LabelledRun>& all, const std::vector<std::size_t>& shown, const std::string& key,
               const Message& title, bool loss, int first_index, std::optional<double> bottom,
               const std::string& step_axis) {
    const std::string v = moving_variables(all.front().plan).at(0);
    const std::string y = loss ? all.front().plan.graph.output : v;
    Plot p{key, title, step_axis, y, {}};
    std::vector<double> ks, ys;
    for (std::size_t i : shown) {
        const LabelledRun* r = &all[i];
        Series s{Series::Kind::line, "\u03b7", {}, {}, {}};
        s.label_value = Arg{"", Num::both(r->plan.rate), -6};
        s.colour = i;
        for (const auto& pt : r->run.points) {
            s.x.push_back(pt.index + first_index);
            s.y.push_back(loss ? pt.loss.hand : pt.at.at(0).hand);
        }
        ks.insert(ks.end(), s.x.begin(), s.x.end());
        ys.insert(ys.end(), s.y.begin(), s.y.end());
        p.series.push_back(std::move(s));
    }
    if (ks.empty()) return p;  // no run has a point (a start that is not a number): the tool's frame
    const auto [k0, k1] = std::minmax_element(ks.begin(), ks.end());
    if (bottom && !loss) {
        ys.push_back(*bottom);
        Series line{Series::Kind::line, v, {}, {}, {}};
        line.label_value = Arg{"", Num::both(*bottom), -6};
        line.dashed = true;
        line.colour = all.size();  // the same in both plots, after the runs' colours
        line.x = {*k0, *k1};
        line.y = {*bottom, *bottom};
        p.series.push_back(std::move(line));
    }
    p.x_range = Range{*k0, std::max(*k1, *k0 + 1)};
    p.y_range = plot_range(std::nullopt, ys);
    p.integer_x = true;
    return p;
}

}  // namespace

std::vector<Plot> rates_plots(const std::vector<LabelledRun>& runs, const std::string& key, bool loss, int first_index,
                              std::optional<double> bottom, const std::string& step_axis) {
    std::vector<std::size_t> all, calm;
    for (std::size_t i = 0; i < runs.size(); ++i) {
        all.push_back(i);
        if (converging(runs[i].run)) calm.push_back(i);
    }
    const std::string y = loss ? runs.front().plan.graph.output : moving_variables(runs.front().plan).at(0);
    std::vector<Plot> out{runs_plot(runs, all, key, {"descent.plot.rates", {word(y)}}, loss, first_index, bottom, step_axis)};
    if (!calm.empty() && calm.size() < all.size())
        out.push_back(runs_plot(runs, calm, key + "-converging", {"descent.plot.rates_converging", {word(y)}}, loss,
                                first_index, bottom, step_axis));
    return out;
}

Plot valley_plot(const LabelledRun& run, const std::string& key, int first_index, std::optional<double> bottom) {
    const std::string v = moving_variables(run.plan).at(0);
    // Centred on the bottom where the lesson names it, so that the valley is seen whole.
    std::optional<Range> range;
    if (bottom) {
        double half = 0;
        for (double x : column_of(run.run, 0))
            if (std::isfinite(x)) half = std::max(half, std::fabs(x - *bottom));
        half *= 1.2;  // the farthest point and its number off the frame's edge
        if (half > 0) range = Range{*bottom - half, *bottom + half};
    }
    Plot p = descent_curve_plot(run.plan, run.run, key, range, 201, first_index);
    p.title = {"descent.plot.valley", {word(run.plan.graph.output), word(v), Arg{"", Num::both(run.plan.rate), -6}}};
    // The steps as the source draws them: from each point to the next, on the curve.
    p.series.back().kind = Series::Kind::path;
    return p;
}

}  // namespace nntrace
