// run_for_keys reads answer values off the problem's graph when it can: for every variation of
// every mistake, and the problem by hand at several decimals, they must be the numbers
// run_problem's record holds.
#include <cmath>

#include <catch2/catch.hpp>

#include "checking/mistakes.hpp"

using namespace nntrace;

namespace {

const std::vector<std::string> lean_keys = {"yhat", "h1", "z4", "L", "dL/dw7", "dL/dw8", "w7", "x1"};

bool same_number(double a, double b) { return a == b || (std::isnan(a) && std::isnan(b)); }

void check_same_values(const Problem& p, const RunOptions& o, const std::vector<std::string>& keys = lean_keys) {
    AnswerValues lean;
    try {
        lean = run_for_keys(p, o, keys);
    } catch (const std::exception&) {
        CHECK_THROWS(run_problem(p, o));  // a variation that cannot run fails both ways
        return;
    }
    const Record record = run_problem(p, o);
    for (const auto& k : keys) {
        INFO(k);
        const auto recorded = record.find(k);
        REQUIRE(recorded);
        REQUIRE(lean.count(k));
        CHECK(same_number(lean.at(k).hand, recorded->hand));
        CHECK(same_number(lean.at(k).exact, recorded->exact));
    }
}

Problem lean_exercise7() {
    Problem p = read_problem(std::string(NNTRACE_SOURCE_HOME) + "/examples/exercise-7.toml");
    p.answers.clear();
    for (const auto& k : lean_keys) p.answers.push_back({k, "", {}, {}});
    return p;
}

}  // namespace

TEST_CASE("Lean runs: every mistake's values off the graph equal the recorded run's", "[check][mistakes]") {
    const Problem p = lean_exercise7();
    for (const Mistake& m : mistakes())
        for (const Variation& v : m.vary(p, {}, MistakeContext{3})) {
            INFO(m.id);
            check_same_values(v.problem(p), v.options);
        }
}

TEST_CASE("Lean runs: the problem by hand at each decimals equals the recorded run", "[check][mistakes]") {
    const Problem p = lean_exercise7();
    for (Rounding r : {Rounding::half_up, Rounding::truncate})
        for (int k = 0; k <= 9; ++k) {
            RunOptions o;
            o.arithmetic = Arithmetic::hand(k, r);
            INFO(k);
            check_same_values(p, o);
        }
}

TEST_CASE("Lean runs: a sigmoid neuron's slips off the graph equal the recorded run's", "[check][mistakes]") {
    const char* neuron = "[inputs]\nx = 0.5\nt = 1\n[params]\nw = 0.8\nb = 0.2\n[nodes]\nz = \"w*x + b\"\n"
                         "o = \"sigmoid(z)\"\nL = \"0.5*(t - o)^2\"\n[loss]\nnode = \"L\"\nwrt = [\"w\", \"b\"]\n";
    const Problem p = parse_problem(neuron, "neuron.toml");
    std::size_t variations = 0;
    for (const Mistake& m : mistakes())
        for (const Variation& v : m.vary(p, {}, MistakeContext{4})) {
            INFO(m.id);
            ++variations;
            check_same_values(v.problem(p), v.options, {"z", "o", "L", "dL/dw", "dL/db"});
        }
    CHECK(variations > 3);
}

TEST_CASE("Lean runs: a problem with training still reads its record", "[check][mistakes]") {
    const char* trained = "[params]\nw = 0.5\n[nodes]\nL = \"(w - 1)^2\"\n[loss]\nnode = \"L\"\n[train]\nrate = 0.1\n";
    const Problem p = parse_problem(trained, "trained.toml");
    const AnswerValues v = run_for_keys(p, {}, {"w+", "L@2"});
    const Record record = run_problem(p, {});
    CHECK(v.at("w+").hand == record.find("w+")->hand);
    CHECK(v.at("L@2").hand == record.find("L@2")->hand);
}
