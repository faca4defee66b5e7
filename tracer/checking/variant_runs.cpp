#include "checking/variant_runs.hpp"

#include <algorithm>
#include <set>

#include "algorithms/training.hpp"
#include "checking/problem_shape.hpp"
#include "core/backward.hpp"
#include "problem/run_parts.hpp"

namespace nntrace {
namespace {

// ∂(w·h)/∂h is w: where w is an updated param shallower than the one differentiated, the
// student has already written w+ over it.
Num local_with(const Tape& tape, const Node& n, int k, const std::map<std::string, Num>& updated) {
    if (n.op == Op::mul) {
        const NodeId other = n.args[static_cast<std::size_t>(1 - k)];
        if (tape[other].op == Op::parameter)
            if (auto u = updated.find(std::string(tape.name(other))); u != updated.end()) return u->second;
    }
    return n.local[static_cast<std::size_t>(k)];
}

// Reverse accumulation as core backward does it (each product rounded, each sum rounded once it
// is complete), with the local derivatives of local_with.
std::vector<Num> gradients_with(const Tape& tape, NodeId root, const std::map<std::string, Num>& updated) {
    const Arithmetic& ar = tape.arithmetic();
    std::vector<Num> of(tape.size(), Num{0, 0});
    std::vector<int> received(tape.size(), 0);
    of[root] = Num::both(1.0);
    for (std::size_t i = root + 1; i-- > 0;) {
        const Node& n = tape[static_cast<NodeId>(i)];
        if (received[i] > 1) of[i].hand = ar.apply(of[i].hand);
        for (int k = 0; k < arity(n.op); ++k) {
            const NodeId a = n.args[static_cast<std::size_t>(k)];
            if (tape[a].op == Op::constant) continue;
            const Num local = local_with(tape, n, k, updated);
            of[a].exact += of[i].exact * local.exact;
            of[a].hand += ar.apply(of[i].hand * local.hand);
            ++received[a];
        }
    }
    return of;
}

}  // namespace

AnswerValues run_with_updated_weights(const Problem& p, const RunOptions& o, const std::vector<std::string>&) {
    const Record correct = run_problem(p, o);
    const RunValues v = apply_sets(p, o.sets);
    const Arithmetic a = arithmetic_for(p, o);
    const auto depth = depths_from_loss(p);
    std::vector<std::string> update;
    for (const auto& u : p.train->update)
        if (depth.count(u.name)) update.push_back(u.name);
    Tape tape(a);
    const NodeId loss = build_problem_graph(p, tape, v.values);
    AnswerValues out;
    for (const auto& q : update) {
        std::map<std::string, Num> updated;  // every shallower updated param, at its new value
        for (const auto& w : update)
            if (depth.at(w) < depth.at(q))
                if (auto after = correct.find(w + "+")) updated[w] = *after;
        if (updated.empty()) continue;
        const Num g = gradients_with(tape, loss, updated)[*tape.find(q)];
        const Num before = v.values.at(q);
        out["d" + p.loss->name + "/d" + q] = g;
        out[q + "+"] = subtract(before, multiply(v.rate, g, a), a);  // as training writes it down
    }
    return out;
}

}  // namespace nntrace
