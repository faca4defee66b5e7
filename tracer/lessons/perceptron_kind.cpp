#include "lessons/perceptron_kind.hpp"

#include "lessons/perceptron_config.hpp"
#include "lessons/perceptron_neuron.hpp"
#include "lessons/perceptron_train.hpp"

namespace nntrace {

std::vector<std::string_view> perceptron_keys() { return {"part"}; }

std::vector<Section> run_perceptron(const LessonRun& run) {
    std::vector<Section> sections;
    for (const PerceptronPart& part : read_perceptron_lesson(run.lesson)) {
        if (part.action == PerceptronPart::Action::neuron) {
            sections.push_back(neuron_section(run, part));
            continue;
        }
        for (Section& s : train_sections(run, part)) sections.push_back(std::move(s));
    }
    return sections;
}

}  // namespace nntrace
