// Reads the keys of a perceptron lesson (see perceptron_kind.hpp) into parts, checking names,
// points and expressions at their positions in lesson.toml. Internal to the lessons library.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <toml++/toml.h>

#include "algorithms/perceptron.hpp"
#include "algorithms/target_seeking.hpp"  // Graph
#include "lessons/lesson_file.hpp"

namespace nntrace {

// do = "train": the perceptron rule on labelled points.
struct TrainSpec {
    std::vector<LabelledPoint> points;
    std::vector<std::size_t> lecture_order;  // 0-based point indices; empty when the source gives none
    std::vector<std::string> weights;        // parameter names of the starting w ("w1", "w2", …)
    std::string bias = "b";                  // parameter name of the starting b
};

// do = "neuron": named nodes evaluated once at the parameters, or once per row of inputs.
struct NeuronSpec {
    Graph graph;                              // graph.variables: every name the nodes read
    std::vector<std::string> inputs;          // the names a row gives; the rest are parameters
    std::vector<std::vector<double>> rows;    // empty: a single pass, every name a parameter
    std::optional<std::string> boundary;      // a node whose zero level is drawn as a line
    std::optional<std::pair<std::string, std::string>> within;  // parameter names: low < output < high
};

struct PerceptronPart {
    enum class Action { train, neuron };
    Action action = Action::train;
    std::string key;
    std::string title;               // a name in the lesson's [strings]
    std::vector<std::string> notes;  // names in the lesson's [strings], shown at the part's end
    TrainSpec train;
    NeuronSpec neuron;
    const toml::node* where = nullptr;
};

// Throws InputError at the position of a bad part.
std::vector<PerceptronPart> read_perceptron_lesson(const LessonFile& lesson);

}  // namespace nntrace
