#include "lessons/perceptron_neuron.hpp"

#include <algorithm>
#include <cmath>

#include "core/backward.hpp"
#include "core/recording.hpp"
#include "lessons/perceptron_plot.hpp"

namespace nntrace {
namespace {

Arg number(const Num& n) { return Arg{{}, n}; }

// The values the nodes read: a row's inputs, the parameters for every other name.
std::map<std::string, Num> values_for(const LessonRun& run, const NeuronSpec& spec, const std::vector<double>* row) {
    std::map<std::string, Num> values;
    for (const auto& v : spec.graph.variables) {
        const auto input = std::find(spec.inputs.begin(), spec.inputs.end(), v);
        if (row && input != spec.inputs.end())
            values[v] = Num::both((*row)[static_cast<std::size_t>(input - spec.inputs.begin())]);
        else
            values[v] = Num::both(run.parameters.number(v));
    }
    return values;
}

// low < output < high, said with the numbers.
Note within_note(const LessonRun& run, const NeuronSpec& spec, const Num& out, const std::string& key) {
    const Num low = Num::both(run.parameters.number(spec.within->first));
    const Num high = Num::both(run.parameters.number(spec.within->second));
    const bool inside = low.hand < out.hand && out.hand < high.hand;
    return Note{key, inside ? Note::Kind::info : Note::Kind::warning,
                {inside ? "perceptron.within.inside" : "perceptron.within.outside",
                 {Arg{spec.graph.output, {}}, number(out), number(low), number(high)}}};
}

// The boundary node as c0 + c1·in1 + c2·in2, read off one row's tape: its derivatives with
// respect to the two inputs (the engine's backward pass) and what is left over.
std::array<double, 3> affine_form(const BuiltGraph& g, const NeuronSpec& spec) {
    const NodeId z = g.ids.at(*spec.boundary);
    const Gradients grad = backward(g.tape, z);
    const double c1 = grad.of[g.ids.at(spec.inputs[0])].exact, c2 = grad.of[g.ids.at(spec.inputs[1])].exact;
    const double x1 = g.value(spec.inputs[0]).exact, x2 = g.value(spec.inputs[1]).exact;
    return {g.value(*spec.boundary).exact - c1 * x1 - c2 * x2, c1, c2};
}

bool same_form(const std::array<double, 3>& a, const std::array<double, 3>& b) {
    for (std::size_t i = 0; i < 3; ++i)
        if (std::fabs(a[i] - b[i]) > 1e-9 * (1 + std::fabs(a[i]))) return false;
    return true;
}

// The rows as points on either side of the boundary, and the boundary itself where it is a line.
Item boundary_plot(const NeuronSpec& spec, const std::vector<BuiltGraph>& graphs, const std::string& key) {
    std::vector<std::pair<double, double>> all, above, below;
    bool linear = true;
    const auto form = affine_form(graphs.front(), spec);
    for (std::size_t r = 0; r < graphs.size(); ++r) {
        const std::pair<double, double> at{spec.rows[r][0], spec.rows[r][1]};
        all.push_back(at);
        (graphs[r].value(*spec.boundary).hand > 0 ? above : below).push_back(at);
        linear = linear && same_form(form, affine_form(graphs[r], spec));
    }
    if (!linear) return Note{key + "/not_linear", Note::Kind::info, {"perceptron.boundary_not_linear", {Arg{*spec.boundary, {}}}}};
    Plot plot{key + "-plot", {"perceptron.plot_boundary", {Arg{*spec.boundary, {}}}}, spec.inputs[0], spec.inputs[1], {}};
    // The points unlabelled: the axes give their inputs, the legend their side.
    const PlotBox box = box_around(all);
    frame_plot(plot, box);
    plot.series.push_back(point_marks(above, *spec.boundary + " > 0"));
    plot.series.push_back(point_marks(below, *spec.boundary + " ≤ 0"));
    if (auto line = line_in_box(form[1], form[2], form[0], box, *spec.boundary + " = 0")) plot.series.push_back(*line);
    return plot;
}

void single_pass(const LessonRun& run, const PerceptronPart& part, Section& s) {
    const NeuronSpec& spec = part.neuron;
    const BuiltGraph g = build_graph(spec.graph, values_for(run, spec, nullptr), run.arithmetic);
    for (Item& step : forward_steps(g.tape, part.key + "/")) s.items.push_back(std::move(step));
    if (spec.within) s.items.emplace_back(within_note(run, spec, g.value(spec.graph.output), part.key + "/within"));
}

void truth_table(const LessonRun& run, const PerceptronPart& part, Section& s) {
    const NeuronSpec& spec = part.neuron;
    Table t{part.key, {"perceptron.table.neuron", {}}, {}, {}};
    for (const auto& name : spec.inputs) t.columns.push_back({name, {"perceptron.column.name", {Arg{name, {}}}}, {}});
    for (const auto& n : spec.graph.nodes) t.columns.push_back({n.name, {"perceptron.column.name", {Arg{n.name, {}}}}, {}});
    std::vector<BuiltGraph> graphs;
    for (std::size_t r = 0; r < spec.rows.size(); ++r) {
        graphs.push_back(build_graph(spec.graph, values_for(run, spec, &spec.rows[r]), run.arithmetic));
        const std::string prefix = part.key + "/row" + std::to_string(r + 1) + "/";
        for (Item& step : forward_steps(graphs.back().tape, prefix)) s.items.push_back(std::move(step));
        std::vector<Cell> row;
        for (double x : spec.rows[r]) row.push_back({Num::both(x), {}});
        for (const auto& n : spec.graph.nodes) row.push_back({graphs.back().value(n.name), {}});
        t.rows.push_back(std::move(row));
        if (spec.within) s.items.emplace_back(within_note(run, spec, graphs.back().value(spec.graph.output), prefix + "within"));
    }
    s.items.emplace_back(std::move(t));
    if (spec.boundary) s.items.push_back(boundary_plot(spec, graphs, part.key));
}

}  // namespace

Section neuron_section(const LessonRun& run, const PerceptronPart& part) {
    Section s{part.key, {lesson_message_id(run.lesson, part.title), {}}, {}};
    try {
        if (part.neuron.rows.empty()) single_pass(run, part, s);
        else truth_table(run, part, s);
    } catch (const NumericFault&) {
        s.items.emplace_back(Note{part.key + "/fault", Note::Kind::fault, {"perceptron.not_finite", {}}});
    }
    for (const auto& n : part.notes)
        s.items.emplace_back(Note{part.key + "/note/" + n, Note::Kind::info, {lesson_message_id(run.lesson, n), {}}});
    return s;
}

}  // namespace nntrace
