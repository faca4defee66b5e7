#include "lessons/perceptron_train.hpp"

#include <cmath>

#include "lessons/perceptron_items.hpp"

namespace nntrace {
namespace {

constexpr int largest_check_cap = 10000;  // a longer table helps no reader

VisitOrder read_order(const LessonRun& run, const TrainSpec& spec) {
    const std::string& order = run.parameters.at("order").text;
    if (order == "cyclic") return VisitOrder::cyclic;
    if (order == "restart") return VisitOrder::restart;
    if (order != "lecture")
        throw run.parameters.bad_value("order", "order must be \"lecture\", \"cyclic\" or \"restart\", not \"" + order + "\"");
    if (spec.lecture_order.empty())
        throw run.parameters.bad_value("order", "this lesson gives no lecture order: use \"cyclic\" or \"restart\"");
    return VisitOrder::listed;
}

Section section(const std::string& key, Message title, std::vector<Item> items) {
    return Section{key, std::move(title), std::move(items)};
}

}  // namespace

PerceptronPlan perceptron_plan(const LessonRun& run, const TrainSpec& spec) {
    PerceptronPlan plan;
    plan.points = spec.points;
    for (const auto& name : spec.weights) plan.w.push_back(Num::both(run.parameters.number(name)));
    plan.b = Num::both(run.parameters.number(spec.bias));
    plan.rate = run.parameters.number("eta");
    if (!(plan.rate > 0)) throw run.parameters.bad_value("eta", "the learning rate η must be above 0");
    plan.order = read_order(run, spec);
    plan.listed = spec.lecture_order;
    const double cap = run.parameters.number("max_checks");
    if (cap < 1 || cap > largest_check_cap || cap != std::floor(cap))
        throw run.parameters.bad_value("max_checks", "max_checks must be a whole number from 1 to " +
                                                         std::to_string(largest_check_cap));
    plan.max_checks = static_cast<int>(cap);
    plan.arithmetic = run.arithmetic;
    return plan;
}

std::vector<Section> train_sections(const LessonRun& run, const PerceptronPart& part) {
    const PerceptronPlan plan = perceptron_plan(run, part.train);
    const PerceptronRun result = train_perceptron(plan);
    const std::string& k = part.key;
    std::vector<Item> final_items = perceptron_final_items(plan, result, k);
    for (Item& plot : perceptron_plot_items(plan, result, k)) final_items.push_back(std::move(plot));
    for (const auto& n : part.notes)
        final_items.emplace_back(Note{k + "/note/" + n, Note::Kind::info, {lesson_message_id(run.lesson, n), {}}});
    return {
        section(k, {lesson_message_id(run.lesson, part.title), {}}, perceptron_setup_items(plan, k)),
        section(k + "/checks", {"perceptron.section.checks", {}}, perceptron_check_items(plan, result, k)),
        section(k + "/updates", {"perceptron.section.updates", {}}, perceptron_update_items(plan, result, k)),
        section(k + "/final", {"perceptron.section.final", {}}, std::move(final_items)),
    };
}

}  // namespace nntrace
