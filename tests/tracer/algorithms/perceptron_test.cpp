// The perceptron rule against loops written out here, independently of the engine.
#include <catch2/catch.hpp>

#include <stdexcept>

#include "algorithms/perceptron.hpp"

using namespace nntrace;

namespace {

// The lecture's three points: x1 = (2, 3) positive; x2 = (2, 1), x3 = (1, 0) negative.
PerceptronPlan three_points(VisitOrder order) {
    PerceptronPlan plan;
    plan.points = {{"x1", {2, 3}, 1}, {"x2", {2, 1}, -1}, {"x3", {1, 0}, -1}};
    plan.w = {Num::both(0), Num::both(0)};
    plan.b = Num::both(0);
    plan.order = order;
    return plan;
}

PerceptronPlan xor_points(VisitOrder order) {
    PerceptronPlan plan;
    plan.points = {{"00", {0, 0}, -1}, {"01", {0, 1}, 1}, {"10", {1, 0}, 1}, {"11", {1, 1}, -1}};
    plan.w = {Num::both(0), Num::both(0)};
    plan.b = Num::both(0);
    plan.order = order;
    return plan;
}

struct Plain {
    int checks = 0, updates = 0;
    double w1 = 0, w2 = 0, b = 0;
};

// The textbook loop in plain doubles. restart: back to point 0 after each update.
Plain plain_loop(const PerceptronPlan& plan, bool restart) {
    Plain r;
    const int n = static_cast<int>(plan.points.size());
    int i = 0, clean = 0;
    while (clean < n && r.checks < plan.max_checks) {
        const auto& p = plan.points[static_cast<std::size_t>(i)];
        ++r.checks;
        if (p.y * (r.w1 * p.x[0] + r.w2 * p.x[1] + r.b) <= 0) {
            r.w1 += plan.rate * p.y * p.x[0];
            r.w2 += plan.rate * p.y * p.x[1];
            r.b += plan.rate * p.y;
            ++r.updates;
            clean = 0;
            i = restart ? 0 : (i + 1) % n;
        } else {
            ++clean;
            i = (i + 1) % n;
        }
    }
    return r;
}

}  // namespace

TEST_CASE("Perceptron: a misclassified point moves w by η·y·x and b by η·y", "[perceptron]") {
    PerceptronPlan plan = three_points(VisitOrder::listed);
    plan.listed = {1};  // x2 = (2, 1), y = −1, at w = 0, b = 0: margin 0, so misclassified
    plan.rate = 0.5;
    const PerceptronRun run = train_perceptron(plan);
    REQUIRE(run.checks.size() == 1);
    const PerceptronCheck& c = run.checks[0];
    CHECK(c.score.hand == 0);
    CHECK(c.margin.hand == 0);
    CHECK(c.update == 1);
    CHECK(c.w[0].hand == -1);
    CHECK(c.w[1].hand == -0.5);
    CHECK(c.b.hand == -0.5);
}

TEST_CASE("Perceptron: a correctly classified point changes nothing", "[perceptron]") {
    PerceptronPlan plan = three_points(VisitOrder::listed);
    plan.w = {Num::both(-3), Num::both(3)};
    plan.b = Num::both(-2);
    plan.listed = {0, 1, 2};
    const PerceptronRun run = train_perceptron(plan);
    CHECK(run.updates == 0);
    CHECK(run.checks[0].score.hand == 1);    // −6 + 9 − 2
    CHECK(run.checks[1].margin.hand == 5);   // −(−6 + 3 − 2)
    CHECK(run.checks[2].margin.hand == 5);   // −(−3 + 0 − 2)
    CHECK(run.w[0].hand == -3);
    CHECK(run.separates);
}

TEST_CASE("Perceptron: a listed order is followed exactly, re-checks included", "[perceptron]") {
    PerceptronPlan plan = three_points(VisitOrder::listed);
    plan.listed = {0, 1, 1, 1, 2, 0, 0, 2, 0, 1, 1, 1, 2};
    const PerceptronRun run = train_perceptron(plan);
    CHECK(run.end == PerceptronEnd::list_done);
    CHECK(run.checks.size() == plan.listed.size());
    CHECK(run.updates == 6);
    CHECK(run.w[0].hand == -3);
    CHECK(run.w[1].hand == 3);
    CHECK(run.b.hand == -2);
}

TEST_CASE("Perceptron: cyclic sweeps end after a whole sweep without an update", "[perceptron]") {
    const PerceptronPlan plan = three_points(VisitOrder::cyclic);
    const PerceptronRun run = train_perceptron(plan);
    const Plain expected = plain_loop(plan, false);
    CHECK(run.end == PerceptronEnd::clean_sweep);
    CHECK(static_cast<int>(run.checks.size()) == expected.checks);
    CHECK(run.updates == expected.updates);
    CHECK(run.w[0].hand == expected.w1);
    CHECK(run.w[1].hand == expected.w2);
    CHECK(run.b.hand == expected.b);
    CHECK(run.separates);
}

TEST_CASE("Perceptron: restart goes back to the first point after every update", "[perceptron]") {
    const PerceptronPlan plan = three_points(VisitOrder::restart);
    const PerceptronRun run = train_perceptron(plan);
    const Plain expected = plain_loop(plan, true);
    CHECK(run.end == PerceptronEnd::clean_sweep);
    CHECK(static_cast<int>(run.checks.size()) == expected.checks);
    CHECK(run.w[0].hand == expected.w1);
    CHECK(run.w[1].hand == expected.w2);
    CHECK(run.b.hand == expected.b);
    for (std::size_t i = 1; i < run.checks.size(); ++i)
        if (run.checks[i - 1].update) CHECK(run.checks[i].point == 0);
}

TEST_CASE("Perceptron: on XOR the run comes back to an earlier state and stops as a cycle", "[perceptron]") {
    for (VisitOrder order : {VisitOrder::cyclic, VisitOrder::restart}) {
        const PerceptronRun run = train_perceptron(xor_points(order));
        REQUIRE(run.end == PerceptronEnd::cycle);
        REQUIRE(run.cycle);
        const PerceptronCheck& first = run.checks[static_cast<std::size_t>(run.cycle->first_check - 1)];
        const PerceptronCheck& again = run.checks.back();
        CHECK(again.number == run.cycle->repeat_check);
        CHECK(first.w[0].hand == again.w[0].hand);
        CHECK(first.w[1].hand == again.w[1].hand);
        CHECK(first.b.hand == again.b.hand);
        CHECK(run.cycle->checks == run.cycle->repeat_check - run.cycle->first_check);
        CHECK(run.cycle->updates > 0);
        CHECK_FALSE(run.separates);
    }
}

TEST_CASE("Perceptron: cyclic XOR from zero loops through four updates", "[perceptron]") {
    // By hand: (0,0) → b = −1; (0,1) → w2 = 1, b = 0; (1,0) → w1 = 1, b = 1; (1,1) → all 0;
    // (0,0) → b = −1 again, with (0,1) next: the state after check 1.
    const PerceptronRun run = train_perceptron(xor_points(VisitOrder::cyclic));
    CHECK(run.checks.size() == 5);
    CHECK(run.cycle->first_check == 1);
    CHECK(run.cycle->repeat_check == 5);
    CHECK(run.cycle->updates == 4);
}

TEST_CASE("Perceptron: the cap on checks stops a run", "[perceptron]") {
    PerceptronPlan plan = three_points(VisitOrder::cyclic);
    plan.max_checks = 2;
    const PerceptronRun run = train_perceptron(plan);
    CHECK(run.end == PerceptronEnd::capped);
    CHECK(run.checks.size() == 2);
    CHECK_FALSE(run.separates);  // w = (0, 2), b = 0 leaves x3 on the line
}

TEST_CASE("Perceptron: the final model is applied to every point", "[perceptron]") {
    const PerceptronPlan plan = three_points(VisitOrder::cyclic);
    const PerceptronRun run = train_perceptron(plan);
    REQUIRE(run.final_scores.size() == 3);
    for (std::size_t i = 0; i < 3; ++i) {
        const auto& x = plan.points[i].x;
        CHECK(run.final_scores[i].hand == run.w[0].hand * x[0] + run.w[1].hand * x[1] + run.b.hand);
    }
    CHECK(run.final_signs == std::vector<int>{1, -1, -1});
}

TEST_CASE("Perceptron: a hand calculation rounds every product and sum", "[perceptron]") {
    PerceptronPlan plan = three_points(VisitOrder::listed);
    plan.listed = {0};
    plan.rate = 0.333;
    plan.arithmetic = Arithmetic::hand(2);
    const PerceptronRun run = train_perceptron(plan);
    // η·y = 0.333 → 0.33; w1 = 0 + 0.33·2 = 0.66; exactly 0.666.
    CHECK(run.w[0].hand == 0.66);
    CHECK(run.w[0].exact == Approx(0.666));
    CHECK(run.b.hand == 0.33);
}

TEST_CASE("Perceptron: a plan with a problem is refused", "[perceptron]") {
    PerceptronPlan plan = three_points(VisitOrder::cyclic);
    plan.points[1].y = 0;
    CHECK(perceptron_plan_problem(plan));
    CHECK_THROWS_AS(train_perceptron(plan), std::invalid_argument);
    plan = three_points(VisitOrder::listed);
    plan.listed = {3};
    CHECK(perceptron_plan_problem(plan));
    plan = three_points(VisitOrder::cyclic);
    plan.w.pop_back();
    CHECK(perceptron_plan_problem(plan));
}
