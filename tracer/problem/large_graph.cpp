#include "problem/large_graph.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "core/recording.hpp"
#include "problem/run_parts.hpp"

namespace nntrace {
namespace {

Cell number_cell(const Num& n) { return Cell{n, std::nullopt}; }
Cell name_cell(const std::string& name) { return Cell{std::nullopt, words("problem.name", {Arg{name, std::nullopt}})}; }

// The layer of each node: a named step is one layer past its deepest argument, an unnamed
// intermediate (a product inside a weighted sum) belongs with its arguments, data is layer 0.
// A parameter belongs to the layer of the first step that reads it.
struct Layers {
    static constexpr int none = -1;
    std::vector<int> of;         // every node
    std::vector<int> param;      // every node: a parameter's layer, or `none`
    int deepest = 0;
};

Layers layers_of(const Tape& tape) {
    Layers l;
    l.of.assign(tape.size(), 0);
    l.param.assign(tape.size(), Layers::none);
    std::vector<int> pending(tape.size(), 0);  // for an unnamed node: the layer its step will have
    for (NodeId id = 0; id < tape.size(); ++id) {
        const Node& n = tape[id];
        int below = 0;
        for (int k = 0; k < arity(n.op); ++k) below = std::max(below, l.of[n.args[static_cast<std::size_t>(k)]]);
        if (arity(n.op) == 0) continue;
        l.of[id] = tape.is_named(id) ? below + 1 : below;
        const int step_layer = below + 1;
        for (int k = 0; k < arity(n.op); ++k) {
            const NodeId a = n.args[static_cast<std::size_t>(k)];
            if (tape[a].op == Op::parameter && l.param[a] == Layers::none) l.param[a] = step_layer;
        }
        l.deepest = std::max(l.deepest, l.of[id]);
    }
    return l;
}

Table layer_table(const Tape& tape, const Layers& l) {
    Table t{"layers", words("problem.table.layers"), {}, {}};
    t.columns = {Column{"layer", words("problem.column.layer"), 0}, Column{"steps", words("problem.column.steps"), 0},
                 Column{"params", words("problem.column.params"), 0}, Column{"smallest", words("problem.column.smallest"), std::nullopt},
                 Column{"largest", words("problem.column.largest"), std::nullopt}};
    struct Stats {
        std::size_t steps = 0, params = 0;
        Num low, high;
    };
    std::map<int, Stats> by_layer;  // one pass over the tape: a graph may have many layers
    for (NodeId id = 0; id < tape.size(); ++id) {
        const Node& n = tape[id];
        if (!tape.is_named(id) || arity(n.op) == 0) continue;
        Stats& s = by_layer[l.of[id]];
        if (s.steps == 0 || n.value.hand < s.low.hand) s.low = n.value;
        if (s.steps == 0 || n.value.hand > s.high.hand) s.high = n.value;
        ++s.steps;
    }
    for (const int at : l.param)
        if (at != Layers::none) ++by_layer[at].params;
    for (const auto& [layer, s] : by_layer) {
        if (s.steps == 0) continue;
        t.rows.push_back({number_cell(Num::both(layer)), number_cell(Num::both(static_cast<double>(s.steps))),
                          number_cell(Num::both(static_cast<double>(s.params))), number_cell(s.low), number_cell(s.high)});
    }
    return t;
}

Table largest_gradients(const Tape& tape, const Layers& l, const Gradients& g) {
    Table t{"largest-gradients", words("problem.table.largest_gradients", {Arg{display_name(tape, g.root), std::nullopt}}), {}, {}};
    t.columns = {Column{"layer", words("problem.column.layer"), 0}, Column{"param", words("problem.column.name"), std::nullopt},
                 Column{"value", words("problem.column.value"), std::nullopt},
                 Column{"gradient", words("problem.column.gradient", {Arg{display_name(tape, g.root), std::nullopt}}), std::nullopt}};
    std::map<int, std::vector<NodeId>> by_layer;
    for (NodeId id = 0; id < l.param.size(); ++id)
        if (l.param[id] != Layers::none) by_layer[l.param[id]].push_back(id);
    for (auto& [layer, ids] : by_layer) {
        // Largest first; ties in tape order, so the table is the same on every machine.
        std::stable_sort(ids.begin(), ids.end(), [&](NodeId a, NodeId b) { return std::fabs(g.of[a].hand) > std::fabs(g.of[b].hand); });
        for (std::size_t k = 0; k < std::min(ids.size(), largest_per_layer); ++k)
            t.rows.push_back({number_cell(Num::both(layer)), name_cell(std::string(tape.name(ids[k]))), number_cell(tape[ids[k]].value),
                              number_cell(Num{g.of[ids[k]].exact + 0.0, g.of[ids[k]].hand + 0.0})});
    }
    return t;
}

}  // namespace

std::vector<Section> large_graph_sections(const Tape& tape, NodeId loss, const Gradients* gradients) {
    const Layers layers = layers_of(tape);
    Section s{"summary", words("problem.section.summary"), {}};
    s.items.emplace_back(Note{"summarised", Note::Kind::info,
                              words("problem.note.summarised", {number(static_cast<double>(tape.size())),
                                                                number(static_cast<double>(nodes_shown_at_most))})});
    s.items.emplace_back(step_of(tape, loss, ""));
    s.items.emplace_back(layer_table(tape, layers));
    if (gradients) s.items.emplace_back(largest_gradients(tape, layers, *gradients));
    return {std::move(s)};
}

std::optional<Num> find_on_tape(const Tape& tape, NodeId loss, const Gradients* gradients, const std::string& key) {
    if (const auto id = tape.find(key)) return tape[*id].value;
    const std::string prefix = "d" + display_name(tape, loss) + "/d";
    if (gradients && key.rfind(prefix, 0) == 0)
        if (const auto id = tape.find(key.substr(prefix.size()))) return gradients->of[*id];
    return std::nullopt;
}

}  // namespace nntrace
