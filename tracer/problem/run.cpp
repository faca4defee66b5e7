// Problem → Record: the data, the forward pass, the backward pass and, with [train], the rounds.
#include <algorithm>
#include <memory>
#include <set>

#include "algorithms/training.hpp"
#include "core/errors.hpp"
#include "core/named_chain.hpp"
#include "core/named_diagram.hpp"
#include "core/recording.hpp"
#include "problem/derivatives.hpp"
#include "problem/large_graph.hpp"
#include "problem/matrices.hpp"
#include "problem/network_diagram.hpp"
#include "problem/network_table.hpp"
#include "problem/run_parts.hpp"

namespace nntrace {
namespace {

constexpr int exact_digits_shown = 6;

// `large`: a graph summarised by layer, whose thousands of inputs and parameters are not listed
// in the header (a page would print them all); each is found by name like every other value.
Record header(const Problem& p, const RunValues& v, const Arithmetic& a, bool large) {
    Record r;
    r.id = p.id;
    // The title is the user's own text, so the record brings it in both languages.
    r.title = words("title");
    r.strings["title"] = {{"en", p.title_en}, {"zh", p.title_zh}};
    r.arithmetic = a;
    r.digits = a.is_hand() ? a.decimals : exact_digits_shown;
    if (!large) r.parameters = v.values;
    if (p.train) {
        r.parameters["rate"] = Num::both(v.rate);
        r.parameters["rounds"] = Num::both(v.rounds);
    }
    if (p.loss) r.settings["loss"] = p.loss->name;
    return r;
}

Table data_table(const Problem& p, const RunValues& v) {
    Table t{"data", words("problem.table.data"), {}, {}};
    t.columns = {Column{"name", words("problem.column.name"), std::nullopt},
                 Column{"kind", words("problem.column.kind"), std::nullopt},
                 Column{"value", words("problem.column.value"), std::nullopt}};
    auto row = [&](const NamedNumber& n, const char* kind) {
        t.rows.push_back({Cell{std::nullopt, words("problem.name", {text(n.name)})},
                          Cell{std::nullopt, words(kind)}, Cell{v.values.at(n.name), std::nullopt}});
    };
    for (const auto& i : p.inputs) row(i, "problem.kind.input");
    for (const auto& q : p.params) row(q, "problem.kind.param");
    return t;
}

// The arithmetic is the record's own (r.arithmetic): every page states it once, in its header.
Section setup_section(const Problem& p, const RunValues& v) {
    return Section{"setup", words("problem.section.setup"), {data_table(p, v)}};
}

// The data as steps too (`x1`, `w7`), so that every answer name is a key of the record.
Section forward_section(const Problem& p, const Tape& tape, RecordFor reader) {
    Section s{"forward", words("problem.section.forward"), {}};
    for (const auto& i : p.inputs) s.items.emplace_back(step_of(tape, *tape.find(i.name), ""));
    for (const auto& q : p.params) s.items.emplace_back(step_of(tape, *tape.find(q.name), ""));
    for (auto& step : forward_steps(tape, "")) s.items.push_back(std::move(step));
    if (reader == RecordFor::finder) return s;
    // After the steps, the network they filled in, drawn neuron by neuron.
    if (auto network = network_diagram(p, tape, nullptr, "forward-network")) {
        network->title = words("problem.diagram.network_forward");
        s.items.emplace_back(std::move(*network));
    }
    return s;
}

// How a hand calculation works a chain out, said once before the chains.
Note chain_rounding(const Arithmetic& a) {
    const char* id = a.rounding == Rounding::truncate ? "chain.note.truncate" : "chain.note.rounding";
    return Note{"chain-rounding", Note::Kind::convention, words(id, {number(a.decimals)})};
}

// The textbook's chain for every parameter differentiated, from the output layer toward the
// inputs, then the gradients and the network that carries them; the elementary steps (with
// the computation graph they walk) follow in a folded subsection.
std::vector<Section> backward_sections(const Problem& p, const Tape& tape, const Gradients& g, RecordFor reader) {
    Section s{"backward", words("problem.section.backward"), {}};
    Section steps{"backward-steps", words("chain.section.elementary"), {}};
    steps.folded = true;
    if (reader == RecordFor::finder) {  // the gradients, without the chains and the drawings
        for (const auto& w : p.wrt) s.items.emplace_back(gradient_step(tape, g, *tape.find(w.name), ""));
        for (auto& table : gradient_matrices(p, tape, g)) s.items.push_back(std::move(table));
        return {std::move(s), std::move(steps)};
    }
    if (tape.arithmetic().is_hand()) s.items.emplace_back(chain_rounding(tape.arithmetic()));
    std::vector<NodeId> wrt;
    for (const auto& w : p.wrt) wrt.push_back(*tape.find(w.name));
    wrt = output_first(NamedGraph(tape, g.root), wrt);
    for (auto& chain : named_chain_items(tape, g, wrt, "")) s.items.push_back(std::move(chain));
    for (const auto& w : p.wrt) s.items.emplace_back(gradient_step(tape, g, *tape.find(w.name), ""));
    // The gradients of the params the source writes as a matrix or vector, laid out as one.
    for (auto& table : gradient_matrices(p, tape, g)) s.items.push_back(std::move(table));
    // The gradients just found, back on the network's weights and neurons.
    if (auto network = network_diagram(p, tape, &g, "backward-network")) {
        network->title = words("problem.diagram.network_backward", {text(display_name(tape, g.root))});
        s.items.emplace_back(std::move(*network));
    }
    // The graph the chains walk: the named quantities and their named local derivatives.
    Diagram named = named_diagram(tape, g, "backward-graph");
    named.title = words("problem.diagram.backward_named", {text(display_name(tape, g.root))});
    s.items.emplace_back(std::move(named));
    Diagram graph = diagram_of(tape, g.root, &g, "backward-graph-elementary");
    graph.title = words("problem.diagram.backward", {text(display_name(tape, g.root))});
    steps.items.emplace_back(std::move(graph));
    for (auto& line : chain_rule_items(tape, g, "")) steps.items.push_back(std::move(line));
    return {std::move(s), std::move(steps)};
}

// ∂L/∂x for every other named value, from the loss toward the data: any of them may be asked.
// Gradients with respect to the data (inputs, targets) are not results: they are not listed,
// but stay findable by key (run_problem).
Section gradients_section(const Problem& p, const Tape& tape, const Gradients& g) {
    std::set<std::string> shown;
    for (const auto& w : p.wrt) shown.insert(w.name);
    Section s{"gradients", words("problem.section.gradients"), {}};
    for (NodeId id = static_cast<NodeId>(tape.size()); id-- > 0;) {
        const Node& n = tape[id];
        if (!tape.is_named(id) || id == g.root || shown.count(std::string(tape.name(id))) || n.op == Op::input) continue;
        s.items.emplace_back(gradient_step(tape, g, id, ""));
    }
    return s;
}

// `steps`: whether the chain-rule products are kept to be shown, or only the gradients.
Gradients differentiate(const Problem& p, const Tape& tape, NodeId loss, bool steps = true) {
    try {
        return steps ? backward(tape, loss) : gradient_values(tape, loss);
    } catch (const NumericFault& f) {
        report_backward_fault(p, tape, f);
    }
}

std::vector<Section> training(const Problem& p, const RunValues& v, const Arithmetic& a, const Tape& first,
                              Record& record) {
    TrainingSetup setup;
    setup.build = [&p](Tape& tape, const std::map<std::string, Num>& values) { return build_problem_graph(p, tape, values); };
    setup.values = v.values;
    for (const auto& u : p.train->update) setup.update.push_back(u.name);
    setup.rate = v.rate;
    setup.rounds = v.rounds;
    setup.arithmetic = a;
    setup.slips = first.slips();
    TrainingView view;
    // Every param in every pass (`w7@2` may be asked), then any input that is trained too.
    for (const auto& q : p.params) view.shown_values.push_back(q.name);
    for (const auto& u : p.train->update)
        if (std::find(view.shown_values.begin(), view.shown_values.end(), u.name) == view.shown_values.end())
            view.shown_values.push_back(u.name);
    view.chain_lines_in_first_round = false;  // the backward section above already shows them
    view.write_rounds = !is_large(first);
    auto run = std::make_shared<TrainingRun>();
    try {
        *run = train(setup);
    } catch (const TrainingFault& f) {
        if (f.in_graph) report_backward_fault(p, first, *f.in_graph, "in round " + std::to_string(f.round));
        report_update_fault(p, f.round, f.update.name, f.update.before.hand, setup.rate, f.update.gradient.hand);
    } catch (const NumericFault& f) {
        report_backward_fault(p, first, f);
    }
    std::vector<Section> sections = training_sections(*run, setup, view);
    // Round 1's new values of a matrix or vector, laid out as one, after its updates.
    if (sections.front().key == "round-1") {
        std::map<std::string, Num> after;
        for (const ParamUpdate& u : run->updates_at(1)) after[u.name] = u.after;
        for (auto& table : updated_matrices(p, after, v.values)) sections.front().items.push_back(std::move(table));
    }
    sections.back().items.emplace_back(loss_table(*run));
    sections.back().items.emplace_back(loss_plot(*run, "loss-plot"));
    record.find_elsewhere.push_back(rounds_left_out_lookup(std::move(run), setup, view));
    return sections;
}

// A graph too big to show node by node: a summary by layer (the arithmetic is the header's);
// every value and gradient stays findable by name.
void summarise(const Problem& p, std::shared_ptr<const Tape> tape, NodeId loss, Record& record) {
    std::shared_ptr<const Gradients> g;
    if (p.loss) g = std::make_shared<const Gradients>(differentiate(p, *tape, loss, false));
    for (auto& s : large_graph_sections(*tape, loss, g.get())) record.sections.push_back(std::move(s));
    record.find_elsewhere.push_back([tape, g, loss](const std::string& key) { return find_on_tape(*tape, loss, g.get(), key); });
}

// The record of the problem's graph on `tape` (built by run_problem, or taken over from a caller
// that worked it out already), differentiated at `loss`.
Record run_on(const Problem& problem, const RunValues& values, const Arithmetic& arithmetic, const std::shared_ptr<Tape>& tape,
              NodeId loss, RecordFor reader) {
    Record record = header(problem, values, arithmetic, is_large(*tape));
    if (is_large(*tape)) {
        summarise(problem, tape, loss, record);
    } else {
        record.sections.push_back(setup_section(problem, values));
        add_network_numbering(problem, values.values, record.sections.back());
        record.sections.push_back(forward_section(problem, *tape, reader));
        if (problem.loss) {
            auto g = std::make_shared<const Gradients>(differentiate(problem, *tape, loss));
            for (auto& section : backward_sections(problem, *tape, *g, reader)) record.sections.push_back(std::move(section));
            record.sections.push_back(gradients_section(problem, *tape, *g));
            record.find_elsewhere.push_back(
                [tape, g, loss](const std::string& key) { return find_on_tape(*tape, loss, g.get(), key); });
        }
    }
    if (const auto asked = requested_derivatives(problem); !asked.empty())
        for (auto& section : derivatives_sections(problem, *tape, asked)) record.sections.push_back(std::move(section));
    if (problem.train)
        for (auto& s : training(problem, values, arithmetic, *tape, record)) record.sections.push_back(std::move(s));
    return record;
}

}  // namespace

Arithmetic arithmetic_for(const Problem& p, const RunOptions& options) {
    if (options.arithmetic) return *options.arithmetic;
    if (options.rounding && !p.decimals)
        throw InputError(std::string("--rounding ") + (*options.rounding == Rounding::truncate ? "truncate" : "half-up") +
                         ": the problem computes exactly (it sets no decimals); give --decimals N as well");
    if (p.decimals) return Arithmetic::hand(*p.decimals, options.rounding.value_or(p.rounding));
    return Arithmetic::exact();
}

Record run_problem(const Problem& problem, const RunOptions& options, RecordFor reader) {
    const RunValues values = apply_sets(problem, options.sets);
    const Arithmetic arithmetic = arithmetic_for(problem, options);
    auto tape = std::make_shared<Tape>(arithmetic, options.slips);
    const NodeId loss = build_problem_graph(problem, *tape, values.values);
    return run_on(problem, values, arithmetic, tape, loss, reader);
}

Record run_problem(const Problem& problem, const RunOptions& options, RecordFor reader, GraphAlreadyBuilt built) {
    return run_on(problem, apply_sets(problem, options.sets), arithmetic_for(problem, options),
                  std::make_shared<Tape>(std::move(built.tape)), built.loss, reader);
}

}  // namespace nntrace
