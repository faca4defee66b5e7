#include <catch2/catch.hpp>

#include <cmath>

#include "algorithms/target_seeking.hpp"

using namespace nntrace;

namespace {

GraphNode node(const std::string& name, const std::string& source) {
    return {name, source, parse_expression(source)};
}

// The graph of the linear lesson: z = x·y, x = 2w + 3b, y = 2b + 1.
Graph linear_graph() {
    return {{"w", "b"}, {node("x", "2*w + 3*b"), node("y", "2*b + 1"), node("z", "x*y")}, "z"};
}

SeekPlan linear_plan(std::vector<Mover> movers, FactorMode factors, Arithmetic ar) {
    return {linear_graph(), {{"w", Num::both(3)}, {"b", Num::both(4)}}, 150, std::move(movers), factors, ar, {}};
}

double half_up(double v, int decimals) { return round_decimal(v, decimals, Rounding::half_up); }

}  // namespace

TEST_CASE("Target seeking: one exact step on w divides Δz by ∂z/∂w", "[target_seeking]") {
    const SeekRun run = seek_once(linear_plan({{"w", 1, {}}}, FactorMode::fixed, Arithmetic::exact()));
    REQUIRE(run.rounds.size() == 2);
    const Move& m = run.rounds[0].moves.at(0);
    // z = (2w + 3b)(2b + 1) = 162 at (3, 4); ∂z/∂w = 2(2b + 1) = 18.
    CHECK(run.rounds[0].delta.exact == Approx(12));
    CHECK(m.factors.at(0).exact == Approx(18));
    CHECK(m.delta.exact == Approx(12.0 / 18.0));
    CHECK(m.after.exact == Approx(3 - 12.0 / 18.0));
    // With w = 3 − 2/3, z = (2w + 12)·9 = 150 exactly.
    CHECK(run.rounds[1].output.exact == Approx(150));
    CHECK(run.end == SeekEnd::stepped);
}

TEST_CASE("Target seeking: a hand step rounds each Δ, division and update as produced", "[target_seeking]") {
    const SeekRun run = seek_once(linear_plan({{"w", 1, {}}}, FactorMode::fixed, Arithmetic::hand(4)));
    const Move& m = run.rounds[0].moves.at(0);
    CHECK(m.delta.hand == half_up(12.0 / 18.0, 4));
    CHECK(m.after.hand == half_up(3 - half_up(12.0 / 18.0, 4), 4));
    CHECK(m.after.exact == Approx(3 - 12.0 / 18.0));  // the exact track is not rounded
    const double x = 2 * m.after.hand + 3 * 4;
    CHECK(run.rounds[1].output.hand == half_up(x * 9, 4));
}

TEST_CASE("Target seeking: a share takes its part of Δ before the division", "[target_seeking]") {
    const SeekRun run = seek_once(linear_plan({{"w", 0.5, {}}, {"b", 0.5, {}}}, FactorMode::fixed, Arithmetic::hand(3)));
    const auto& moves = run.rounds[0].moves;
    REQUIRE(moves.size() == 2);
    CHECK(moves[0].share_of_delta.hand == 6);
    CHECK(moves[0].delta.hand == half_up(6.0 / 18.0, 3));
    // ∂z/∂b = 3y + 2x = 27 + 36 = 63 at (3, 4).
    CHECK(moves[1].factors.at(0).hand == 63);
    CHECK(moves[1].delta.hand == half_up(6.0 / 63.0, 3));
}

TEST_CASE("Target seeking: fixed factors stay the starting derivatives", "[target_seeking]") {
    const SeekRun run = seek_until(linear_plan({{"b", 1, {}}}, FactorMode::fixed, Arithmetic::exact()), 1e-5, 50);
    for (const auto& round : run.rounds)
        if (!round.moves.empty()) CHECK(round.moves[0].factors.at(0).exact == 63);
}

TEST_CASE("Target seeking: recomputed factors are 2x + 3y at the current point", "[target_seeking]") {
    const SeekRun run = seek_until(linear_plan({{"b", 1, {}}}, FactorMode::recomputed, Arithmetic::exact()), 1e-5, 50);
    REQUIRE(run.rounds.size() > 2);
    const SeekRound& second = run.rounds[1];
    const double x = second.graph.value("x").exact, y = second.graph.value("y").exact;
    CHECK(second.moves.at(0).factors.at(0).exact == Approx(2 * x + 3 * y));
}

TEST_CASE("Target seeking: an exact run stops when |Δz| falls below the tolerance", "[target_seeking]") {
    const SeekRun run = seek_until(linear_plan({{"b", 1, {}}}, FactorMode::fixed, Arithmetic::exact()), 1e-5, 50);
    // The course program, step for step: b -= (z − 150)/63 until |z − 150| < 1e-5.
    double b = 4;
    int rows = 0;
    for (;;) {
        ++rows;
        const double z = (6 + 3 * b) * (2 * b + 1);
        if (std::fabs(z - 150) < 1e-5) break;
        b -= (z - 150) / 63;
    }
    CHECK(run.end == SeekEnd::converged);
    CHECK(static_cast<int>(run.rounds.size()) == rows);
    CHECK(run.rounds.back().graph.value("b").exact == Approx(b));
    CHECK(run.rounds.back().moves.empty());
}

TEST_CASE("Target seeking: the cap on rounds stops a run", "[target_seeking]") {
    const SeekRun run = seek_until(linear_plan({{"b", 1, {}}}, FactorMode::fixed, Arithmetic::exact()), 1e-5, 2);
    CHECK(run.end == SeekEnd::capped);
    CHECK(run.rounds.size() == 2);
    CHECK(run.rounds.back().moves.empty());
}

TEST_CASE("Target seeking: a hand step that rounds to zero stalls the run", "[target_seeking]") {
    // At 1 decimal, b = 3.8 gives z = (6 + 11.4)(8.6) = 149.64, Δz = −0.4 (rounded), Δb = −0.4/63 → 0.
    const SeekRun run = seek_until(linear_plan({{"b", 1, {}}}, FactorMode::fixed, Arithmetic::hand(1)), 1e-5, 50);
    CHECK(run.end == SeekEnd::stalled);
    CHECK(run.rounds.back().moves.at(0).delta.hand == 0);
}

TEST_CASE("Target seeking: a chain divides by each link's derivative in turn", "[target_seeking]") {
    // The nonlinear example: a = x², b = ln a, c = √b at x = 2, target 2.13.
    Graph g{{"x"}, {node("a", "x^2"), node("b", "ln(a)"), node("c", "sqrt(b)")}, "c"};
    SeekPlan plan{g, {{"x", Num::both(2)}}, 2.13, {{"x", 1, {"b", "a"}}}, FactorMode::recomputed, Arithmetic::exact(), {}};
    const SeekRun run = seek_once(plan);
    const double a = 4, b = std::log(a), c = std::sqrt(b);
    const double dc = c - 2.13, db = dc * 2 * std::sqrt(b), da = db * a, dx = da / (2 * 2);
    const Move& m = run.rounds[0].moves.at(0);
    CHECK(m.chain == std::vector<std::string>{"c", "b", "a", "x"});
    CHECK(m.delta.exact == Approx(dx));
    CHECK(m.after.exact == Approx(2 - dx));
}

TEST_CASE("Target seeking: a zero factor ends the run with a fault", "[target_seeking]") {
    Graph g{{"w", "b"}, {node("z", "w*b")}, "z"};
    SeekPlan plan{g, {{"w", Num::both(3)}, {"b", Num::both(0)}}, 1, {{"w", 1, {}}}, FactorMode::fixed, Arithmetic::exact(), {}};
    const SeekRun run = seek_once(plan);
    CHECK(run.end == SeekEnd::fault);
    CHECK(run.fault_variable == "w");
    CHECK(run.fault_link == "z");
}

TEST_CASE("Target seeking: an unknown name in a node is reported at its column", "[target_seeking]") {
    Graph g{{"w"}, {node("x", "2*w"), node("z", "x + 3*q")}, "z"};
    try {
        build_graph(g, {{"w", Num::both(1)}}, Arithmetic::exact());
        FAIL("expected a GraphError");
    } catch (const GraphError& e) {
        CHECK(e.node() == 1);
        CHECK(e.column() == 7);
    }
}

TEST_CASE("Target seeking: a plan naming a node as the variable to move is refused", "[target_seeking]") {
    SeekPlan plan = linear_plan({{"x", 1, {}}}, FactorMode::fixed, Arithmetic::exact());
    CHECK(plan_problem(plan).has_value());
    CHECK_FALSE(plan_problem(linear_plan({{"b", 1, {}}}, FactorMode::fixed, Arithmetic::exact())).has_value());
}

TEST_CASE("Target seeking: a chain keeps the Δ of every node on it", "[target_seeking]") {
    Graph g{{"x"}, {node("a", "x^2"), node("b", "ln(a)"), node("c", "sqrt(b)")}, "c"};
    SeekPlan plan{g, {{"x", Num::both(2)}}, 2.13, {{"x", 1, {"b", "a"}}}, FactorMode::recomputed, Arithmetic::exact(), {}};
    const SeekRun run = seek_once(plan);
    const Move& m = run.rounds[0].moves.at(0);
    // Δb = Δc·2√b, Δa = Δb·a, Δx = Δa/(2x): the source's ratios, written out.
    const double b = std::log(4.0), dc = std::sqrt(b) - 2.13, db = dc * 2 * std::sqrt(b), da = db * 4;
    REQUIRE(m.link_deltas.size() == 3);
    CHECK(m.link_deltas[0].exact == Approx(db));
    CHECK(m.link_deltas[1].exact == Approx(da));
    CHECK(m.link_deltas[2].exact == Approx(da / 4));
}

TEST_CASE("Target seeking: a move below a floor puts the variable at its reset value", "[target_seeking]") {
    // From x = 2 towards c = 0.5 the first move overshoots to x ≈ 0.27, below the floor 1.
    Graph g{{"x"}, {node("a", "x^2"), node("b", "ln(a)"), node("c", "sqrt(b)")}, "c"};
    SeekPlan plan{g, {{"x", Num::both(2)}}, 0.5, {{"x", 1, {"b", "a"}}}, FactorMode::recomputed, Arithmetic::exact(),
                  {Reset{"x", 1, 1.1}}};
    const SeekRun run = seek_once(plan);
    const Move& m = run.rounds[0].moves.at(0);
    CHECK(m.reset);
    CHECK(m.after.exact == 1.1);
    CHECK(run.rounds[1].graph.value("x").exact == 1.1);
}

TEST_CASE("Target seeking: a floor on a variable that does not move is refused", "[target_seeking]") {
    SeekPlan plan = linear_plan({{"w", 1, {}}}, FactorMode::fixed, Arithmetic::exact());
    plan.resets = {Reset{"b", 1, 2}};
    CHECK(plan_problem(plan).has_value());
}
