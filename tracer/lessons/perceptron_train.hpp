// The "train" part of a perceptron lesson: the plan from the lesson's points and parameters,
// the run, and its sections (setup, checks, updates, final line). Internal to the lessons library.
#pragma once

#include <vector>

#include "algorithms/perceptron.hpp"
#include "lessons/kinds.hpp"
#include "lessons/perceptron_config.hpp"

namespace nntrace {

// Reads η, the start, `order` and `max_checks` from the run's parameters. Throws InputError
// (at the --set option or the lesson file) for a value the rule cannot use.
PerceptronPlan perceptron_plan(const LessonRun& run, const TrainSpec& spec);

std::vector<Section> train_sections(const LessonRun& run, const PerceptronPart& part);

}  // namespace nntrace
