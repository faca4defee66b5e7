#include "algorithms/descent.hpp"

#include <algorithm>
#include <cmath>

#include "core/backward.hpp"

namespace nntrace {
namespace {


double sign(double v) { return v > 0 ? 1.0 : (v < 0 ? -1.0 : 0.0); }

// J and ∇J at a point, from one forward and one backward pass of the engine.
DescentPoint evaluate(const DescentPlan& plan, const std::map<std::string, Num>& values, int index) {
    const BuiltGraph g = build_graph(plan.graph, values, plan.arithmetic);
    const NodeId j = g.ids.at(plan.graph.output);
    const Gradients grad = backward(g.tape, j);
    DescentPoint p;
    p.index = index;
    p.loss = g.tape[j].value;
    for (const auto& v : moving_variables(plan)) {
        p.at.push_back(values.at(v));
        p.gradient.push_back(grad.of[g.ids.at(v)]);
    }
    return p;
}

// η·g, or η·sign(g); each track takes the sign of its own gradient.
Num step_of(const DescentPlan& plan, const Num& g) {
    const Arithmetic& ar = plan.arithmetic;
    if (plan.step == StepRule::unit_sign)
        return multiply(plan.rate, Num{sign(g.exact), sign(g.hand)}, ar);
    return multiply(plan.rate, g, ar);
}

bool ran_away(const DescentPlan& plan, const DescentPoint& p) {
    if (!is_finite(p.loss) || std::fabs(p.loss.hand) > plan.runaway) return true;
    for (const Num& x : p.at)
        if (!is_finite(x) || std::fabs(x.hand) > plan.runaway) return true;
    return false;
}

bool flat(const DescentPlan& plan, const DescentPoint& p) {
    if (!plan.stop_gradient_below) return false;
    for (const Num& g : p.gradient)
        if (!(std::fabs(g.hand) < *plan.stop_gradient_below)) return false;
    return true;
}

}  // namespace

std::vector<std::string> moving_variables(const DescentPlan& plan) {
    return plan.vary.empty() ? plan.graph.variables : plan.vary;
}

DescentRun descend(const DescentPlan& plan) {
    DescentRun run;
    std::map<std::string, Num> values = plan.start;
    const Arithmetic& ar = plan.arithmetic;
    const std::vector<std::string> moving = moving_variables(plan);
    for (int k = 0;; ++k) {
        try {
            run.points.push_back(evaluate(plan, values, k));
        } catch (const NumericFault&) {
            run.end = DescentEnd::diverged;  // the point itself is not a number: nothing to show
            return run;
        }
        DescentPoint& p = run.points.back();
        if (ran_away(plan, p)) {
            run.end = DescentEnd::diverged;
            return run;
        }
        if ((plan.stop_below && p.loss.hand < *plan.stop_below) || flat(plan, p)) {
            run.end = DescentEnd::stopped;
            return run;
        }
        if (k + 1 >= plan.max_points) {
            run.end = DescentEnd::capped;
            return run;
        }
        for (std::size_t i = 0; i < moving.size(); ++i) {
            // θ ← θ − step
            p.step.push_back(step_of(plan, p.gradient[i]));
            const Num& x = p.at[i];
            values[moving[i]] = subtract(x, p.step[i], ar);
        }
    }
}

DescentBehaviour classify_descent(const DescentRun& run, double slow_fraction) {
    std::vector<double> steps;
    for (std::size_t k = 0; k + 1 < run.points.size(); ++k)
        steps.push_back(run.points[k + 1].at.at(0).hand - run.points[k].at.at(0).hand);
    if (run.end == DescentEnd::diverged) return DescentBehaviour::diverges;
    if (steps.size() < 2) return DescentBehaviour::converges;
    const double first = std::fabs(steps.front());
    const double last = std::fabs(steps.back());
    const double before_last = std::fabs(steps[steps.size() - 2]);
    const bool alternating = steps.back() * steps[steps.size() - 2] < 0;
    // Relative tolerance: a bounce keeps its step size up to rounding.
    const double tolerance = 1e-9 * std::max(1.0, first);
    if (last > before_last + tolerance) return DescentBehaviour::diverges;
    if (alternating && std::fabs(last - before_last) <= tolerance) return DescentBehaviour::bounces;
    if (alternating) return DescentBehaviour::oscillates_converging;
    return last > slow_fraction * first ? DescentBehaviour::too_slow : DescentBehaviour::converges;
}

}  // namespace nntrace
