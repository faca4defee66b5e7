// train() replays one graph; the reference here builds the graph afresh every round, runs
// backward on it and updates by the same rule, as training did before the replay. Every number
// of every round must agree bit for bit.
#include <catch2/catch.hpp>

#include <cstring>

#include "algorithms/training.hpp"
#include "core/builder.hpp"

using namespace nntrace;

namespace {

const std::vector<std::pair<std::string, std::string>> network{
    {"l_h1", "w1*i1 + w2*i2 + b1"}, {"out_h1", "sigmoid(l_h1)"},
    {"l_h2", "w3*i1 + w4*i2 + b1"}, {"out_h2", "tanh(l_h2)"},
    {"l_o1", "w5*out_h1 + w6*out_h2 + b2"}, {"out_o1", "sigmoid(l_o1)"},
    {"E", "0.5*(t1 - out_o1)^2 + 0.01*(w1^2 + w5^2)"}};

NodeId build_network(Tape& tape, const std::map<std::string, Num>& values) {
    Scope scope;
    for (const auto& [name, v] : values)
        scope.names[name] = name[0] == 'i' || name[0] == 't' ? tape.input(name, v) : tape.parameter(name, v);
    NodeId last = 0;
    for (const auto& [name, text] : network) last = scope.names[name] = build_named(tape, name, parse_expression(text), text, scope);
    return last;
}

TrainingSetup setup(Arithmetic a) {
    TrainingSetup s;
    s.build = build_network;
    for (const auto& [name, v] : std::map<std::string, double>{
             {"i1", 0.1}, {"i2", 0.2}, {"t1", 0.85}, {"b1", 0.35}, {"b2", 0.5}, {"w1", 0.05}, {"w2", 0.15},
             {"w3", 0.1}, {"w4", 0.2}, {"w5", 0.25}, {"w6", 0.35}})
        s.values[name] = Num::both(v);
    // b1 is read by two sums (its gradient is a sum); i1 is an input that is trained too.
    s.update = {"w1", "w2", "w3", "w4", "w5", "w6", "b1", "i1"};
    s.rate = 0.7;
    s.rounds = 6;
    s.arithmetic = a;
    return s;
}

bool same(const Num& a, const Num& b) { return std::memcmp(&a, &b, sizeof a) == 0; }

void check_against_rebuilding(const TrainingSetup& s) {
    const TrainingRun run = train(s);
    REQUIRE(run.rounds() == s.rounds);
    std::map<std::string, Num> values = s.values;
    for (int k = 1; k <= s.rounds + 1; ++k) {
        INFO("pass " << k);
        Tape fresh(s.arithmetic, s.slips);
        const NodeId loss = s.build(fresh, values);
        const Tape replayed = run.tape_at(k);
        REQUIRE(replayed.size() == fresh.size());
        for (NodeId id = 0; id < fresh.size(); ++id) CHECK(same(replayed[id].value, fresh[id].value));
        if (k > s.rounds) break;
        const Gradients want = backward(fresh, loss);
        const Gradients got = run.gradients_at(k);
        for (std::size_t t = 0; t < want.terms.size(); ++t) CHECK(same(got.terms[t].contribution, want.terms[t].contribution));
        const auto updates = run.updates_at(k);
        for (std::size_t j = 0; j < s.update.size(); ++j) {
            const std::string& name = s.update[j];
            const Num g = want.of[*fresh.find(name)];
            const Num step = multiply(s.rate, g, s.arithmetic);
            const Num after = subtract(values.at(name), step, s.arithmetic);
            CHECK(same(updates[j].before, values.at(name)));
            CHECK(same(updates[j].gradient, g));
            CHECK(same(updates[j].step, step));
            CHECK(same(updates[j].after, after));
        }
        for (const auto& u : updates) values[u.name] = u.after;
    }
}

}  // namespace

TEST_CASE("Training replay: exact rounds equal rebuilding the graph every round", "[training][replay]") {
    check_against_rebuilding(setup(Arithmetic::exact()));
}

TEST_CASE("Training replay: hand rounds equal rebuilding the graph every round", "[training][replay]") {
    check_against_rebuilding(setup(Arithmetic::hand(4)));
}

TEST_CASE("Training replay: a slip is kept in every round", "[training][replay]") {
    auto s = setup(Arithmetic::hand(3));
    s.slips.sigmoid_slope_at_preactivation = true;
    check_against_rebuilding(s);
}
