// A replayed pass must be exactly what building the graph afresh with the same leaf values
// gives: every value, local derivative, gradient and chain-rule product, bit for bit, in exact
// and hand arithmetic. The reference here is the tape itself, built again for each pass.
#include <catch2/catch.hpp>

#include <cstring>
#include <map>

#include "core/backward.hpp"
#include "core/builder.hpp"
#include "core/replay.hpp"

using namespace nntrace;

namespace {

// Over most of the operations, with shared nodes (sums in backward), a constant, a user function.
const std::vector<std::pair<std::string, std::string>> graph_nodes{
    {"z", "w1*x + w2*y + b"},    {"h", "sigmoid(z)"},        {"t", "tanh(z*0.5) + exp(-h)"},
    {"q", "sqrt(h + 1) / (t*t + 1)"}, {"r", "ln(h + 2) + relu(z - 0.1) + abs(t) + s(w2)"},
    {"p", "(h + 1)^(w1 + 1) + q^3"}, {"L", "0.5*(r + p - 2)^2 + h*t"}};

Tape build(const std::map<std::string, double>& leaves, Arithmetic a, Slips slips = {}) {
    Tape tape(a, slips);
    Scope scope;
    scope.functions["s"] = tape.add_function(make_user_function("s", "u", "u^2 + 1"));
    for (const auto& [name, v] : leaves)
        scope.names[name] = name == "x" || name == "y" ? tape.input(name, v) : tape.parameter(name, v);
    for (const auto& [name, text] : graph_nodes)
        scope.names[name] = build_named(tape, name, parse_expression(text), text, scope);
    return tape;
}

const std::map<std::string, double> start{{"b", 0.1}, {"w1", 0.4}, {"w2", -0.3}, {"x", 1.5}, {"y", 0.2}};
const std::map<std::string, double> moved{{"b", 0.12}, {"w1", 0.37}, {"w2", -0.25}, {"x", 1.5}, {"y", 0.2}};

bool same(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }
bool same(const Num& a, const Num& b) { return same(a.exact, b.exact) && same(a.hand, b.hand); }

// The leaves that change from `start` to `moved`, with their new values.
std::vector<std::pair<NodeId, Num>> moved_leaves(const Tape& graph) {
    std::vector<std::pair<NodeId, Num>> out;
    for (const auto& [name, v] : moved)
        if (v != start.at(name)) out.emplace_back(*graph.find(name), Num::both(v));
    return out;
}

void check_pass(const Replay& replay, std::size_t pass, const Tape& fresh) {
    const Tape replayed = replay.tape_at(pass);
    REQUIRE(replayed.size() == fresh.size());
    for (NodeId id = 0; id < fresh.size(); ++id) {
        INFO("node " << id << " " << fresh.name(id));
        CHECK(same(replayed[id].value, fresh[id].value));
        for (std::size_t k = 0; k < 2; ++k) CHECK(same(replayed[id].local[k], fresh[id].local[k]));
    }
    const NodeId loss = replay.root();
    const Gradients want = backward(fresh, loss);
    const Gradients got = replay.gradients_at(pass);
    for (NodeId id = 0; id < fresh.size(); ++id) CHECK(same(got.of[id], want.of[id]));
    REQUIRE(got.terms.size() == want.terms.size());
    for (std::size_t t = 0; t < want.terms.size(); ++t) {
        CHECK(got.terms[t].target == want.terms[t].target);
        CHECK(got.terms[t].through == want.terms[t].through);
        CHECK(same(got.terms[t].upstream, want.terms[t].upstream));
        CHECK(same(got.terms[t].local, want.terms[t].local));
        CHECK(same(got.terms[t].contribution, want.terms[t].contribution));
    }
    REQUIRE(got.sums.size() == want.sums.size());
    for (std::size_t s = 0; s < want.sums.size(); ++s) {
        CHECK(got.sums[s].terms == want.sums[s].terms);
        CHECK(same(got.sums[s].total, want.sums[s].total));
        CHECK(got.sums[s].position == want.sums[s].position);
    }
}

void check_replay(Arithmetic a, Slips slips = {}) {
    Tape graph = build(start, a, slips);
    const NodeId loss = *graph.find("L");
    Replay replay(graph, loss);
    replay.backward();
    replay.forward(moved_leaves(replay.graph()));
    replay.backward();
    REQUIRE(replay.passes() == 2);
    check_pass(replay, 0, build(start, a, slips));
    check_pass(replay, 1, build(moved, a, slips));
}

}  // namespace

TEST_CASE("Replay: a pass in exact arithmetic equals a fresh build", "[replay]") {
    check_replay(Arithmetic::exact());
}

TEST_CASE("Replay: a pass by hand, rounding half up, equals a fresh build", "[replay]") {
    check_replay(Arithmetic::hand(3));
}

TEST_CASE("Replay: a pass by hand, truncating, equals a fresh build", "[replay]") {
    check_replay(Arithmetic::hand(4, Rounding::truncate));
}

TEST_CASE("Replay: a student's slip is replayed too", "[replay]") {
    check_replay(Arithmetic::hand(3), Slips{true});
}

TEST_CASE("Replay: leaves not given keep their values", "[replay]") {
    Replay replay(build(start, Arithmetic::exact()), 0);
    replay.forward({});
    const Tape graph = build(start, Arithmetic::exact());
    const NodeId x = *graph.find("x");
    CHECK(replay.value(1, x).exact == 1.5);
}

TEST_CASE("Replay: a pass whose value is not a number throws and leaves no trace", "[replay]") {
    Tape graph = build(start, Arithmetic::exact());
    const NodeId loss = *graph.find("L");
    Replay replay(std::move(graph), loss);
    // w1 = 1e300 overflows w1*x, then (h + 1)^(w1 + 1).
    const NodeId w1 = *replay.graph().find("w1");
    CHECK_THROWS_AS(replay.forward({{w1, Num::both(1e300)}}), NumericFault);
    CHECK(replay.passes() == 1);
    replay.forward({});  // the next pass is number 1, as if the failed one never happened
    CHECK(replay.passes() == 2);
}

TEST_CASE("Replay: a pass can be differentiated only once it exists", "[replay]") {
    Replay replay(build(start, Arithmetic::exact()), 0);
    replay.backward();
    CHECK_THROWS_AS(replay.backward(), std::logic_error);
}

TEST_CASE("Replay: a fault inside a user function is reported at the call", "[replay]") {
    Tape tape;
    Scope scope;
    scope.functions["s"] = tape.add_function(make_user_function("s", "u", "ln(u)"));
    scope.names["p"] = tape.parameter("p", 2.0);
    const NodeId call = build_named(tape, "y", parse_expression("s(p)"), "s(p)", scope);
    const NodeId p = scope.names["p"];
    Replay replay(std::move(tape), call);
    try {
        replay.forward({{p, Num::both(-1.0)}});
        FAIL("ln(−1) was accepted");
    } catch (const NumericFault& f) {
        CHECK(f.node == call);
        CHECK(f.op == Op::ln);
    }
}

TEST_CASE("Replay: a backward fault leaves no trace of the pass's gradients", "[replay]") {
    // y = z², z = 1e200·p, so ∂y/∂p = 2z · 1e200. At p = 1e-200 (z = 1) every number is fine; at
    // p = 1e-80 (z = 1e120, y = 1e240) the forward pass is fine and the product 2e120 · 1e200 is not.
    Tape tape;
    const NodeId p = tape.parameter("p", 1e-200);
    const NodeId z = tape.apply(Op::mul, {tape.constant(1e200, "1e200"), p});
    const NodeId y = tape.apply(Op::powc, {z}, 2.0);
    Replay replay(std::move(tape), y);
    replay.backward();
    CHECK_THROWS_AS(replay.backward(), std::logic_error);  // pass 0 is differentiated once
    replay.forward({{p, Num::both(1e-80)}});
    CHECK_THROWS_AS(replay.backward(), NumericFault);
    CHECK(replay.backward_passes() == 1);
    CHECK(replay.gradient(0, p).exact == 2e200);  // pass 0's gradients are untouched
}

TEST_CASE("Replay: a hand pass whose value is not a number throws and leaves no trace", "[replay]") {
    Tape graph = build(start, Arithmetic::hand(3));
    const NodeId loss = *graph.find("L");
    Replay replay(std::move(graph), loss);
    const NodeId w1 = *replay.graph().find("w1");
    CHECK_THROWS_AS(replay.forward({{w1, Num::both(1e300)}}), NumericFault);
    CHECK(replay.passes() == 1);
}

TEST_CASE("Replay: only leaves take new values", "[replay]") {
    Replay replay(build(start, Arithmetic::exact()), 0);
    const NodeId z = *replay.graph().find("z");
    CHECK_THROWS_AS(replay.forward({{z, Num::both(1.0)}}), std::logic_error);
    CHECK_THROWS_AS(replay.forward({{99999, Num::both(1.0)}}), std::logic_error);
}
