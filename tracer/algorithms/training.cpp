#include "training.hpp"

#include <set>
#include <stdexcept>

#include "core/recording.hpp"

namespace nntrace {
namespace {

ForwardPass forward(const TrainingSetup& setup, const std::map<std::string, Num>& values) {
    ForwardPass pass{Tape(setup.arithmetic, setup.slips), 0, values};
    pass.loss = setup.build(pass.tape, values);
    return pass;
}

// p ← p − rate·g. By hand the step rate·g is written down rounded, then subtracted and rounded.
ParamUpdate update_one(const std::string& name, Num before, Num gradient, double rate, const Arithmetic& a) {
    ParamUpdate u{name, before, gradient, {}, {}};
    u.step = multiply(rate, gradient, a);
    u.after = subtract(before, u.step, a);
    return u;
}

// A name the loss does not depend on (or that is not on the tape) has a zero gradient.
Num gradient_of(const ForwardPass& pass, const Gradients& g, const std::string& name) {
    const auto id = pass.tape.find(name);
    return id ? g.of[*id] : Num{0, 0};
}

std::string at_pass(const std::string& key, int k) { return key + "@" + std::to_string(k); }

std::string updated_key(const std::string& name, int round) {
    return round == 1 ? name + "+" : at_pass(name, round) + "+";
}

void append_suffix(std::vector<Item>& items, const std::string& suffix) {
    for (auto& item : items) std::visit([&](auto& i) { i.key += suffix; }, item);
}

// The values a pass read, then every named node it computed, keyed name@k.
std::vector<Item> pass_items(const ForwardPass& pass, const std::vector<std::string>& shown, int k) {
    std::vector<Item> items;
    for (const auto& name : shown)
        if (const auto id = pass.tape.find(name)) items.emplace_back(step_of(pass.tape, *id, ""));
    for (auto& step : forward_steps(pass.tape, "")) items.push_back(std::move(step));
    append_suffix(items, "@" + std::to_string(k));
    return items;
}

Section round_section(const TrainingRound& round, const TrainingSetup& setup, const TrainingView& view) {
    const int k = round.number;
    const std::string suffix = "@" + std::to_string(k);
    Section s{"round-" + std::to_string(k), Message{"training.section.round", {Arg{"", Num::both(k)}}}, {}};
    s.items = pass_items(round.pass, view.shown_values.empty() ? setup.update : view.shown_values, k);
    if (k > 1 || view.chain_lines_in_first_round)
        for (auto& line : chain_rule_items(round.pass.tape, round.gradients, suffix)) s.items.push_back(std::move(line));
    const std::string& loss = display_name(round.pass.tape, round.pass.loss);
    for (const ParamUpdate& u : round.updates) {
        if (const auto id = round.pass.tape.find(u.name))
            s.items.emplace_back(gradient_step(round.pass.tape, round.gradients, *id, suffix));
    }
    for (const ParamUpdate& u : round.updates)
        s.items.emplace_back(Update{updated_key(u.name, k), u.name, loss, u.before, Num::both(setup.rate), u.gradient, u.after});
    make_keys_unique(s.items);
    return s;
}

}  // namespace

TrainingRun train(const TrainingSetup& setup) {
    for (const auto& name : setup.update)
        if (!setup.values.count(name)) throw std::invalid_argument("train: no starting value for '" + name + "'");
    TrainingRun run;
    std::map<std::string, Num> values = setup.values;
    for (int k = 1; k <= setup.rounds; ++k) {
        TrainingRound round{k, forward(setup, values), {}, {}};
        round.gradients = backward(round.pass.tape, round.pass.loss);
        for (const auto& name : setup.update)
            round.updates.push_back(update_one(name, values.at(name), gradient_of(round.pass, round.gradients, name),
                                               setup.rate, setup.arithmetic));
        // All at once: every gradient above was taken before any value changed.
        for (const ParamUpdate& u : round.updates) values[u.name] = u.after;
        run.rounds.push_back(std::move(round));
    }
    run.final_pass = forward(setup, values);
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

std::vector<Section> training_sections(const TrainingRun& run, const TrainingSetup& setup, const TrainingView& view) {
    std::vector<Section> sections;
    for (const TrainingRound& round : run.rounds) sections.push_back(round_section(round, setup, view));
    const int last = static_cast<int>(run.rounds.size()) + 1;
    Section final_pass{"final", Message{"training.section.final", {}}, {}};
    final_pass.items = pass_items(run.final_pass, view.shown_values.empty() ? setup.update : view.shown_values, last);
    sections.push_back(std::move(final_pass));
    return sections;
}

Table loss_table(const TrainingRun& run) {
    Table t;
    t.key = "losses";
    t.title = Message{"training.table.loss", {}};
    t.columns = {Column{"pass", Message{"training.column.pass", {}}, 0},
                 Column{"loss", Message{"training.column.loss", {}}, std::nullopt}};
    auto row = [&](int k, const ForwardPass& pass) {
        t.rows.push_back({Cell{Num::both(k), std::nullopt}, Cell{pass.tape[pass.loss].value, std::nullopt}});
    };
    for (const TrainingRound& round : run.rounds) row(round.number, round.pass);
    row(static_cast<int>(run.rounds.size()) + 1, run.final_pass);
    return t;
}

Plot loss_plot(const TrainingRun& run, const std::string& key) {
    Series curve;
    curve.kind = Series::Kind::line;
    auto point = [&](int k, const ForwardPass& pass) {
        curve.x.push_back(k);
        curve.y.push_back(pass.tape[pass.loss].value.hand);
    };
    for (const TrainingRound& round : run.rounds) point(round.number, round.pass);
    point(static_cast<int>(run.rounds.size()) + 1, run.final_pass);
    // Labels are names, the same in every language: the loss node and k, the pass.
    const std::string& loss = display_name(run.final_pass.tape, run.final_pass.loss);
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
