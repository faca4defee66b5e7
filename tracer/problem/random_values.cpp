// A quick look at a draw before its full run: most draws of a [random] table are rejected (a
// value on a rounding boundary, an exclude condition), and a run with every step's text costs ten
// times what the graph's numbers do. What fails here fails the full check too, since the run
// builds the same graph, rounds the same values (and more) and reads the same numbers; what
// passes here is checked in full, so the variants drawn are those the full check alone draws.
#include <optional>

#include "core/backward.hpp"
#include "core/errors.hpp"
#include "problem/large_graph.hpp"
#include "problem/random_values.hpp"
#include "problem/random_variants.hpp"
#include "core/replay_graph.hpp"
#include "problem/run_parts.hpp"

namespace nntrace {
namespace {

constexpr int exact_key_digits = 6;  // the decimals of an exact run's key (run.cpp's exact_digits_shown)

}  // namespace

QuickDrawCheck::QuickDrawCheck(const Problem& randomised)
    : randomised_(randomised), names_(variant_answer_names(randomised)) {}

// The candidate's graph: the first draw's built, every later one's replayed on it (a draw only
// changes the values of inputs and params). A build that fails is what the run fails on too.
std::optional<Tape> QuickDrawCheck::graph(const Problem& candidate, const Arithmetic& a) const {
    const auto values = apply_sets(candidate, {}).values;
    if (shape_) {
        try {
            return replay_graph(*shape_, a, {}, values);
        } catch (const NumericFault&) {
            return std::nullopt;  // the build blames the node
        }
    }
    Tape tape(a);
    try {
        loss_ = build_problem_graph(candidate, tape, values);
    } catch (const InputError&) {
        return std::nullopt;
    }
    shape_ = tape;
    return tape;
}

bool QuickDrawCheck::fails(const Problem& candidate) const {
    if (candidate.train) return false;  // its values come from training rounds: the full run decides
    const Arithmetic a = arithmetic_for(candidate, RunOptions{});
    std::optional<Tape> tape;
    std::optional<Gradients> gradients;
    {
        RoundingWatch watch(variant_boundary_tolerance);
        tape = graph(candidate, a);
        if (!tape) return true;  // the run builds the same graph and fails the same way
        try {
            if (candidate.loss) gradients = backward(*tape, loss_);
        } catch (const NumericFault&) {
            return false;
        }
        if (watch.first_on_boundary()) return true;
    }
    const auto find = [&](const std::string& key) { return find_on_tape(*tape, loss_, gradients ? &*gradients : nullptr, key); };
    for (const ExcludeCondition& c : randomised_.random->exclude) {
        std::map<std::string, double> values;
        for (const Expr* side : {&c.left, &c.right})
            for (const std::string& name : names_in(*side)) {
                const auto d = c.derivatives.find(name);
                const auto v = find(d == c.derivatives.end() ? name : d->second);
                if (!v) return false;
                values[name] = v->hand;
            }
        try {
            if (condition_holds(c.compare, evaluate_condition_side(randomised_, c.left, c.left_text, values),
                                evaluate_condition_side(randomised_, c.right, c.right_text, values)))
                return true;
        } catch (const std::exception&) {
            return false;
        } catch (const NumericFault&) {
            return false;
        }
    }
    const int digits = a.is_hand() ? a.decimals : exact_key_digits;
    for (const std::string& name : names_) {
        const auto v = find(name);
        if (!v) return false;
        if (near_rounding_boundary(v->hand, digits, Rounding::half_up, variant_boundary_tolerance)) return true;
    }
    return false;
}

}  // namespace nntrace
