// The record a problem produces: its sections, its keys, and that every answer name of the
// contract is one of its keys.
#include <catch2/catch.hpp>

#include <cmath>

#include <set>

#include "support.hpp"

using nntrace::Record;
namespace test = nntrace::test;

namespace {

Record run_file(const std::filesystem::path& file) {
    return nntrace::run_problem(nntrace::read_problem(file), {});
}

std::vector<std::string> section_keys(const Record& r) {
    std::vector<std::string> out;
    for (const auto& s : r.sections) out.push_back(s.key);
    return out;
}

std::vector<std::string> item_keys(const Record& r) {
    std::vector<std::string> out;
    for (const auto& s : r.sections)
        for (const auto& item : s.items) out.push_back(std::visit([](const auto& i) { return i.key; }, item));
    return out;
}

}  // namespace

TEST_CASE("Problem record: sections without training", "[problem][record]") {
    const Record r = run_file(test::data_file("minimal.toml"));
    CHECK(section_keys(r) == std::vector<std::string>{"setup", "forward", "backward", "backward-steps", "gradients"});
}

TEST_CASE("Problem record: a problem without [loss] has a forward pass only", "[problem][record]") {
    const Record r = nntrace::run_problem(nntrace::parse_problem("[inputs]\nx = 3\n[nodes]\nz = \"2*x\"\n", "f.toml"), {});
    CHECK(section_keys(r) == std::vector<std::string>{"setup", "forward"});
    REQUIRE(r.find("z"));
    CHECK(r.find("z")->hand == 6.0);
}

TEST_CASE("Problem record: sections with training", "[problem][record][train]") {
    const Record r = run_file(test::data_file("train-tiny.toml"));
    CHECK(section_keys(r) ==
          std::vector<std::string>{"setup", "forward", "backward", "backward-steps", "gradients", "round-1", "rounds"});
}

TEST_CASE("Problem record: the setup lists inputs and params in a table", "[problem][record]") {
    const Record r = run_file(test::data_file("minimal.toml"));
    const nntrace::Table* t = r.find_table("data");
    REQUIRE(t);
    REQUIRE(t->rows.size() == 3);  // x, y, w
    CHECK(r.find("data/3/value")->hand == 0.5);
}

TEST_CASE("Problem record: every answer name of the contract is a key", "[problem][record][train]") {
    const nntrace::Problem p = nntrace::read_problem(test::data_file("train-tiny.toml"));
    const Record r = nntrace::run_problem(p, {});
    std::vector<std::string> names;
    for (const auto& i : p.inputs) names.push_back(i.name);
    for (const auto& q : p.params) names.push_back(q.name);
    for (const auto& n : p.nodes) names.push_back(n.name);
    for (const auto& name : names) {
        CHECK(r.find(name));
        if (name != "L") CHECK(r.find("dL/d" + name));
    }
    for (int k = 1; k <= 3; ++k)
        for (const auto& name : {"w", "b", "yhat", "L"}) CHECK(r.find(std::string(name) + "@" + std::to_string(k)));
    CHECK(r.find("w+"));
    CHECK(r.find("b+"));
}

TEST_CASE("Problem record: item keys are unique", "[problem][record][train]") {
    const auto keys = item_keys(run_file(test::data_file("train-tiny.toml")));
    const std::set<std::string> distinct(keys.begin(), keys.end());
    CHECK(distinct.size() == keys.size());
}

TEST_CASE("Problem record: the same file gives the same record", "[problem][record]") {
    const Record a = run_file(test::example_file("exercise-7.toml"));
    const Record b = run_file(test::example_file("exercise-7.toml"));
    CHECK(item_keys(a) == item_keys(b));
    CHECK(a.find("dL/dw8")->hand == b.find("dL/dw8")->hand);
}

TEST_CASE("Problem record: gradients of intermediate nodes are keys too", "[problem][record]") {
    const Record r = run_file(test::data_file("minimal.toml"));
    // L = (w·x − y)² with w = 0.5, x = 2, y = 1: ŷ = 1, so ∂L/∂ŷ = 2(ŷ − y) = 0.
    REQUIRE(r.find("dL/dyhat"));
    CHECK(r.find("dL/dyhat")->exact == 0.0);
    CHECK(r.find("dL/dx")->exact == 0.0);
}

TEST_CASE("Problem record: truncate rounding cuts digits off", "[problem][record]") {
    const Record r = nntrace::run_problem(
        nntrace::parse_problem("decimals = 3\nrounding = \"truncate\"\n[inputs]\na = 0.85\n"
                               "[nodes]\np = \"a*a\"\nq = \"-p\"\n", "f.toml"), {});
    CHECK(r.find("p")->hand == 0.722);  // 0.7225, where half up would give 0.723
    CHECK(r.find("q")->hand == -0.722);
    CHECK(r.arithmetic.rounding == nntrace::Rounding::truncate);
}

TEST_CASE("Problem record: the arithmetic is the record's, not repeated as a note of the setup", "[problem][record]") {
    // Every page states r.arithmetic in its header: a note would say it a second time.
    const Record r = run_file(test::data_file("out-of-order.toml"));
    CHECK(r.arithmetic.rounding == nntrace::Rounding::half_up);
    for (const auto& item : r.sections.front().items) CHECK_FALSE(std::holds_alternative<nntrace::Note>(item));
}

TEST_CASE("Problem record: nodes out of order are computed in dependency order", "[problem][record]") {
    const Record r = run_file(test::data_file("out-of-order.toml"));
    // z = 0.5·3 = 1.5; h = σ(1.5) = 0.817574…, written down as 0.82; L = 0.82² = 0.6724 → 0.67.
    CHECK(r.find("z")->hand == 1.5);
    CHECK(r.find("h")->hand == 0.82);
    CHECK(r.find("L")->hand == 0.67);
    CHECK(r.find("L")->exact == Approx(std::pow(1.0 / (1.0 + std::exp(-1.5)), 2)).epsilon(1e-12));
}

TEST_CASE("Problem record: every answer of the example names a key", "[problem][record][example]") {
    const nntrace::Problem p = nntrace::read_problem(test::example_file("exercise-7.toml"));
    const Record r = nntrace::run_problem(p, {});
    for (const auto& a : p.answers) {
        INFO(a.name);
        CHECK(r.find(a.name));
    }
}

TEST_CASE("Problem run: a slip in the options reaches every tape, training included", "[problem][slips]") {
    // o = σ(w·x), L = ½(t − o)²; with the slip, σ′ is taken as z(1 − z) at z = w·x.
    const nntrace::Problem p = nntrace::parse_problem("[inputs]\nx = 1\nt = 1\n[params]\nw = 0.5\n[nodes]\nz = \"w*x\"\n"
                                    "o = \"sigmoid(z)\"\nL = \"0.5*(t - o)^2\"\n[loss]\nnode = \"L\"\n"
                                    "[train]\nrate = 1\nrounds = 1\n",
                                    "slip.toml");
    nntrace::RunOptions slipped;
    slipped.slips.sigmoid_slope_at_preactivation = true;
    const Record r = nntrace::run_problem(p, slipped);
    const double o = 1 / (1 + std::exp(-0.5));
    const double wrong = -(1 - o) * 0.5 * (1 - 0.5) * 1;  // −(t − o)·z(1 − z)·x
    CHECK(r.find("dL/dw")->exact == Approx(wrong));
    CHECK(r.find("w+")->exact == Approx(0.5 - wrong));
}
