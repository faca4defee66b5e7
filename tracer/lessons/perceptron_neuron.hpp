// The "neuron" part of a perceptron lesson: named nodes (a weighted sum, an activation)
// evaluated by the engine once at the parameters, or once per row of inputs as a truth table;
// optionally whether the output lies inside an interval, and the line where a node is zero.
// Internal to the lessons library.
#pragma once

#include "lessons/kinds.hpp"
#include "lessons/perceptron_config.hpp"

namespace nntrace {

Section neuron_section(const LessonRun& run, const PerceptronPart& part);

}  // namespace nntrace
