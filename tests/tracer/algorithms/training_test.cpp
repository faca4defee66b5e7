// The shared training loop, on graphs built directly on the tape; every expected figure is
// computed here by hand.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <memory>
#include <set>

#include "algorithms/training.hpp"

using nntrace::Arithmetic;
using nntrace::Num;
using nntrace::Op;
using nntrace::Tape;
using nntrace::TrainingSetup;

namespace {

// L = (w·x − y)² with x = 3, y = 2: the smallest graph with a param, an input and a loss.
nntrace::NodeId line_graph(Tape& t, const std::map<std::string, Num>& v) {
    const auto w = t.parameter("w", v.at("w"));
    const auto x = t.input("x", 3.0);
    const auto y = t.input("y", 2.0);
    const auto yhat = t.apply(Op::mul, {w, x});
    t.name(yhat, "yhat", {});
    const auto loss = t.apply(Op::powc, {t.apply(Op::sub, {yhat, y})}, 2.0);
    t.name(loss, "L", {});
    return loss;
}

TrainingSetup line_setup(double w, double rate, int rounds, Arithmetic a = Arithmetic::exact()) {
    TrainingSetup s;
    s.build = line_graph;
    s.values = {{"w", Num::both(w)}};
    s.update = {"w"};
    s.rate = rate;
    s.rounds = rounds;
    s.arithmetic = a;
    return s;
}

// L = (a·b − 1)²: each gradient depends on the other param, so the order of updates shows.
nntrace::NodeId product_graph(Tape& t, const std::map<std::string, Num>& v) {
    const auto a = t.parameter("a", v.at("a"));
    const auto b = t.parameter("b", v.at("b"));
    const auto one = t.constant(1.0, "1");
    const auto loss = t.apply(Op::powc, {t.apply(Op::sub, {t.apply(Op::mul, {a, b}), one})}, 2.0);
    t.name(loss, "L", {});
    return loss;
}

std::set<std::string> keys_of(const std::vector<nntrace::Section>& sections) {
    std::set<std::string> out;
    for (const auto& s : sections)
        for (const auto& item : s.items) out.insert(std::visit([](const auto& i) { return i.key; }, item));
    return out;
}

}  // namespace

TEST_CASE("Training: one round in exact arithmetic", "[training]") {
    const auto run = nntrace::train(line_setup(1.0, 0.05, 1));
    // ŷ = 3, L = 1, ∂L/∂w = 2(ŷ − y)·x = 6, w ← 1 − 0.05·6 = 0.7, then ŷ = 2.1, L = 0.01.
    REQUIRE(run.rounds() == 1);
    const auto u = run.updates_at(1).at(0);
    CHECK(u.gradient.exact == Approx(6.0));
    CHECK(u.after.exact == Approx(0.7));
    CHECK(run.loss_at(2).exact == Approx(0.01));
}

TEST_CASE("Training: by hand the step is rounded before it is subtracted", "[training]") {
    // Gradient 6, rate 0.0333: step 0.1998, written down as 0.2 at 1 decimal; w = 1 − 0.2 = 0.8.
    const auto run = nntrace::train(line_setup(1.0, 0.0333, 1, Arithmetic::hand(1)));
    const auto u = run.updates_at(1).at(0);
    CHECK(u.step.hand == 0.2);
    CHECK(u.after.hand == 0.8);
    CHECK(u.after.exact == Approx(1.0 - 0.0333 * 6));  // the exact track keeps exact steps
}

TEST_CASE("Training: every param is updated from the same gradients", "[training]") {
    TrainingSetup s;
    s.build = product_graph;
    s.values = {{"a", Num::both(2.0)}, {"b", Num::both(3.0)}};
    s.update = {"a", "b"};
    s.rate = 0.01;
    const auto run = nntrace::train(s);
    // ∂L/∂a = 2(ab − 1)·b = 30, ∂L/∂b = 2(ab − 1)·a = 20, both at a = 2, b = 3.
    const auto updates = run.updates_at(1);
    CHECK(updates[0].after.exact == Approx(2.0 - 0.01 * 30));
    CHECK(updates[1].after.exact == Approx(3.0 - 0.01 * 20));
}

TEST_CASE("Training: each round starts from the previous round's values", "[training]") {
    const auto run = nntrace::train(line_setup(1.0, 0.05, 2));
    // Round 2 at w = 0.7: ∂L/∂w = 2(2.1 − 2)·3 = 0.6, w ← 0.7 − 0.03 = 0.67.
    REQUIRE(run.rounds() == 2);
    const Tape second = run.tape_at(2);
    CHECK(second[*second.find("w")].value.exact == Approx(0.7));
    CHECK(run.updates_at(2)[0].before.exact == Approx(0.7));
    CHECK(run.updates_at(2)[0].after.exact == Approx(0.67));
}

TEST_CASE("Training: an update name without a value is a programming error", "[training]") {
    auto s = line_setup(1.0, 0.1, 1);
    s.update = {"v"};
    CHECK_THROWS_AS(nntrace::train(s), std::invalid_argument);
}

TEST_CASE("Training: sections use the answer-name keys", "[training][record]") {
    const auto setup = line_setup(1.0, 0.05, 2);
    nntrace::TrainingView every_round;
    every_round.rounds_in_full = 2;
    const auto sections = nntrace::training_sections(nntrace::train(setup), setup, every_round);
    const auto keys = keys_of(sections);
    for (const char* k : {"w@1", "yhat@1", "L@1", "dL/dw@1", "w+", "w@2", "L@2", "dL/dw@2", "w@2+", "w@3", "L@3"})
        CHECK(keys.count(k));
    CHECK(sections.back().key == "final");
}

TEST_CASE("Training: the first round's chain lines can be left out", "[training][record]") {
    const auto setup = line_setup(1.0, 0.05, 1);
    nntrace::TrainingView view;
    view.chain_lines_in_first_round = false;
    const auto sections = nntrace::training_sections(nntrace::train(setup), setup, view);
    for (const auto& item : sections.front().items) CHECK_FALSE(std::holds_alternative<nntrace::ChainLine>(item));
}

TEST_CASE("Training: the loss table has one row per forward pass", "[training][record]") {
    const auto table = nntrace::loss_table(nntrace::train(line_setup(1.0, 0.05, 2)));
    REQUIRE(table.rows.size() == 3);
    CHECK(table.rows[0][1].number->exact == Approx(1.0));
    CHECK(table.rows[1][1].number->exact == Approx(0.01));
    CHECK(table.rows[2][0].number->exact == 3.0);
}

TEST_CASE("Training: round 1 is written out, the other rounds are rows of the rounds table", "[training][record]") {
    const auto setup = line_setup(1.0, 0.05, 10);
    const auto sections = nntrace::training_sections(nntrace::train(setup), setup, {});
    std::vector<std::string> keys;
    for (const auto& s : sections) keys.push_back(s.key);
    CHECK(keys == std::vector<std::string>{"round-1", "rounds"});
    const auto& note = std::get<nntrace::Note>(sections.back().items.at(0));
    CHECK(note.message.id == "training.note.rounds_left_out");
    CHECK(note.message.args.at(0).number->exact == 2.0);  // rounds 2 to 10
    CHECK(note.message.args.at(1).number->exact == 10.0);
}

TEST_CASE("Training: a run written out round by round ends with the pass after the last update", "[training][record]") {
    const auto setup = line_setup(1.0, 0.05, 3);
    nntrace::TrainingView view;
    view.rounds_in_full = 3;
    CHECK(nntrace::rounds_shown(3, view) == std::vector<int>{1, 2, 3});
    const auto sections = nntrace::training_sections(nntrace::train(setup), setup, view);
    CHECK(sections.size() == 4);
    CHECK(sections.back().key == "final");
    CHECK(keys_of(sections).count("L@4"));
}

TEST_CASE("Training: a run of one round is written out whole", "[training][record]") {
    const auto setup = line_setup(1.0, 0.05, 1);
    const auto sections = nntrace::training_sections(nntrace::train(setup), setup, {});
    CHECK(sections.back().key == "final");
    CHECK(keys_of(sections).count("L@2"));
}

TEST_CASE("Training: the rounds table gives each pass's trained values beside its loss", "[training][record]") {
    TrainingSetup s;
    s.build = product_graph;
    s.values = {{"a", Num::both(2.0)}, {"b", Num::both(3.0)}};
    s.update = {"a", "b"};
    s.rate = 0.01;
    s.rounds = 3;
    const auto run = nntrace::train(s);
    const auto table = nntrace::loss_table(run);
    REQUIRE(table.columns.size() == 4);
    CHECK(table.columns[2].key == "a");
    CHECK(table.columns[3].key == "b");
    REQUIRE(table.rows.size() == 4);
    CHECK(table.rows[0][2].number->exact == 2.0);  // pass 1 reads the starting values
    for (int k = 2; k <= 4; ++k) {
        const auto updates = run.updates_at(k - 1);  // pass k reads the values after update k − 1
        CHECK(table.rows[k - 1][2].number->exact == updates[0].after.exact);
        CHECK(table.rows[k - 1][3].number->exact == updates[1].after.exact);
    }
}

TEST_CASE("Training: the loss table covers every pass of a long run", "[training][record]") {
    const auto run = nntrace::train(line_setup(1.0, 0.01, 40));
    const auto table = nntrace::loss_table(run);
    REQUIRE(table.rows.size() == 41);
    // Each pass's loss is that pass's graph evaluated: pass 20 read back from its own tape.
    const Tape pass20 = run.tape_at(20);
    CHECK(table.rows[19][1].number->exact == pass20[run.loss()].value.exact);
}

TEST_CASE("Training: repeated keys get a number", "[training][record]") {
    std::vector<nntrace::Item> items{nntrace::Step{"a", "a", {}, {}, {}}, nntrace::Step{"a", "a", {}, {}, {}}};
    nntrace::make_keys_unique(items);
    CHECK(std::get<nntrace::Step>(items[1]).key == "a#2");
}

TEST_CASE("Training: a loss table of a long run lists every k-th pass and the last", "[training][record]") {
    CHECK(nntrace::passes_listed(5) == std::vector<int>{1, 2, 3, 4, 5});
    const auto listed = nntrace::passes_listed(10001);
    REQUIRE(listed.size() == 101);
    CHECK(listed[1] == 101);
    CHECK(listed[99] == 9901);
    CHECK(listed.back() == 10001);
    CHECK(nntrace::passes_listed(102).size() <= 101);
}

TEST_CASE("Training: a thinned loss table is announced in the final section", "[training][record]") {
    const auto setup = line_setup(1.0, 0.001, 200);
    const auto run = nntrace::train(setup);
    const auto sections = nntrace::training_sections(run, setup, {});
    const auto& items = sections.back().items;
    const auto note = std::find_if(items.begin(), items.end(), [](const nntrace::Item& i) {
        return std::holds_alternative<nntrace::Note>(i) && std::get<nntrace::Note>(i).key == "losses-thinned";
    });
    REQUIRE(note != items.end());
    CHECK(std::get<nntrace::Note>(*note).message.args.at(0).number->exact == 2.0);  // every 2nd pass of 201
    CHECK(nntrace::loss_table(run).rows.size() == nntrace::passes_listed(201).size());
}

TEST_CASE("Training: a key of a round left out is still found, from that round's numbers", "[training][record]") {
    const auto setup = line_setup(1.0, 0.01, 40);
    auto run = std::make_shared<const nntrace::TrainingRun>(nntrace::train(setup));
    nntrace::Record r;
    r.sections = nntrace::training_sections(*run, setup, {});
    r.find_elsewhere.push_back(nntrace::rounds_left_out_lookup(run, setup, {}));
    const Tape pass20 = run->tape_at(20);
    const auto w20 = r.find("w@20");
    REQUIRE(w20);
    CHECK(w20->exact == pass20[*pass20.find("w")].value.exact);
    const auto update = run->updates_at(20).at(0);
    CHECK(r.find("dL/dw@20")->exact == update.gradient.exact);
    CHECK(r.find("w@20+")->exact == update.after.exact);
    CHECK(r.find("w@41"));        // the final pass, written out
    CHECK_FALSE(r.find("w@42"));  // past it
    CHECK_FALSE(r.find("nothing@20"));
}

TEST_CASE("Training: a thinned loss table has its own key; losses/k/loss still means pass k", "[training][record]") {
    const auto setup = line_setup(1.0, 0.001, 200);
    auto run = std::make_shared<const nntrace::TrainingRun>(nntrace::train(setup));
    nntrace::Record r;
    r.sections = nntrace::training_sections(*run, setup, {});
    r.sections.back().items.emplace_back(nntrace::loss_table(*run));
    r.find_elsewhere.push_back(nntrace::rounds_left_out_lookup(run, setup, {}));
    CHECK_FALSE(r.find_table("losses"));
    REQUIRE(r.find_table("losses-sampled"));
    CHECK(r.find("losses/150/loss")->exact == run->loss_at(150).exact);
    CHECK(r.find("losses/150/pass")->exact == 150.0);
    CHECK_FALSE(r.find("losses/202/loss"));
}

TEST_CASE("Training: with no round written out, every pass is still found", "[training][record]") {
    const auto setup = line_setup(1.0, 0.01, 5);
    auto run = std::make_shared<const nntrace::TrainingRun>(nntrace::train(setup));
    nntrace::TrainingView view;
    view.write_rounds = false;
    nntrace::Record r;
    r.sections = nntrace::training_sections(*run, setup, view);
    r.find_elsewhere.push_back(nntrace::rounds_left_out_lookup(run, setup, view));
    CHECK(r.sections.size() == 1);
    const Tape last = run->tape_at(6);
    CHECK(r.find("w@6")->exact == last[*last.find("w")].value.exact);  // the final pass
    CHECK(r.find("w+")->exact == run->updates_at(1).at(0).after.exact);
}

TEST_CASE("Training: no rounds in full still writes out round 1", "[training][record]") {
    nntrace::TrainingView view;
    view.rounds_in_full = 0;
    CHECK(nntrace::rounds_shown(20, view) == std::vector<int>{1});
    CHECK(nntrace::passes_listed(50, 1) == std::vector<int>{1, 50});
}

TEST_CASE("Training: a thinned rounds table still finds each pass's trained values", "[training][record]") {
    const auto setup = line_setup(1.0, 0.001, 200);
    auto run = std::make_shared<const nntrace::TrainingRun>(nntrace::train(setup));
    nntrace::Record r;
    r.sections = nntrace::training_sections(*run, setup, {});
    r.sections.back().items.emplace_back(nntrace::loss_table(*run));
    r.find_elsewhere.push_back(nntrace::rounds_left_out_lookup(run, setup, {}));
    const Tape pass150 = run->tape_at(150);
    CHECK(r.find("losses/150/w")->exact == pass150[*pass150.find("w")].value.exact);
}
