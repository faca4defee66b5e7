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

// A product that is not a number: the fault names the node that consumes the argument.
[[noreturn]] void product_fault(const Tape& tape, NodeId through) {
    const Node& n = tape[through];
    throw NumericFault{through, n.op, {tape[n.args[0]].value.hand, tape[n.args[1]].value.hand}, true};
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
        [&](const BackwardPlan::Visit& v) { product_fault(tape, v.node); });
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

// Each gradient is gathered where backward keeps it, in `of`, and is complete when the sweep
// reaches its node (the tape is in topological order). The additions are backward's, in its
// order: a sum starts from zero, 0 + c1 + c2 + …, and is written down (rounded) once complete;
// a gradient with one contribution is that contribution itself.
Gradients gradient_values(const Tape& tape, NodeId root) {
    const Arithmetic& ar = tape.arithmetic();
    Gradients g{root, std::vector<Num>(tape.size()), ancestors(tape, root), {}, {}};
    std::vector<std::uint32_t> received(root + 1, 0);
    for (std::size_t i = root + 1; i-- > 0;) {
        if (!g.reaches[i]) continue;
        const auto id = static_cast<NodeId>(i);
        Num& own = g.of[i];
        if (id == root) own = Num::both(1.0);
        else if (received[i] > 1) written_down(own, ar);
        const Node& n = tape[id];
        for (int k = 0; k < arity(n.op); ++k) {
            const NodeId a = n.args[static_cast<std::size_t>(k)];
            if (tape[a].op == Op::constant) continue;
            const Num c = chain_product(own, n.local[static_cast<std::size_t>(k)], ar);
            if (!is_finite(c)) product_fault(tape, id);
            Num& to = g.of[a];
            if (received[a] == 0) {
                to = c;
            } else {
                if (received[a] == 1) to = Num{0.0 + to.exact, 0.0 + to.hand};  // the sum's start, 0 + c1
                add_to(to, c);
            }
            ++received[a];
        }
    }
    return g;
}

}  // namespace nntrace
