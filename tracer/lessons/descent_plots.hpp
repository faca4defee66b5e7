// Plots for descent parts: the function sampled by the engine (one graph built per sample, in
// exact arithmetic, so the curve is the function itself) and the points a descent visited. The
// renderer only draws them. Internal to the lessons library.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>

#include "algorithms/descent.hpp"
#include "lessons/descent_items.hpp"
#include "lessons/plot_marks.hpp"
#include "core/record.hpp"

namespace nntrace {


// The graph's output along one variable, the others held at `at`. A sample where the function
// is not a finite number is left out (ln at 0): the curve has a gap there.
Series curve_series(const Graph& graph, const std::map<std::string, Num>& at, const std::string& over,
                    Range range, int samples);

// The output over a grid of two variables, for contour lines; nullopt when some grid point is
// not a finite number (a contour of a broken grid would mislead).
std::optional<Series> grid_series(const Graph& graph, const std::map<std::string, Num>& at,
                                  const std::string& x, const std::string& y, Range xr, Range yr, int samples);

// The visited points: (variable i, J) for one variable, (variable i, variable j) for two.
Series visited_series(const DescentRun& run, Series::Kind kind, std::string label, std::size_t i,
                      std::optional<std::size_t> j);

// Plot of one variable's descent: J sampled along it and the points visited on the curve, numbered
// from first_index as the page's table numbers them.
Plot descent_curve_plot(const DescentPlan& plan, const DescentRun& run, const std::string& key,
                        const std::optional<Range>& range, int samples, int first_index);

// Plot of a two-variable descent: contour grid of J and the path of visited points.
Plot descent_contour_plot(const DescentPlan& plan, const DescentRun& run, const std::string& key,
                          const std::optional<Range>& x_range, const std::optional<Range>& y_range, int samples,
                          int first_index);

// The runs of a rates part, one line per learning rate (legend η = its value) over the steps k:
// x (or J when `loss`) at each point, and the line x = bottom where the lesson names the bottom.
// A second plot follows when some runs diverge or bounce: the converging ones alone, at a scale
// where they can be told apart. `step_axis` names the axis of the steps ("step k").
std::vector<Plot> rates_plots(const std::vector<LabelledRun>& runs, const std::string& key, bool loss, int first_index,
                              std::optional<double> bottom, const std::string& step_axis);

// One run's steps on its curve J(x), numbered as the table numbers them: the valley as the source
// draws it for each learning rate; centred on x = bottom where the lesson names it.
Plot valley_plot(const LabelledRun& run, const std::string& key, int first_index, std::optional<double> bottom);

}  // namespace nntrace
