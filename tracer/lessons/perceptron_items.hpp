// Record items for a perceptron run: the data, the check table, each update written out, the
// final model and the plot. Every number is copied from the plan or the algorithm's result;
// nothing is computed here but the plot's line endpoints (see perceptron_plot.hpp).
// Internal to the lessons library.
#pragma once

#include <string>
#include <vector>

#include "algorithms/perceptron.hpp"
#include "core/record.hpp"

namespace nntrace {

// The points as a table (key prefix + "-data"; columns "point", "x1", …, "y") and the start.
std::vector<Item> perceptron_setup_items(const PerceptronPlan& plan, const std::string& key);

// One row per check (key + "-checks"; columns "check", "point", "score", "margin", "result",
// "w1", …, "b": the weights after the check) and the note on how the run ended.
std::vector<Item> perceptron_check_items(const PerceptronPlan& plan, const PerceptronRun& run, const std::string& key);

// Each update as steps: w1 = w1 + η·y·x₁ = … (keys key + "/update/<k>/w1", …, "/b").
std::vector<Item> perceptron_update_items(const PerceptronPlan& plan, const PerceptronRun& run, const std::string& key);

// The final w and b (keys key + "/final/w1", …, "/final/b"), the model, f at every point
// (key + "/final/f/<point>") and whether the line separates the points.
std::vector<Item> perceptron_final_items(const PerceptronPlan& plan, const PerceptronRun& run, const std::string& key);

// For points in the plane: the points by class and the line after each update (key + "-plot").
std::vector<Item> perceptron_plot_items(const PerceptronPlan& plan, const PerceptronRun& run, const std::string& key);

}  // namespace nntrace
