// The perceptron learning rule (the primal form):
//     f(x) = sign(wᵀx + b);
//     a point (x, y), y = ±1, is misclassified when y·(wᵀx + b) ≤ 0, and then
//     w ← w + η·y·x,   b ← b + η·y.
// The points are visited in a given order: an explicit list (a lecture's own order), cyclic
// sweeps until a whole sweep makes no update, or a fresh start from the first point after every
// update. A run that comes back to the same (w, b) at the same place in the order would repeat
// itself forever: by the perceptron convergence theorem that only happens when no line (no
// hyperplane) separates the points, so the run stops there and says so.
// Every number is a Num: in a hand calculation each product and sum is rounded as produced, and
// the exact track follows the same path without rounding.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/arithmetic.hpp"

namespace nntrace {

struct LabelledPoint {
    std::string name;       // "x1", as the source names it
    std::vector<double> x;  // its coordinates, as given (data are never rounded)
    int y = 1;              // its class: +1 or −1
};

enum class VisitOrder {
    listed,   // exactly the indices in PerceptronPlan::listed, then stop
    cyclic,   // 0, 1, …, n−1, 0, 1, … until n checks in a row make no update
    restart,  // back to point 0 after every update, until a pass over all n makes none
};

struct PerceptronPlan {
    std::vector<LabelledPoint> points;
    std::vector<Num> w;  // starting weights, one per coordinate
    Num b;               // starting bias
    double rate = 1;     // η
    VisitOrder order = VisitOrder::cyclic;
    std::vector<std::size_t> listed;  // 0-based point indices, for VisitOrder::listed
    int max_checks = 100;             // the run stops after this many checks
    Arithmetic arithmetic;
};

// One check of one point: the score, the margin, and the update it caused, if any.
struct PerceptronCheck {
    int number = 0;          // 1-based
    std::size_t point = 0;   // index into plan.points
    std::vector<Num> w_before;
    Num b_before;
    Num score;               // wᵀx + b
    Num margin;              // y·(wᵀx + b); ≤ 0 means misclassified
    int update = 0;          // 1-based number of the update this check made; 0 when correct
    Num rate_times_y;        // η·y, when updated
    std::vector<Num> step;   // η·y·xᵢ, when updated
    std::vector<Num> w;      // after the check (unchanged when correct)
    Num b;
};

enum class PerceptronEnd {
    list_done,    // the listed order was followed to its end
    clean_sweep,  // every point was checked in a row without an update: all are correct
    cycle,        // the run came back to a state it had been in: it would loop forever
    capped,       // max_checks checks were made
};

// Where a run starts repeating itself: after check `repeat_check` the state (w, b, the next
// point to visit) is what it was after check `first_check`.
struct PerceptronCycle {
    int first_check = 0;
    int repeat_check = 0;
    int checks = 0;   // repeat_check − first_check: the length of the loop
    int updates = 0;  // updates made in one turn of the loop
};

struct PerceptronRun {
    std::vector<PerceptronCheck> checks;
    PerceptronEnd end = PerceptronEnd::capped;
    std::optional<PerceptronCycle> cycle;
    int updates = 0;
    std::vector<Num> w;  // the final weights and bias
    Num b;
    // The final model applied to every point, in plan.points order.
    std::vector<Num> final_scores;   // wᵀx + b
    std::vector<Num> final_margins;  // y·(wᵀx + b)
    std::vector<int> final_signs;    // sign(wᵀx + b): −1, 0 or +1 (hand values)
    bool separates = false;          // every final margin is above 0
};

// What is wrong with a plan, or nullopt: no points, coordinates that do not match w, a label
// other than ±1, a listed index out of range, a cap below 1.
std::optional<std::string> perceptron_plan_problem(const PerceptronPlan& plan);

// wᵀx + b for one point, rounded as a hand calculation would: each product, then each sum.
Num perceptron_score(const std::vector<Num>& w, const Num& b, const std::vector<double>& x,
                     const Arithmetic& arithmetic);

// Runs the rule. Throws std::invalid_argument for a plan with a problem.
PerceptronRun train_perceptron(const PerceptronPlan& plan);

}  // namespace nntrace
