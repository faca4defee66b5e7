#include "backward.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>

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

BackwardPlan plan_backward(const Tape& tape, NodeId root) {
    using From = BackwardPlan::Visit::From;
    BackwardPlan plan;
    plan.root = root;
    plan.reaches = ancestors(tape, root);
    // Each node's received terms, in one flat array (CSR): `first[i]` is where node i's list
    // starts, sized by counting consumers first. A list is complete when the loop reaches its
    // node: the tape is in topological order, so every consumer has been visited by then.
    std::vector<std::size_t> first(tape.size() + 1, 0), filled(tape.size(), 0);
    for (std::size_t i = 0; i <= root; ++i) {
        if (!plan.reaches[i]) continue;
        const Node& n = tape[static_cast<NodeId>(i)];
        for (int k = 0; k < arity(n.op); ++k) {
            const auto a = n.args[static_cast<std::size_t>(k)];
            if (tape[a].op != Op::constant) ++first[a + 1];  // constants receive no terms
        }
    }
    for (std::size_t i = 0; i < tape.size(); ++i) first[i + 1] += first[i];
    // Visits count terms and sums in 32 bits: a graph has at most two terms for each node.
    if (first.back() > std::numeric_limits<std::uint32_t>::max())
        throw std::length_error("backward: more than 2^32 chain-rule products");
    std::vector<std::size_t> received(first.back());
    plan.terms.reserve(first.back());
    plan.visits.reserve(root + 1);
    for (std::size_t i = root + 1; i-- > 0;) {
        if (!plan.reaches[i]) continue;
        const auto id = static_cast<NodeId>(i);
        BackwardPlan::Visit v;
        v.node = id;
        const std::size_t count = filled[i];
        if (id == root) {
            v.from = From::root;
        } else if (count > 1) {
            v.from = From::sum;
            v.source = static_cast<std::uint32_t>(plan.sums.size());
            plan.sums.push_back({id, {received.begin() + static_cast<std::ptrdiff_t>(first[i]),
                                      received.begin() + static_cast<std::ptrdiff_t>(first[i] + count)},
                                 plan.terms.size()});
        } else if (count == 1) {
            v.from = From::one_term;
            v.source = static_cast<std::uint32_t>(received[first[i]]);
        }
        v.first_term = static_cast<std::uint32_t>(plan.terms.size());
        const Node& n = tape[id];
        for (int k = 0; k < arity(n.op); ++k) {
            const auto a = n.args[static_cast<std::size_t>(k)];
            if (tape[a].op == Op::constant) continue;  // numbers written in the problem have no gradient
            received[first[a] + filled[a]++] = plan.terms.size();
            plan.terms.push_back({a, id, k});
        }
        v.term_count = static_cast<std::uint32_t>(plan.terms.size() - v.first_term);
        plan.visits.push_back(v);
    }
    return plan;
}

Gradients backward(const Tape& tape, NodeId root) {
    const BackwardPlan plan = plan_backward(tape, root);
    Gradients g{root, std::vector<Num>(tape.size()), plan.reaches, {}, {}};
    g.terms.resize(plan.terms.size());
    run_backward<Num>(
        plan, tape.arithmetic(),
        [&](std::size_t, const BackwardPlan::Term& term) { return tape[term.through].local[static_cast<std::size_t>(term.arg)]; },
        [&](NodeId node, const Num& v) { g.of[node] = v; },
        [&](std::size_t t) { return g.terms[t].contribution; },
        [&](std::size_t t, const Num& c) { g.terms[t].contribution = c; },
        [&](const BackwardPlan::Visit& v) {
            const Node& n = tape[v.node];
            throw NumericFault{v.node, n.op, {tape[n.args[0]].value.hand, tape[n.args[1]].value.hand}, true};
        });
    for (std::size_t t = 0; t < plan.terms.size(); ++t) {
        const BackwardPlan::Term& term = plan.terms[t];
        ChainTerm& c = g.terms[t];
        c.target = term.target;
        c.through = term.through;
        c.arg = term.arg;
        c.upstream = g.of[term.through];
        c.local = tape[term.through].local[static_cast<std::size_t>(term.arg)];
    }
    for (const BackwardPlan::Sum& s : plan.sums) g.sums.push_back({s.node, s.terms, g.of[s.node], s.position});
    return g;
}

}  // namespace nntrace
