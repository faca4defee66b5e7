#include "algorithms/perceptron.hpp"

#include <map>
#include <stdexcept>

namespace nntrace {
namespace {


int sign_of(double v) { return v > 0 ? 1 : (v < 0 ? -1 : 0); }

// The state that decides everything a run does next: (w, b) and the next place in the order.
// Hand values decide, as they do for the run itself.
std::vector<double> state_of(const std::vector<Num>& w, const Num& b, std::size_t next) {
    std::vector<double> s;
    for (const Num& v : w) s.push_back(v.hand);
    s.push_back(b.hand);
    s.push_back(static_cast<double>(next));
    return s;
}

// Checks one point against (w, b) and, if misclassified, applies the update.
PerceptronCheck check_point(const PerceptronPlan& plan, std::size_t index, const std::vector<Num>& w,
                            const Num& b, int number, int updates_so_far) {
    const Arithmetic& ar = plan.arithmetic;
    const LabelledPoint& p = plan.points[index];
    PerceptronCheck c;
    c.number = number;
    c.point = index;
    c.w_before = w;
    c.b_before = b;
    c.score = perceptron_score(w, b, p.x, ar);
    c.margin = multiply(Num::both(p.y), c.score, ar);
    c.w = w;
    c.b = b;
    // y·(wᵀx + b) ≤ 0: on the wrong side of the line, or on it.
    if (c.margin.hand > 0) return c;
    c.update = updates_so_far + 1;
    c.rate_times_y = multiply(Num::both(plan.rate), Num::both(p.y), ar);
    for (std::size_t i = 0; i < w.size(); ++i) {
        c.step.push_back(multiply(c.rate_times_y, Num::both(p.x[i]), ar));
        c.w[i] = add(w[i], c.step.back(), ar);
    }
    c.b = add(b, c.rate_times_y, ar);
    return c;
}

// The final model applied to every point, and whether it puts each on its own side.
void judge_final(const PerceptronPlan& plan, PerceptronRun& run) {
    run.separates = true;
    for (const LabelledPoint& p : plan.points) {
        run.final_scores.push_back(perceptron_score(run.w, run.b, p.x, plan.arithmetic));
        run.final_margins.push_back(multiply(Num::both(p.y), run.final_scores.back(), plan.arithmetic));
        run.final_signs.push_back(sign_of(run.final_scores.back().hand));
        run.separates = run.separates && run.final_margins.back().hand > 0;
    }
}

}  // namespace

std::optional<std::string> perceptron_plan_problem(const PerceptronPlan& plan) {
    if (plan.points.empty()) return "there are no points";
    for (const LabelledPoint& p : plan.points) {
        if (p.x.size() != plan.w.size())
            return "the point " + p.name + " has " + std::to_string(p.x.size()) + " coordinates but w has " +
                   std::to_string(plan.w.size());
        if (p.y != 1 && p.y != -1) return "the label of " + p.name + " must be 1 or -1";
    }
    if (plan.order == VisitOrder::listed) {
        if (plan.listed.empty()) return "the listed order is empty";
        for (std::size_t i : plan.listed)
            if (i >= plan.points.size()) return "a listed point index is out of range";
    }
    if (plan.max_checks < 1) return "the cap on checks must be at least 1";
    return std::nullopt;
}

Num perceptron_score(const std::vector<Num>& w, const Num& b, const std::vector<double>& x,
                     const Arithmetic& arithmetic) {
    Num sum = Num::both(0);
    for (std::size_t i = 0; i < w.size(); ++i) {
        const Num product = multiply(w[i], Num::both(x[i]), arithmetic);
        sum = i == 0 ? product : add(sum, product, arithmetic);
    }
    return add(sum, b, arithmetic);
}

PerceptronRun train_perceptron(const PerceptronPlan& plan) {
    if (auto problem = perceptron_plan_problem(plan)) throw std::invalid_argument(*problem);
    const std::size_t n = plan.points.size();
    PerceptronRun run;
    run.w = plan.w;
    run.b = plan.b;
    std::map<std::vector<double>, int> seen;  // state after an update → the check that made it
    std::size_t next = 0;                     // place in the order: a list position or a point index
    std::size_t clean = 0;                    // checks in a row without an update
    for (;;) {
        if (plan.order == VisitOrder::listed && next == plan.listed.size()) { run.end = PerceptronEnd::list_done; break; }
        if (static_cast<int>(run.checks.size()) == plan.max_checks) { run.end = PerceptronEnd::capped; break; }
        const std::size_t index = plan.order == VisitOrder::listed ? plan.listed[next] : next;
        PerceptronCheck c = check_point(plan, index, run.w, run.b, static_cast<int>(run.checks.size()) + 1, run.updates);
        run.w = c.w;
        run.b = c.b;
        const bool updated = c.update > 0;
        run.checks.push_back(std::move(c));
        if (updated) ++run.updates;
        if (plan.order == VisitOrder::listed) { ++next; continue; }
        clean = updated ? 0 : clean + 1;
        next = updated && plan.order == VisitOrder::restart ? 0 : (index + 1) % n;
        if (clean == n) { run.end = PerceptronEnd::clean_sweep; break; }
        if (!updated) continue;
        const int number = run.checks.back().number;
        const auto [it, fresh] = seen.emplace(state_of(run.w, run.b, next), number);
        if (fresh) continue;
        // Everything the run does next depends only on this state: it would loop from here on.
        PerceptronCycle cycle{it->second, number, number - it->second, 0};
        for (const auto& k : run.checks)
            if (k.number > cycle.first_check && k.update > 0) ++cycle.updates;
        run.cycle = cycle;
        run.end = PerceptronEnd::cycle;
        break;
    }
    judge_final(plan, run);
    return run;
}

}  // namespace nntrace
