// The guessing games (000 §2.1): bisection on a hidden number, and the black box against a
// loop written out independently here.
#include <catch2/catch.hpp>

#include <cmath>

#include "algorithms/guessing.hpp"

using namespace nntrace;

namespace {

int ceil_log2(long long n) {
    int k = 0;
    while ((1LL << k) < n) ++k;
    return k;
}

BoxPlan box(const std::string& rule, double rate) {
    BoxPlan plan;
    plan.source = rule;
    plan.rule = parse_expression(rule);
    plan.target = 4;
    plan.first_input = Num::both(1);
    plan.rate = rate;
    plan.tolerance = 0.01;
    plan.max_rounds = 50;
    plan.runaway = 1000;
    return plan;
}

struct Independent {
    std::vector<double> x, y;
    bool converged = false;
};

// x ← x − η·(f(x) − t) until |f(x) − t| < tol or `cap` rounds, in plain doubles.
template <typename F>
Independent independent_box(F f, double x, double t, double eta, double tol, int cap) {
    Independent out;
    for (int k = 1;; ++k) {
        out.x.push_back(x);
        out.y.push_back(f(x));
        const double d = out.y.back() - t;
        if (std::fabs(d) < tol) return out.converged = true, out;
        if (k >= cap) return out;
        x -= eta * d;
    }
}

}  // namespace

TEST_CASE("Guessing: B answers too big, too small or right", "[guessing][number]") {
    CHECK(judge(8, 7) == Verdict::too_big);
    CHECK(judge(5, 7) == Verdict::too_small);
    CHECK(judge(7, 7) == Verdict::right);
}

TEST_CASE("Guessing: the middle of a range is rounded down", "[guessing][number]") {
    CHECK(middle_of(6, 10) == 8);
    CHECK(middle_of(6, 7) == 6);
    CHECK(middle_of(-3, 0) == -2);  // ⌊−1.5⌋
    CHECK(middle_of(4, 4) == 4);
}

TEST_CASE("Guessing: the first guess is the game's, and later guesses halve what is left", "[guessing][number]") {
    const auto rounds = play_number_game({1, 10, 7, 5});
    REQUIRE(rounds.size() == 4);
    CHECK(rounds[0].guess == 5);
    CHECK(rounds[0].verdict == Verdict::too_small);
    CHECK((rounds[1].low == 6 && rounds[1].high == 10 && rounds[1].guess == 8));
    CHECK(rounds[1].verdict == Verdict::too_big);
    CHECK((rounds[2].low == 6 && rounds[2].high == 7 && rounds[2].guess == 6));
    CHECK((rounds[3].low == 7 && rounds[3].high == 7 && rounds[3].guess == 7));
    CHECK(rounds[3].verdict == Verdict::right);
}

TEST_CASE("Guessing: bisection finds every hidden number within ceil(log2 n) + 1 rounds", "[guessing][number]") {
    struct Range { long long low, high, first; };
    for (const Range r : {Range{1, 10, 5}, Range{1, 100, 5}, Range{1, 100, 100}, Range{-20, 37, -20}, Range{3, 3, 3}}) {
        const int bound = ceil_log2(r.high - r.low + 1) + 1;
        for (long long hidden = r.low; hidden <= r.high; ++hidden) {
            INFO(r.low << ".." << r.high << " first " << r.first << " hidden " << hidden);
            const auto rounds = play_number_game({r.low, r.high, hidden, r.first});
            CHECK(static_cast<int>(rounds.size()) <= bound);
            CHECK(rounds.back().guess == hidden);
            CHECK(rounds.back().verdict == Verdict::right);
            // Every earlier answer is wrong, and every guess stays inside what is left.
            for (std::size_t k = 0; k + 1 < rounds.size(); ++k) CHECK(rounds[k].verdict != Verdict::right);
            for (const auto& g : rounds) CHECK((g.low <= g.guess && g.guess <= g.high));
        }
    }
}

TEST_CASE("Guessing: a game that cannot be played is refused", "[guessing][number]") {
    CHECK(number_game_problem({1, 10, 7, 5}) == std::nullopt);
    CHECK(number_game_problem({10, 1, 7, 5}).has_value());
    CHECK(number_game_problem({1, 10, 11, 5}).has_value());
    CHECK(number_game_problem({1, 10, 7, 0}).has_value());
    CHECK_THROWS_AS(play_number_game({1, 10, 11, 5}), std::invalid_argument);
}

TEST_CASE("Black box: the default box converges as an independent loop does", "[guessing][box]") {
    const BoxRun run = play_black_box(box("2*x + 1", 0.4));
    const auto expected = independent_box([](double x) { return 2 * x + 1; }, 1, 4, 0.4, 0.01, 50);
    REQUIRE(run.rounds.size() == expected.x.size());
    CHECK(run.end == BoxEnd::converged);
    for (std::size_t k = 0; k < run.rounds.size(); ++k) {
        CHECK(run.rounds[k].x.hand == Approx(expected.x[k]));
        CHECK(run.rounds[k].y.hand == Approx(expected.y[k]));
        CHECK(run.rounds[k].difference.hand == Approx(expected.y[k] - 4));
    }
    CHECK(run.rounds.front().difference.hand == -1);  // 2·1 + 1 − 4
    CHECK_FALSE(run.rounds.back().next.has_value());   // the last round makes no move
}

TEST_CASE("Black box: another rule follows its own independent loop", "[guessing][box]") {
    const BoxRun run = play_black_box(box("x^2", 0.1));
    const auto expected = independent_box([](double x) { return x * x; }, 1, 4, 0.1, 0.01, 50);
    REQUIRE(run.rounds.size() == expected.x.size());
    CHECK(run.end == (expected.converged ? BoxEnd::converged : BoxEnd::capped));
    CHECK(run.rounds.back().x.hand == Approx(expected.x.back()));
}

TEST_CASE("Black box: each move is x − η·d", "[guessing][box]") {
    const BoxRun run = play_black_box(box("3*x - 2", 0.1));
    for (const auto& r : run.rounds) {
        if (!r.next) continue;
        CHECK(r.step->hand == Approx(0.1 * r.difference.hand));
        CHECK(r.next->hand == Approx(r.x.hand - 0.1 * r.difference.hand));
    }
}

TEST_CASE("Black box: a rate too large diverges, and the run stops at that round", "[guessing][box]") {
    const BoxRun run = play_black_box(box("2*x + 1", 1.5));
    CHECK(run.end == BoxEnd::diverged);
    // Each step overshoots twice as far: the input after the k-th move is 1.5 − 0.5·(−2)^k,
    // which first passes 1000 at the 11th move (1025.5); no round is played beyond it.
    REQUIRE(run.rounds.size() == 11);
    CHECK(run.rounds.back().next->hand == 1025.5);
    CHECK(std::fabs(run.rounds.back().next->hand) > 1000);
    for (std::size_t k = 0; k + 1 < run.rounds.size(); ++k) CHECK(std::fabs(run.rounds[k].next->hand) <= 1000);
}

TEST_CASE("Black box: a diverged run says whether it overshot or went the wrong way", "[guessing][box]") {
    CHECK(play_black_box(box("2*x + 1", 1.5)).divergence == Divergence::overshooting);
    const BoxRun falling = play_black_box(box("7 - 2*x", 0.4));  // d = 1, 1.8, 3.24, …
    CHECK(falling.end == BoxEnd::diverged);
    CHECK(falling.divergence == Divergence::wrong_way);
    const BoxRun leap = play_black_box(box("2*x + 1", 5000));  // 1 → 5001 in one step
    CHECK(leap.end == BoxEnd::diverged);
    CHECK(leap.rounds.size() == 1);
    CHECK(leap.divergence == Divergence::unclear);
}

TEST_CASE("Black box: a rate that bounces forever runs into the cap", "[guessing][box]") {
    BoxPlan plan = box("2*x + 1", 1);
    plan.max_rounds = 7;
    const BoxRun run = play_black_box(plan);
    CHECK(run.end == BoxEnd::capped);
    CHECK(run.rounds.size() == 7);
    CHECK(run.rounds[1].x.hand == 2);  // 1 − 1·(−1)
    CHECK(run.rounds[2].x.hand == 1);  // 2 − 1·1
}

TEST_CASE("Black box: a value that is not a finite number stops the run at its input", "[guessing][box]") {
    BoxPlan plan = box("log(x)", 1);
    plan.first_input = Num::both(0);  // ln 0 is not a number
    const BoxRun run = play_black_box(plan);
    CHECK(run.end == BoxEnd::fault);
    CHECK(run.rounds.empty());
    REQUIRE(run.fault_input);
    CHECK(run.fault_input->hand == 0);
}

TEST_CASE("Black box: a hand calculation rounds every result, and stalls when a move rounds away", "[guessing][box]") {
    BoxPlan plan = box("2*x + 1", 0.4);
    plan.arithmetic = Arithmetic::hand(1);
    plan.tolerance = 1e-9;
    const BoxRun run = play_black_box(plan);
    // x: 1 → 1.4; then η·d = 0.4·(−0.2) = −0.08 is written −0.1, so x = 1.5 and y = 4 exactly.
    REQUIRE(run.rounds.size() == 3);
    CHECK(run.rounds[1].x.hand == 1.4);
    CHECK(run.rounds[2].x.hand == 1.5);
    CHECK(run.rounds[2].x.exact == Approx(1.48));
    CHECK(run.end == BoxEnd::converged);
    BoxPlan slow = box("2*x + 1", 0.01);
    slow.arithmetic = Arithmetic::hand(1);
    slow.tolerance = 1e-9;
    CHECK(play_black_box(slow).end == BoxEnd::stalled);  // 0.01·(−1) rounds to 0.0
}

TEST_CASE("Black box: the rule may read only its input, and must read it", "[guessing][box]") {
    CHECK_NOTHROW(check_box_rule(box("sigmoid(x) + x^2", 0.1)));
    try {
        check_box_rule(box("2*x + y", 0.1));
        FAIL("expected an ExpressionError");
    } catch (const ExpressionError& e) {
        CHECK(e.column() == 7);
    }
    CHECK_THROWS_AS(check_box_rule(box("4", 0.1)), ExpressionError);
    CHECK_THROWS_AS(check_box_rule(box("nosuch(x)", 0.1)), ExpressionError);
}
