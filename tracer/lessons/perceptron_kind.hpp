// The lesson kind "perceptron": a single neuron and the perceptron learning rule. Its keys in
// lesson.toml are parts, shown in order:
//
//   [[part]]
//   do = "train"                               # the perceptron rule (algorithms/perceptron.hpp)
//   key = "lecture"                            # the sections' keys and the prefix of their items
//   title = "train"                            # a name in [strings]
//   points = [{ name = "x1", x = [2, 3], y = 1 }, …]
//   lecture_order = ["x1", "x2", "x2", …]      # the source's own visiting order, if it has one
//   weights = ["w1", "w2"]                     # parameters holding the start (default w1, w2, …)
//   bias = "b"                                 # the parameter holding the starting bias
//   notes = ["why"]                            # names in [strings], shown at the end
//
//   [[part]]
//   do = "neuron"                              # named nodes, evaluated by the engine
//   key = "or"
//   title = "or_gate"
//   nodes = ["z = b + w1*x1 + w2*x2", "a = sigmoid(z)"]
//   output = "a"
//   inputs = ["x1", "x2"]                      # with rows: one forward pass per row (a truth table)
//   rows = [[0, 0], [0, 1], [1, 0], [1, 1]]    # without: one pass, every name a parameter
//   boundary = "z"                             # plot the rows and the line where z = 0
//   within = ["low", "high"]                   # say whether low < output < high (parameters)
//
// Parameters a train part reads: its weights and bias, `eta`, `order` ("lecture", "cyclic" or
// "restart") and `max_checks`. A neuron part reads a parameter for every name that is not an
// input. Internal to the lessons library.
#pragma once

#include <string_view>
#include <vector>

#include "lessons/kinds.hpp"

namespace nntrace {

std::vector<std::string_view> perceptron_keys();
std::vector<Section> run_perceptron(const LessonRun& run);

}  // namespace nntrace
