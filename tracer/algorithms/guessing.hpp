// The guessing game as training, in its two forms (000 §2.1):
//
//  (a) Guess a number. B thinks of a whole number in a range; A guesses, and B only ever says
//      "too big", "too small" or "right". A keeps the part of the range the answer allows and
//      guesses its middle (bisection), so every answer halves what is left.
//  (b) The black box. A box turns an input x into an output y by a rule the learner never sees;
//      it wants the output `target`. The learner is told the signed difference d = y − target
//      and moves the input against it:  x ← x − η·d.
//
// Both are training in miniature: a first guess (initialisation), a computation (forward), a
// comparison with the goal (loss), the comparison told back (backward propagation) and an
// adjustment of the guess (gradient descent). The box is an expression put on the engine's
// tape; its values are Nums whose hand track is rounded as produced.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/arithmetic.hpp"
#include "core/expression.hpp"

namespace nntrace {

// ---- (a) Guess a number -------------------------------------------------------------------

enum class Verdict { too_big, too_small, right };

struct NumberGame {
    long long low = 1, high = 100;  // the range B chooses from, both ends included
    long long hidden = 1;           // B's number, in the range
    long long first_guess = 5;      // A's opening guess, in the range
};

struct GuessRound {
    long long low = 0, high = 0;  // what A still considers possible when guessing
    long long guess = 0;
    Verdict verdict = Verdict::right;
};

// What is wrong with a game that cannot be played (an empty range, a number or first guess
// outside it, a range too wide to count exactly), or nullopt.
std::optional<std::string> number_game_problem(const NumberGame& game);

// B's answer to a guess.
Verdict judge(long long guess, long long hidden);

// A's guess from what is still possible: the middle, rounded down.
long long middle_of(long long low, long long high);

// Every round until A is right; the first guess is the game's, each later one the middle of
// what the answers left. Throws std::invalid_argument for a game number_game_problem rejects.
std::vector<GuessRound> play_number_game(const NumberGame& game);

// ---- (b) The black box --------------------------------------------------------------------

struct BoxPlan {
    std::string input = "x";  // the name the box's rule reads
    std::string source;       // the rule as written: "2*x + 1"
    Expr rule;                // parse_expression(source)
    double target = 4;
    Num first_input = Num::both(1);
    double rate = 0.25;       // η
    double tolerance = 1e-3;  // stop when |d| < tolerance
    int max_rounds = 30;      // the first round counts
    double runaway = 1e6;     // |x| beyond this: the run diverged
    Arithmetic arithmetic;
};

struct BoxRound {
    Num x;                    // the input tried
    Num y;                    // the box's output
    Num difference;           // d = y − target
    std::optional<Num> step;  // η·d, when the round moved the input
    std::optional<Num> next;  // x − η·d
};

enum class BoxEnd {
    converged,  // |d| fell below the tolerance
    capped,     // max_rounds rounds were played
    stalled,    // at this precision η·d rounded away: x stopped changing
    diverged,   // the next input is beyond ±runaway, or not a finite number
    fault,      // the box gave no finite number for an input (`fault_input`)
};

// How a diverged run went wrong, read off its last two differences.
enum class Divergence {
    overshooting,  // d changed sign and grew: each step jumps further past the target (η too large)
    wrong_way,     // d kept its sign and grew: the output falls where x rises, so moving x
                   // against d takes the output away from the target, whatever the rate
    unclear,       // a single round, or a difference that did not grow: one step went too far
};

struct BoxRun {
    std::vector<BoxRound> rounds;
    BoxEnd end = BoxEnd::capped;
    std::optional<Num> fault_input;              // for `fault`: the input the box could not take
    Divergence divergence = Divergence::unclear;  // for `diverged`
};

// The box's output at one input, computed on a tape in the plan's arithmetic. Throws
// ExpressionError for a name other than the input or an unknown function, NumericFault for a
// value that is not a finite number.
Num box_output(const BoxPlan& plan, const Num& x);

// Throws ExpressionError (a column of the rule) for a rule that cannot be built, or that does
// not read its input at all: then no input could change the output.
void check_box_rule(const BoxPlan& plan);

// Rounds from the first input until one of the BoxEnd conditions; the last round makes a move
// only when the run diverged or stalled on it.
BoxRun play_black_box(const BoxPlan& plan);

}  // namespace nntrace
