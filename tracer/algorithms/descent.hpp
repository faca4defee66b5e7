// Gradient descent: from a starting point, step against the gradient of J,
//     θ ← θ − η·∇J(θ)            (the gradient step), or
//     θ ← θ − η·sign(∇J(θ))      (a unit step in the downhill direction, whatever the slope),
// until J falls below a threshold, the cap on points is reached, or the values run away.
// Every gradient is the engine's backward pass over the graph of J; in a hand calculation each
// product and each update is rounded as produced, and the exact track follows beside it.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "algorithms/target_seeking.hpp"  // Graph, build_graph

namespace nntrace {

enum class StepRule {
    gradient,   // θ ← θ − η·g
    unit_sign,  // θ ← θ − η·sign(g): a fixed-length step downhill
};

struct DescentPlan {
    Graph graph;                        // the variables, and J as graph.output
    std::map<std::string, Num> start;   // the starting point
    double rate = 0.1;                  // η
    StepRule step = StepRule::gradient;
    std::optional<double> stop_below;   // stop at the first point where J < this
    // Stop at the first point where every |∂J/∂θ| is below this: the bottom of a valley whose
    // lowest J is not known in advance (x² + 3x bottoms out at −2.25, not 0).
    std::optional<double> stop_gradient_below;
    // The variables that move, in this order; empty: every variable of the graph. The others
    // hold their start values (data such as a bean's size x, not weights).
    std::vector<std::string> vary;
    int max_points = 100;               // the start counts as the first point
    double runaway = 1e12;              // |J| or |θ| beyond this: the descent diverged
    Arithmetic arithmetic;
};

// One point visited, with what was computed there.
struct DescentPoint {
    int index = 0;                       // 0 for the start
    std::vector<Num> at;                 // the moving variables, in moving_variables order
    Num loss;                            // J at the point
    std::vector<Num> gradient;           // ∂J/∂θ at the point, same order
    std::vector<Num> step;               // η·g (or η·sign g) subtracted; empty at the last point
};

// plan.vary, or every variable of the graph when it is empty.
std::vector<std::string> moving_variables(const DescentPlan& plan);

enum class DescentEnd {
    stopped,   // J fell below stop_below, or the gradient below stop_gradient_below
    capped,    // max_points points were visited
    diverged,  // the values ran away (beyond `runaway`, or not finite)
};

struct DescentRun {
    std::vector<DescentPoint> points;
    DescentEnd end = DescentEnd::capped;
};

DescentRun descend(const DescentPlan& plan);

// How a one-variable descent behaves, read off its steps (for comparing learning rates).
enum class DescentBehaviour {
    diverges,               // the steps grow
    bounces,                // the steps alternate in sign and keep their size: two points forever
    oscillates_converging,  // the steps alternate in sign and shrink
    converges,              // the steps keep their sign and shrink to almost nothing
    too_slow,               // the steps keep their sign but are still large at the end
};

// Judges the run's first variable. `slow_fraction`: a run whose last step is still more than
// this fraction of its first step is too slow.
DescentBehaviour classify_descent(const DescentRun& run, double slow_fraction = 0.05);

}  // namespace nntrace
