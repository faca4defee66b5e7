// The Judge replays the problem's graph for the runs that change only numbers (graph_replay.hpp)
// and makes the full record only when an answer needs explaining. Both must give exactly what
// a run of its own gives: every value, and every verdict, cause and reason of a class.
#include <cmath>

#include <catch2/catch.hpp>

#include "checking/graph_replay.hpp"
#include "checking/judge.hpp"
#include "problem/random_variants.hpp"
#include "render/number_format.hpp"
#include "support.hpp"
#include "tracer/problem/random_problem.hpp"

using namespace nntrace;
using nntrace::test::replay_rows;
using nntrace::test::same_double;
using nntrace::test::same_judgements;

namespace {

const std::vector<std::string>& replay_keys = test::exercise7_graph_keys;


// Replayed on `p`'s graph, the values of (q, o) are those run_for_keys computes; returns
// whether the replay gave values at all.
bool replay_matches(const Problem& p, const Problem& q, const RunOptions& o, const std::vector<std::string>& keys) {
    const GraphReplay replay(p, {});
    const auto replayed = replay.values(q, o, keys);
    if (!replayed) return false;
    const AnswerValues run = run_for_keys(q, o, keys);
    for (const auto& k : keys) {
        INFO(k);
        REQUIRE(run.count(k));
        REQUIRE(replayed->count(k));
        CHECK(same_double(replayed->at(k).hand, run.at(k).hand));
        CHECK(same_double(replayed->at(k).exact, run.at(k).exact));
    }
    return true;
}

Problem replay_exercise(const std::string& file) {
    Problem p = read_problem(std::string(NNTRACE_SOURCE_HOME) + "/examples/" + file);
    p.random.reset();
    return p;
}

std::vector<Problem> replay_problems() {
    const Problem randomised = read_problem(std::string(NNTRACE_SOURCE_HOME) + "/examples/exercise-7-random.toml");
    std::vector<Problem> out{replay_exercise("exercise-7.toml")};
    for (const char* id : {"r1", "r2", "r3"}) out.push_back(draw_variant(randomised, 11, id).problem);
    Problem exact = out.back();
    exact.decimals.reset();
    out.push_back(exact);
    return out;
}

const char* replay_neuron = "[inputs]\nx = 0.5\nt = 1\n[params]\nw = 0.8\nb = 0.2\n[nodes]\nz = \"w*x + b\"\n"
                            "o = \"sigmoid(z)\"\nL = \"0.5*(t - o)^2\"\n[loss]\nnode = \"L\"\nwrt = [\"w\", \"b\"]\n";

}  // namespace

TEST_CASE("Graph replay: the runs by hand at 0 to 9 decimals equal their own runs", "[check][replay]") {
    for (const Problem& p : replay_problems())
        for (Rounding r : {Rounding::half_up, Rounding::truncate})
            for (int k = 0; k <= 9; ++k) {
                RunOptions o;
                o.arithmetic = Arithmetic::hand(k, r);
                INFO(p.file << " at " << k);
                CHECK(replay_matches(p, p, o, replay_keys));
            }
}

TEST_CASE("Graph replay: the runs by hand off the replay's own values equal their own runs", "[check][replay]") {
    for (const Problem& p : replay_problems()) {
        const GraphReplay replay(p, {});
        for (Rounding r : {Rounding::half_up, Rounding::truncate})
            for (int k = 0; k <= 9; ++k) {
                RunOptions o;
                o.arithmetic = Arithmetic::hand(k, r);
                INFO(p.file << " at " << k);
                const auto replayed = replay.own_values_under(o, replay_keys);
                REQUIRE(replayed);
                const AnswerValues run = run_for_keys(p, o, replay_keys);
                for (const auto& key : replay_keys) {
                    INFO(key);
                    CHECK(same_double(replayed->at(key).hand, run.at(key).hand));
                    CHECK(same_double(replayed->at(key).exact, run.at(key).exact));
                }
            }
    }
}

TEST_CASE("Graph replay: random problems by hand, exact and slipped equal their own runs", "[check][replay]") {
    const std::vector<std::string> keys = {"p1", "c1", "n1", "n2", "n3", "n4", "n5", "n6", "L",
                                           "dL/dp1", "dL/dp2", "dL/dp3", "dL/dp4", "dL/dc1", "dL/dn3"};
    std::size_t compared = 0;
    for (unsigned seed = 1; seed <= 25; ++seed) {
        const Problem p = parse_problem(test::RandomProblem(seed).toml(), "random.toml");
        const GraphReplay replay(p, {});
        std::vector<RunOptions> runs(4);
        runs[0].arithmetic = Arithmetic::hand(2);
        runs[1].arithmetic = Arithmetic::hand(5, Rounding::truncate);
        runs[2].arithmetic = Arithmetic::exact();
        runs[3].arithmetic = Arithmetic::hand(3);
        runs[3].slips.sigmoid_slope_at_preactivation = true;
        for (const RunOptions& o : runs) {
            INFO("seed " << seed << ", decimals " << o.arithmetic->decimals);
            const auto replayed = replay.own_values_under(o, keys);
            const AnswerValues run = run_for_keys(p, o, keys);
            if (!replayed) {  // a fault: the run says where
                CHECK(run.size() < keys.size());
                continue;
            }
            for (const auto& key : keys) {
                INFO(key);
                REQUIRE(run.count(key));
                CHECK(same_double(replayed->at(key).hand, run.at(key).hand));
                CHECK(same_double(replayed->at(key).exact, run.at(key).exact));
            }
            ++compared;
        }
    }
    CHECK(compared > 80);
}

TEST_CASE("Graph replay: its own values serve only a run of the problem as built", "[check][replay]") {
    const Problem p = replay_exercise("exercise-7.toml");
    const GraphReplay replay(p, {});
    RunOptions no_arithmetic;  // the problem's own arithmetic: read through values()
    CHECK_FALSE(replay.own_values_under(no_arithmetic, replay_keys));
    RunOptions other_values;
    other_values.arithmetic = Arithmetic::hand(2);
    other_values.sets = {{"w7", "0.5"}};
    CHECK_FALSE(replay.own_values_under(other_values, replay_keys));
    other_values.sets.clear();
    CHECK(replay.own_values_under(other_values, replay_keys));
}

TEST_CASE("Graph replay: every same-graph mistake equals its own run", "[check][replay]") {
    std::size_t replayed = 0;
    for (const Problem& p : replay_problems())
        for (const Mistake& m : mistakes())
            for (const Variation& v : m.vary(p, {}, MistakeContext{3}))
                if (v.same_graph) {
                    INFO(p.file << ": " << m.id);
                    CHECK(replay_matches(p, v.problem(p), v.options, replay_keys));
                    ++replayed;
                }
    CHECK(replayed > 20);
}

TEST_CASE("Graph replay: a sigmoid neuron's slip equals its own run", "[check][replay]") {
    const Problem p = parse_problem(replay_neuron, "neuron.toml");
    std::size_t replayed = 0;
    for (const Mistake& m : mistakes())
        for (const Variation& v : m.vary(p, {}, MistakeContext{4}))
            if (v.same_graph && replay_matches(p, v.problem(p), v.options, {"z", "o", "L", "dL/dw", "dL/db"})) ++replayed;
    CHECK(replayed >= 3);
}

TEST_CASE("Graph replay: a key not on the graph leaves the value to a run", "[check][replay]") {
    const Problem p = replay_exercise("exercise-7.toml");
    CHECK_FALSE(GraphReplay(p, {}).values(p, {}, {"yhat", "no_such_key"}));
}


TEST_CASE("Graph replay: a Judge judges every answer as one that runs everything in full", "[check][replay]") {
    const std::vector<std::string> keys = {"yhat", "dL/dw7", "dL/dw8"};
    std::size_t explained = 0;
    for (const Problem& p : replay_problems()) {
        const Judge fast(p, keys, MistakeContext{3});
        const Judge full(p, keys, MistakeContext{3}, {}, false);
        for (const auto& row : replay_rows(p, keys)) {
            const auto f = fast.judge_all(row);
            same_judgements(f, full.judge_all(row));
            for (const auto& j : f) explained += j.causes.empty() ? 0 : 1;
        }
    }
    CHECK(explained > 10);
}
