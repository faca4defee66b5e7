#include "training.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <stdexcept>

#include "core/recording.hpp"

namespace nntrace {
namespace {

// p ← p − rate·g, as {step, after}. By hand the step rate·g is written down rounded, then
// subtracted and rounded.
std::pair<Num, Num> update_one(Num before, Num gradient, double rate, const Arithmetic& a) {
    const Num step = multiply(rate, gradient, a);
    return {step, subtract(before, step, a)};
}


// Runs the passes of round k; a fault in them is reported with the round.
template <typename Passes>
void in_round(std::size_t k, Passes passes) {
    try {
        passes();
    } catch (const NumericFault& f) {
        throw TrainingFault{static_cast<int>(k), f, {}};
    }
}

// The leaves that read each updated name: a new round puts the updated value into all of them.
std::vector<std::vector<NodeId>> leaves_reading(const Tape& graph, const std::vector<std::string>& names) {
    std::vector<std::vector<NodeId>> out(names.size());
    for (NodeId id = 0; id < graph.size(); ++id) {
        const Node& n = graph[id];
        if (!graph.is_named(id) || (n.op != Op::input && n.op != Op::parameter)) continue;
        for (std::size_t j = 0; j < names.size(); ++j)
            if (graph.name(id) == names[j]) out[j].push_back(id);
    }
    return out;
}

std::string at_pass(const std::string& key, int k) { return key + "@" + std::to_string(k); }

std::string updated_key(const std::string& name, int round) {
    return round == 1 ? name + "+" : at_pass(name, round) + "+";
}

void append_suffix(std::vector<Item>& items, const std::string& suffix) {
    for (auto& item : items) std::visit([&](auto& i) { i.key += suffix; }, item);
}

// The values a pass read, then every named node it computed, keyed name@k.
std::vector<Item> pass_items(const Tape& tape, const std::vector<std::string>& shown, int k) {
    std::vector<Item> items;
    for (const auto& name : shown)
        if (const auto id = tape.find(name)) items.emplace_back(step_of(tape, *id, ""));
    for (auto& step : forward_steps(tape, "")) items.push_back(std::move(step));
    append_suffix(items, "@" + std::to_string(k));
    return items;
}

}  // namespace

Section round_section(const TrainingRun& run, int k, const TrainingSetup& setup, const TrainingView& view) {
    const std::string suffix = "@" + std::to_string(k);
    const Tape tape = run.tape_at(k);
    const Gradients gradients = run.gradients_at(k);
    Section s{"round-" + std::to_string(k), Message{"training.section.round", {Arg{"", Num::both(k)}}}, {}};
    s.items = pass_items(tape, view.shown_values.empty() ? setup.update : view.shown_values, k);
    if (k > 1 || view.chain_lines_in_first_round)
        for (auto& line : chain_rule_items(tape, gradients, suffix)) s.items.push_back(std::move(line));
    const std::string& loss = display_name(tape, run.loss());
    const std::vector<ParamUpdate> updates = run.updates_at(k);
    for (const ParamUpdate& u : updates) {
        if (const auto id = tape.find(u.name)) s.items.emplace_back(gradient_step(tape, gradients, *id, suffix));
    }
    for (const ParamUpdate& u : updates)
        s.items.emplace_back(Update{updated_key(u.name, k), u.name, loss, u.before, Num::both(setup.rate), u.gradient, u.after});
    make_keys_unique(s.items);
    return s;
}

namespace {

// The last forward pass: the values shown, then every named node.
std::vector<Item> final_pass_items(const TrainingRun& run, const TrainingSetup& setup, const TrainingView& view) {
    return pass_items(run.tape_at(run.passes()), view.shown_values.empty() ? setup.update : view.shown_values,
                      run.passes());
}

// Where rounds are left out: which ones, and that their numbers are still kept.
Note rounds_left_out(int first, int last) {
    if (first == last)
        return Note{"rounds-left-out", Note::Kind::info, Message{"training.note.round_left_out", {Arg{"", Num::both(first)}}}};
    return Note{"rounds-left-out", Note::Kind::info,
                Message{"training.note.rounds_left_out", {Arg{"", Num::both(first)}, Arg{"", Num::both(last)}}}};
}

}  // namespace

Num TrainingRun::value_at(int pass, std::size_t j) const {
    return pass == 1 ? start[j] : afters[static_cast<std::size_t>(pass - 2) * names.size() + j];
}

std::vector<ParamUpdate> TrainingRun::updates_at(int round) const {
    std::vector<ParamUpdate> out;
    const std::size_t base = static_cast<std::size_t>(round - 1) * names.size();
    for (std::size_t j = 0; j < names.size(); ++j) {
        const Num before = round == 1 ? start[j] : afters[base - names.size() + j];
        // A name the loss does not depend on (or that is not on the graph) has a zero gradient.
        const Num gradient = nodes[j] ? replay.gradient(static_cast<std::size_t>(round - 1), *nodes[j]) : Num{0, 0};
        out.push_back({names[j], before, gradient, steps[base + j], afters[base + j]});
    }
    return out;
}

TrainingRun train(const TrainingSetup& setup) {
    for (const auto& name : setup.update)
        if (!setup.values.count(name)) throw std::invalid_argument("train: no starting value for '" + name + "'");
    TrainingRun run;
    {
        Tape graph(setup.arithmetic, setup.slips);
        const NodeId loss = setup.build(graph, setup.values);
        run.replay = Replay(std::move(graph), loss);
    }
    const Tape& graph = run.replay.graph();
    run.names = setup.update;
    for (const auto& name : setup.update) {
        run.nodes.push_back(graph.find(name));
        run.start.push_back(setup.values.at(name));
    }
    const auto leaves = leaves_reading(graph, setup.update);
    const auto rounds = static_cast<std::size_t>(setup.rounds);
    run.replay.reserve(rounds + 1);
    run.steps.reserve(rounds * run.names.size());
    run.afters.reserve(rounds * run.names.size());
    std::vector<Num> current = run.start;
    std::vector<std::pair<NodeId, Num>> new_leaves;
    for (std::size_t k = 1; k <= rounds; ++k) {
        in_round(k, [&] {
            if (k > 1) run.replay.forward(new_leaves);
            run.replay.backward();
        });
        // All at once: every gradient below was taken before any value changed.
        new_leaves.clear();
        for (std::size_t j = 0; j < run.names.size(); ++j) {
            const Num gradient = run.nodes[j] ? run.replay.gradient(k - 1, *run.nodes[j]) : Num{0, 0};
            const auto [step, after] = update_one(current[j], gradient, setup.rate, setup.arithmetic);
            if (!is_finite(step) || !is_finite(after))
                throw TrainingFault{static_cast<int>(k), std::nullopt, {run.names[j], current[j], gradient, step, after}};
            run.steps.push_back(step);
            run.afters.push_back(after);
            current[j] = after;
            for (NodeId leaf : leaves[j]) new_leaves.emplace_back(leaf, after);
        }
    }
    if (rounds > 0) in_round(rounds + 1, [&] { run.replay.forward(new_leaves); });  // the pass after the last update
    return run;
}

std::vector<Item> chain_rule_items(const Tape& tape, const Gradients& g, const std::string& suffix) {
    std::vector<Item> items = chain_lines(tape, g, "");
    for (auto& item : items)
        if (auto* sum = std::get_if<GradientSum>(&item)) sum->key += "/sum";
    make_keys_unique(items);
    append_suffix(items, suffix);
    return items;
}

Step gradient_step(const Tape& tape, const Gradients& g, NodeId of, const std::string& suffix) {
    const std::string& root = display_name(tape, g.root);
    const std::string& name = display_name(tape, of);
    Step s;
    s.key = "d" + root + "/d" + name + suffix;
    s.name = "∂" + root + "/∂" + name;
    // A zero gradient reached through a zero factor is −0 (−0.57 · 0); it means 0 and should not
    // print as "-0.000". Adding +0 turns −0 into +0 and leaves every other value alone.
    const Num v = g.of.at(of);
    s.value = Num{v.exact + 0.0, v.hand + 0.0};
    return s;
}

std::vector<int> rounds_shown(int rounds, const TrainingView& view) {
    std::vector<int> shown;
    for (int k = 1; k <= std::min(rounds, std::max(1, view.rounds_in_full)); ++k) shown.push_back(k);
    return shown;
}

std::vector<int> passes_listed(int passes, int most) {
    most = std::max(most, 2);  // the first and the last at least
    std::vector<int> listed;
    const int every = passes <= most ? 1 : (passes - 2) / (most - 1) + 1;
    for (int k = 1; k < passes; k += every) listed.push_back(k);
    listed.push_back(passes);
    return listed;
}

std::vector<Section> training_sections(const TrainingRun& run, const TrainingSetup& setup, const TrainingView& view) {
    std::vector<Section> sections;
    const std::vector<int> shown = view.write_rounds ? rounds_shown(run.rounds(), view) : std::vector<int>{};
    for (int k : shown) sections.push_back(round_section(run, k, setup, view));
    const int written = static_cast<int>(shown.size());
    const bool every_round = view.write_rounds && written == run.rounds();
    Section last = every_round ? Section{"final", Message{"training.section.final", {}}, {}}
                               : Section{"rounds", Message{"training.section.rounds", {}}, {}};
    if (every_round)
        last.items = final_pass_items(run, setup, view);
    else if (written < run.rounds())
        last.items.emplace_back(rounds_left_out(written + 1, run.rounds()));
    // Said before the rounds table that follows, when that table is thinned.
    if (run.passes() > losses_listed) {
        const int every = passes_listed(run.passes()).at(1) - 1;
        last.items.emplace_back(Note{"losses-thinned", Note::Kind::info,
                                     Message{"training.note.losses_thinned", {Arg{"", Num::both(every)}}}});
    }
    sections.push_back(std::move(last));
    return sections;
}

namespace {

// "losses/k/loss" and "losses/k/pass" of a run whose table is thinned (keyed "losses-sampled"):
// pass k's loss, as the full table would have it in row k.
std::optional<Num> thinned_loss_cell(const TrainingRun& run, const std::string& key) {
    if (run.passes() <= losses_listed || key.rfind("losses/", 0) != 0) return std::nullopt;
    const auto slash = key.find('/', 7);
    if (slash == std::string::npos) return std::nullopt;
    const std::string row = key.substr(7, slash - 7), column = key.substr(slash + 1);
    if (row.empty() || row.size() > 9 || row.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
    const int k = std::stoi(row);
    if (k < 1 || k > run.passes()) return std::nullopt;
    if (column == "loss") return run.loss_at(k);
    if (column == "pass") return Num::both(k);
    const auto name = std::find(run.names.begin(), run.names.end(), column);
    if (name == run.names.end() || run.names.size() > values_listed) return std::nullopt;
    return run.value_at(k, static_cast<std::size_t>(name - run.names.begin()));
}

}  // namespace

std::function<std::optional<Num>(const std::string& key)> rounds_left_out_lookup(
    std::shared_ptr<const TrainingRun> run, const TrainingSetup& setup, const TrainingView& view) {
    TrainingSetup kept = setup;
    kept.build = nullptr;  // the builder may refer to a problem that does not outlive the record
    return [run, kept, view](const std::string& key) -> std::optional<Num> {
        if (const auto loss = thinned_loss_cell(*run, key)) return loss;
        // The round is the number after the last '@': "w7@5000+", "dL/dw7@5000", "…@12#2".
        // "w7+" is round 1's update.
        const auto at = key.rfind('@');
        int k = 0;
        if (at == std::string::npos) {
            if (key.empty() || key.back() != '+') return std::nullopt;
            k = 1;
        } else {
            std::size_t i = at + 1;
            for (; i < key.size() && key[i] >= '0' && key[i] <= '9' && k < 100000000; ++i) k = k * 10 + (key[i] - '0');
            if (i == at + 1 || k < 1) return std::nullopt;
        }
        if (k > run->passes()) return std::nullopt;
        // Every key ending in @k is in round k's section (or the final pass's): write out that
        // one section and look.
        Record one_round;
        if (k == run->passes())
            one_round.sections.push_back(Section{"final", {}, final_pass_items(*run, kept, view)});
        else
            one_round.sections.push_back(round_section(*run, k, kept, view));
        return one_round.find(key);
    };
}

Table loss_table(const TrainingRun& run) {
    Table t;
    // A thinned table has another key: "losses/k/loss" always means pass k (see below).
    t.key = run.passes() > losses_listed ? "losses-sampled" : "losses";
    const bool with_values = run.names.size() <= values_listed;
    t.title = Message{with_values ? "training.table.rounds" : "training.table.loss", {}};
    t.columns = {Column{"pass", Message{"training.column.pass", {}}, 0},
                 Column{"loss", Message{"training.column.loss", {}}, std::nullopt}};
    if (with_values)
        for (const auto& name : run.names)
            t.columns.push_back(Column{name, Message{"training.column.name", {Arg{name, std::nullopt}}}, std::nullopt});
    for (int k : passes_listed(run.passes())) {
        std::vector<Cell> row{Cell{Num::both(k), std::nullopt}, Cell{run.loss_at(k), std::nullopt}};
        if (with_values)
            for (std::size_t j = 0; j < run.names.size(); ++j) row.push_back(Cell{run.value_at(k, j), std::nullopt});
        t.rows.push_back(std::move(row));
    }
    return t;
}

Plot loss_plot(const TrainingRun& run, const std::string& key) {
    Series curve;
    curve.kind = Series::Kind::line;
    for (int k = 1; k <= run.passes(); ++k) {
        curve.x.push_back(k);
        curve.y.push_back(run.loss_at(k).hand);
    }
    // Labels are names, the same in every language: the loss node and k, the pass.
    const std::string& loss = display_name(run.replay.graph(), run.loss());
    curve.label = loss;
    return Plot{key, Message{"training.plot.loss", {Arg{loss, std::nullopt}}}, "k", loss, {std::move(curve)}};
}

void make_keys_unique(std::vector<Item>& items) {
    std::map<std::string, int> seen;
    for (auto& item : items)
        std::visit([&](auto& i) {
            const int n = ++seen[i.key];
            if (n > 1) i.key += "#" + std::to_string(n);
        }, item);
}

}  // namespace nntrace
