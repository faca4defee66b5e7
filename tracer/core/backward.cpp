#include "backward.hpp"

#include <cmath>

namespace nntrace {
namespace {

// Nodes the root depends on: walk the tape backwards, marking the arguments of marked nodes.
std::vector<bool> ancestors(const Tape& tape, NodeId root) {
    std::vector<bool> mark(tape.size(), false);
    mark[root] = true;
    for (std::size_t i = root + 1; i-- > 0;) {
        if (!mark[i]) continue;
        const Node& n = tape[static_cast<NodeId>(i)];
        for (int k = 0; k < arity(n.op); ++k) mark[n.args[static_cast<std::size_t>(k)]] = true;
    }
    return mark;
}

}  // namespace

Gradients backward(const Tape& tape, NodeId root) {
    const Arithmetic& ar = tape.arithmetic();
    Gradients g{root, std::vector<Num>(tape.size()), ancestors(tape, root), {}, {}};
    // Contributions received so far by each node, as indices into g.terms.
    std::vector<std::vector<std::size_t>> received(tape.size());
    g.of[root] = Num::both(1.0);

    // The tape is in topological order, so when the loop reaches a node every consumer of it
    // has already been handled and its gradient is complete.
    for (std::size_t i = root + 1; i-- > 0;) {
        if (!g.reaches[i]) continue;
        const auto id = static_cast<NodeId>(i);
        const Node& n = tape[id];
        const auto& mine = received[i];
        if (mine.size() > 1) {  // a node with several consumers: the gradients add up
            Num total{0, 0};
            for (auto t : mine) {
                total.exact += g.terms[t].contribution.exact;
                total.hand += g.terms[t].contribution.hand;
            }
            total.hand = ar.apply(total.hand);
            g.sums.push_back({id, mine, total, g.terms.size()});
            g.of[i] = total;
        } else if (mine.size() == 1) {
            g.of[i] = g.terms[mine[0]].contribution;
        }
        for (int k = 0; k < arity(n.op); ++k) {
            const auto a = n.args[static_cast<std::size_t>(k)];
            if (tape[a].op == Op::constant) continue;  // numbers written in the problem have no gradient
            const Num local = n.local[static_cast<std::size_t>(k)];
            // Chain rule: ∂root/∂a += ∂root/∂n · ∂n/∂a
            const Num c{g.of[i].exact * local.exact, ar.apply(g.of[i].hand * local.hand)};
            if (!std::isfinite(c.exact) || !std::isfinite(c.hand))
                throw NumericFault{id, n.op, {tape[n.args[0]].value.hand, tape[n.args[1]].value.hand}, true};
            received[a].push_back(g.terms.size());
            g.terms.push_back({a, id, k, g.of[i], local, c});
        }
    }
    return g;
}

}  // namespace nntrace
