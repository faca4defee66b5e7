#include <catch2/catch.hpp>

#include <cmath>

#include "algorithms/descent.hpp"

using namespace nntrace;

namespace {

DescentPlan one_variable(const std::string& j, double x0, double rate) {
    DescentPlan p;
    p.graph.variables = {"x"};
    p.graph.nodes.push_back({"J", j, parse_expression(j)});
    p.graph.output = "J";
    p.start["x"] = Num::both(x0);
    p.rate = rate;
    return p;
}

}  // namespace

TEST_CASE("Descent: J = x^2 from 1.2 at rate 0.3 visits the published points", "[descent]") {
    // Published (ai-edu §2.4): x = 0.48, 0.192, 0.0768, 0.03072 after the start.
    DescentPlan plan = one_variable("x^2", 1.2, 0.3);
    plan.max_points = 5;
    const DescentRun run = descend(plan);
    REQUIRE(run.points.size() == 5);
    const double published[] = {0.48, 0.192, 0.0768, 0.03072};
    for (int k = 0; k < 4; ++k) CHECK(run.points[k + 1].at[0].exact == Approx(published[k]));
}

TEST_CASE("Descent: the stop rule ends at the first point below the threshold", "[descent]") {
    // x_k = 1.2·0.4^k; J = x² < 0.01 first at k = 3 (J = 0.005898).
    DescentPlan plan = one_variable("x^2", 1.2, 0.3);
    plan.stop_below = 0.01;
    const DescentRun run = descend(plan);
    CHECK(run.end == DescentEnd::stopped);
    REQUIRE(run.points.size() == 4);
    CHECK(run.points.back().loss.exact == Approx(std::pow(1.2 * std::pow(0.4, 3), 2)));
}

TEST_CASE("Descent: each gradient is 2x for J = x^2", "[descent]") {
    DescentPlan plan = one_variable("x^2", 1.2, 0.3);
    plan.max_points = 4;
    for (const DescentPoint& p : descend(plan).points) CHECK(p.gradient[0].exact == Approx(2 * p.at[0].exact));
}

TEST_CASE("Descent: unit steps from 1 with step 0.5 reach 0 in two steps", "[descent]") {
    DescentPlan plan = one_variable("x^2", 1.0, 0.5);
    plan.step = StepRule::unit_sign;
    plan.max_points = 3;
    const DescentRun run = descend(plan);
    REQUIRE(run.points.size() == 3);
    CHECK(run.points[1].at[0].exact == 0.5);
    CHECK(run.points[2].at[0].exact == 0.0);
}

TEST_CASE("Descent: unit steps from 0.4 with step 0.5 oscillate for ever", "[descent]") {
    DescentPlan plan = one_variable("x^2", 0.4, 0.5);
    plan.step = StepRule::unit_sign;
    plan.max_points = 6;
    const DescentRun run = descend(plan);
    // 0.4 → −0.1 → 0.4 → −0.1 …
    for (std::size_t k = 0; k < run.points.size(); ++k)
        CHECK(run.points[k].at[0].exact == Approx(k % 2 == 0 ? 0.4 : -0.1));
}

TEST_CASE("Descent: a rate that makes the values run away ends as diverged", "[descent]") {
    DescentPlan plan = one_variable("x^2", 1.0, 1.5);  // x ← −2x
    plan.max_points = 100;
    plan.runaway = 1e6;
    const DescentRun run = descend(plan);
    CHECK(run.end == DescentEnd::diverged);
    CHECK(classify_descent(run) == DescentBehaviour::diverges);
}

TEST_CASE("Descent: two variables step together", "[descent]") {
    // J = x² + y² from (−5, −5) with η = 0.5 lands on (0, 0) in one step.
    DescentPlan plan;
    plan.graph.variables = {"x", "y"};
    plan.graph.nodes.push_back({"J", "x^2 + y^2", parse_expression("x^2 + y^2")});
    plan.graph.output = "J";
    plan.start = {{"x", Num::both(-5)}, {"y", Num::both(-5)}};
    plan.rate = 0.5;
    plan.max_points = 2;
    const DescentRun run = descend(plan);
    REQUIRE(run.points.size() == 2);
    CHECK(run.points[1].at[0].exact == 0.0);
    CHECK(run.points[1].at[1].exact == 0.0);
}

TEST_CASE("Descent: learning rates on (x-1)^2 + 0.1 from -0.8 behave as the course shows", "[descent]") {
    // x − 1 is multiplied by (1 − 2η) each step.
    auto behaviour = [](double rate) {
        DescentPlan plan = one_variable("(x - 1)^2 + 0.1", -0.8, rate);
        plan.max_points = 10;
        return classify_descent(descend(plan));
    };
    CHECK(behaviour(1.1) == DescentBehaviour::diverges);
    CHECK(behaviour(1.0) == DescentBehaviour::bounces);
    CHECK(behaviour(0.8) == DescentBehaviour::oscillates_converging);
    CHECK(behaviour(0.6) == DescentBehaviour::oscillates_converging);
    CHECK(behaviour(0.4) == DescentBehaviour::converges);
    CHECK(behaviour(0.2) == DescentBehaviour::converges);
    CHECK(behaviour(0.1) == DescentBehaviour::too_slow);
}

TEST_CASE("Descent: a hand calculation rounds every update", "[descent]") {
    DescentPlan plan = one_variable("x^2", 1.2, 0.3);
    plan.arithmetic = Arithmetic::hand(2);
    plan.max_points = 4;
    const DescentRun run = descend(plan);
    // 1.2 → 0.48 → 0.19 (0.192) → 0.08 (0.19 − 0.3·0.38 = 0.076)
    CHECK(run.points[2].at[0].hand == 0.19);
    CHECK(run.points[3].at[0].hand == 0.08);
    CHECK(run.points[3].at[0].exact == Approx(0.0768));
}

TEST_CASE("Descent: the gradient stop rule ends at the bottom of x^2 + 3x", "[descent]") {
    // x ← x − 0.5·(2x + 3) lands on −1.5 from anywhere; there the slope is 0.
    DescentPlan plan = one_variable("x^2 + 3*x", 0, 0.5);
    plan.stop_gradient_below = 1e-9;
    const DescentRun run = descend(plan);
    CHECK(run.end == DescentEnd::stopped);
    REQUIRE(run.points.size() == 2);
    CHECK(run.points[1].at[0].exact == -1.5);
    CHECK(run.points[1].gradient[0].exact == 0);
}

TEST_CASE("Descent: variables outside `vary` hold their start values", "[descent]") {
    // e(w) = (y − w·x)² with the bean's x = 0.4 and y = 0.68 as data: only w moves.
    DescentPlan p;
    p.graph.variables = {"w", "x", "y"};
    p.graph.nodes.push_back({"e", "(y - w*x)^2", parse_expression("(y - w*x)^2")});
    p.graph.output = "e";
    p.start = {{"w", Num::both(0)}, {"x", Num::both(0.4)}, {"y", Num::both(0.68)}};
    p.rate = 1;
    p.vary = {"w"};
    p.max_points = 2;
    const DescentRun run = descend(p);
    REQUIRE(run.points.size() == 2);
    REQUIRE(run.points[0].at.size() == 1);
    // de/dw = −2x(y − wx) = −0.544 at w = 0, so w becomes 0.544.
    CHECK(run.points[0].gradient[0].exact == Approx(-0.544));
    CHECK(run.points[1].at[0].exact == Approx(0.544));
}
