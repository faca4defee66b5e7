#include "algorithms/guessing.hpp"

#include <cmath>
#include <stdexcept>

#include "core/builder.hpp"
#include "core/tape.hpp"

namespace nntrace {
namespace {

// Whole numbers stay exact in a double (as the record holds them) up to 2^53; a range well
// inside that leaves room for low + high.
constexpr long long widest_end = 1'000'000'000'000LL;



// The round at input x: the box's output and its difference from the target.
BoxRound forward(const BoxPlan& plan, const Num& x) {
    BoxRound r;
    r.x = x;
    r.y = box_output(plan, x);
    r.difference = subtract(r.y, Num::both(plan.target), plan.arithmetic);
    return r;
}

// Moves the input of `r` against its difference; says how the run ends there, if it does.
std::optional<BoxEnd> move(const BoxPlan& plan, BoxRound& r) {
    r.step = multiply(plan.rate, r.difference, plan.arithmetic);
    r.next = subtract(r.x, *r.step, plan.arithmetic);
    if (!is_finite(*r.next) || std::fabs(r.next->hand) > plan.runaway || std::fabs(r.next->exact) > plan.runaway)
        return BoxEnd::diverged;
    // Nothing changed: every further round would be this one again.
    if (r.next->hand == r.x.hand) return BoxEnd::stalled;
    return std::nullopt;
}

Divergence classify(const std::vector<BoxRound>& rounds) {
    if (rounds.size() < 2) return Divergence::unclear;
    const double before = rounds[rounds.size() - 2].difference.hand, last = rounds.back().difference.hand;
    if (std::fabs(last) <= std::fabs(before)) return Divergence::unclear;
    return (last < 0) != (before < 0) ? Divergence::overshooting : Divergence::wrong_way;
}

}  // namespace

// ---- (a) Guess a number -------------------------------------------------------------------

std::optional<std::string> number_game_problem(const NumberGame& game) {
    if (game.low < -widest_end || game.high > widest_end)
        return "the range must lie within ±" + std::to_string(widest_end);
    if (game.low > game.high) return "the range is empty: its low end is above its high end";
    if (game.hidden < game.low || game.hidden > game.high) return "the hidden number is outside the range";
    if (game.first_guess < game.low || game.first_guess > game.high) return "the first guess is outside the range";
    return std::nullopt;
}

Verdict judge(long long guess, long long hidden) {
    if (guess > hidden) return Verdict::too_big;
    if (guess < hidden) return Verdict::too_small;
    return Verdict::right;
}

long long middle_of(long long low, long long high) {
    return low + (high - low) / 2;  // high − low ≥ 0, so the division rounds down
}

std::vector<GuessRound> play_number_game(const NumberGame& game) {
    if (auto problem = number_game_problem(game)) throw std::invalid_argument(*problem);
    std::vector<GuessRound> rounds;
    long long low = game.low, high = game.high, guess = game.first_guess;
    for (;;) {
        const Verdict v = judge(guess, game.hidden);
        rounds.push_back({low, high, guess, v});
        if (v == Verdict::right) return rounds;
        // The answer rules out the guess and everything on its wrong side.
        if (v == Verdict::too_small) low = guess + 1;
        else high = guess - 1;
        guess = middle_of(low, high);
    }
}

// ---- (b) The black box --------------------------------------------------------------------

Num box_output(const BoxPlan& plan, const Num& x) {
    Tape tape(plan.arithmetic);
    Scope scope;
    scope.names[plan.input] = tape.input(plan.input, x);
    const NodeId y = build(tape, plan.rule, plan.source, scope);
    return tape[y].value;
}

void check_box_rule(const BoxPlan& plan) {
    const auto names = names_in(plan.rule);
    for (const auto& n : names)
        if (n != plan.input)
            throw ExpressionError(find_name(plan.rule, n)->begin,
                                  "the box can read only its input '" + plan.input + "', not '" + n + "'");
    if (names.empty())
        throw ExpressionError(1, "the box never reads its input '" + plan.input +
                                     "', so no input could change its output");
    // Unknown functions and wrong argument counts: building once finds them. A value that is
    // not a number at the first input is the run's business, not the rule's.
    try {
        box_output(plan, plan.first_input);
    } catch (const NumericFault&) {
    }
}

BoxRun play_black_box(const BoxPlan& plan) {
    BoxRun run;
    Num x = plan.first_input;
    for (int k = 1;; ++k) {
        try {
            run.rounds.push_back(forward(plan, x));
        } catch (const NumericFault&) {
            run.end = BoxEnd::fault;  // the rounds so far are all there is
            run.fault_input = x;
            return run;
        }
        BoxRound& r = run.rounds.back();
        if (std::fabs(r.difference.hand) < plan.tolerance) {
            run.end = BoxEnd::converged;
            return run;
        }
        if (k >= plan.max_rounds) {
            run.end = BoxEnd::capped;
            return run;
        }
        if (auto end = move(plan, r)) {
            run.end = *end;
            if (run.end == BoxEnd::diverged) run.divergence = classify(run.rounds);
            return run;
        }
        x = *r.next;
    }
}

}  // namespace nntrace
