// A problem's graph, once built, worked out again with other numbers: another arithmetic, other
// slips, other values of the inputs and params. Building a graph parses the [functions] and
// derives each node's formula for the record; replaying it only recomputes numbers, node by
// node, through the calls the build made (Tape::apply, call), so every number is the one a
// build under that arithmetic gives. What grading by variant and drawing variants run many
// times over (issue 17).
#pragma once

#include <array>
#include <map>
#include <string>
#include <vector>

#include "core/backward.hpp"
#include "core/tape.hpp"

namespace nntrace {

// `shape`'s nodes on a new tape with `arithmetic` and `slips`, each input and param taking its
// value from `leaves` by name, and its [functions] from `functions` when given (the same
// functions, in the same order: a caller's that remember their values), else from `shape`.
// Throws NumericFault for a value that is not a number (a build reports it at the node's
// expression) and std::out_of_range for a leaf `leaves` lacks.
Tape replay_graph(const Tape& shape, const Arithmetic& arithmetic, const Slips& slips,
                  const std::map<std::string, Num>& leaves, const std::vector<UserFunction>* functions = nullptr);

// The numbers of one replay without a tape: what replay_graph and then gradient_values give,
// in arrays a caller keeps from run to run (no names, no nodes pushed, no allocation once the
// arrays have grown).
struct ReplayNumbers {
    std::vector<Num> value, gradient, contribution;
    std::vector<std::array<Num, 2>> local;
};

// `shape`'s numbers worked out again under `calculator`'s arithmetic and slips (an empty tape of
// that arithmetic that has the shape's functions, in order), each input and param taking
// `*leaf(id)` (`leaf` returns null for a leaf it does not have: then false, nothing computed);
// then, when `plan` is given (planned on `shape`), the gradients of its root along it, as
// backward computes them. Throws NumericFault as the build and backward would, with the same
// node, operation and arguments.
template <class Leaf>
bool work_out(const Tape& shape, const Tape& calculator, Leaf&& leaf, const BackwardPlan* plan, ReplayNumbers& out) {
    const std::size_t n = shape.size();
    out.value.assign(n, Num{});
    out.local.assign(n, {});
    for (NodeId id = 0; id < n; ++id) {
        const Node& node = shape[id];
        if (node.op == Op::constant) {
            out.value[id] = Num::both(node.param);  // as Tape::constant writes it
        } else if (node.op == Op::input || node.op == Op::parameter) {
            const Num* given = leaf(id);
            if (!given) return false;
            out.value[id] = *given;
        } else {
            std::array<Num, 2> args{};
            for (int k = 0; k < arity(node.op); ++k) args[static_cast<std::size_t>(k)] = out.value[node.args[static_cast<std::size_t>(k)]];
            const NodeNumbers numbers = calculator.numbers_of(id, node, args);
            out.value[id] = numbers.value;
            out.local[id] = numbers.local;
        }
    }
    if (!plan) return true;
    out.gradient.assign(n, Num{});
    out.contribution.assign(plan->terms.size(), Num{});
    run_backward<Num>(
        *plan, calculator.arithmetic(),
        [&](std::size_t, const BackwardPlan::Term& t) { return out.local[t.through][static_cast<std::size_t>(t.arg)]; },
        [&](NodeId node, const Num& g) { out.gradient[node] = g; },
        [&](std::size_t t) { return out.contribution[t]; },
        [&](std::size_t t, const Num& c) { out.contribution[t] = c; },
        [&](const BackwardPlan::Visit& v) {  // what backward's fault says: the node and its arguments
            const Node& node = shape[v.node];
            throw NumericFault{v.node, node.op, {out.value[node.args[0]].hand, out.value[node.args[1]].hand}, true};
        });
    return true;
}

}  // namespace nntrace
