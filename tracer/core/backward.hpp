// Reverse accumulation over the tape, keeping every chain-rule product as data.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "tape.hpp"

namespace nntrace {

// One chain-rule product: ∂root/∂target gets upstream × local through one consumer.
struct ChainTerm {
    NodeId target;      // the argument whose gradient receives the contribution
    NodeId through;     // the node that consumes it
    int arg = 0;        // which argument of `through` the target is
    Num upstream;       // ∂root/∂through
    Num local;          // ∂through/∂target, as stored on the tape
    Num contribution;   // upstream × local
};

// The gradient of a node that feeds several others: the sum of its contributions.
struct SumAtNode {
    NodeId node;
    std::vector<std::size_t> terms;  // indices into Gradients::terms
    Num total;
    std::size_t position;  // shown just before terms[position]: when the node's gradient is complete
};

struct Gradients {
    NodeId root;
    std::vector<Num> of;          // ∂root/∂node for every node on the tape
    std::vector<bool> reaches;    // whether root depends on the node (the root itself included)
    std::vector<ChainTerm> terms; // in the order computed: from the root toward the leaves
    std::vector<SumAtNode> sums;
};

// What backward does on a graph, worked out once from its shape alone: which nodes the root
// depends on, every chain-rule product in the order it is computed, and where gradients add up.
// The numbers change from pass to pass (a training run replays the plan every round); the plan
// does not.
struct BackwardPlan {
    struct Term {
        NodeId target, through;
        int arg;
    };
    // A node whose gradient is complete: how it is obtained, then the products it passes on.
    // 20 bytes, one for every node the root depends on: indices are 32 bits, as node ids are.
    struct Visit {
        enum class From : std::uint8_t { root, nothing, one_term, sum } from = From::nothing;
        NodeId node = 0;
        std::uint32_t source = 0;      // one_term: a term index; sum: an index into `sums`
        std::uint32_t first_term = 0;  // the terms this node sends to its arguments
        std::uint32_t term_count = 0;
    };
    struct Sum {
        NodeId node;
        std::vector<std::size_t> terms;
        std::size_t position;  // as SumAtNode::position
    };
    NodeId root = 0;
    std::vector<bool> reaches;
    std::vector<Term> terms;
    std::vector<Visit> visits;  // from the root toward the leaves
    std::vector<Sum> sums;
};

BackwardPlan plan_backward(const Tape& tape, NodeId root);

// The arithmetic of backward, for both tracks (Num) or for exact arithmetic's single track
// (double, where the hand track would only repeat the exact one).
// Chain rule: ∂root/∂a += ∂root/∂n · ∂n/∂a. A hand calculation rounds the product it writes down.
inline Num chain_product(const Num& upstream, const Num& local, const Arithmetic& a) {
    return Num{upstream.exact * local.exact, a.apply(upstream.hand * local.hand)};
}
inline double chain_product(double upstream, double local, const Arithmetic&) { return upstream * local; }
inline Num one(const Num&) { return Num::both(1.0); }
inline double one(double) { return 1.0; }
inline bool is_finite(double v) { return std::isfinite(v); }
// A sum is added up, then written down rounded (a hand calculation rounds the total only).
inline void add_to(Num& total, const Num& c) {
    total.exact += c.exact;
    total.hand += c.hand;
}
inline void add_to(double& total, double c) { total += c; }
inline void written_down(Num& total, const Arithmetic& a) { total.hand = a.apply(total.hand); }
inline void written_down(double&, const Arithmetic&) {}

// Runs a plan on one pass's numbers (V: Num, or double for one exact track), wherever they are
// kept: `local(t, term)` reads the local derivative term t multiplies by, `set_gradient(node, g)` and
// `set_contribution(term, c)` store results, and `contribution(term)` reads back one stored
// earlier in the same pass. `fault(visit)` is called when a product is not finite and must throw.
template <class V, class Local, class SetGradient, class Contribution, class SetContribution, class Fault>
void run_backward(const BackwardPlan& plan, const Arithmetic& ar, Local&& local, SetGradient&& set_gradient,
                  Contribution&& contribution, SetContribution&& set_contribution, Fault&& fault) {
    using From = BackwardPlan::Visit::From;
    for (const BackwardPlan::Visit& v : plan.visits) {
        V g{};
        switch (v.from) {
            case From::root: g = one(g); break;  // ∂root/∂root
            case From::nothing: break;
            case From::one_term: g = contribution(v.source); break;
            case From::sum: {  // a node with several consumers: the gradients add up
                for (auto t : plan.sums[v.source].terms) add_to(g, contribution(t));
                written_down(g, ar);
                break;
            }
        }
        set_gradient(v.node, g);
        for (std::size_t t = v.first_term; t < v.first_term + v.term_count; ++t) {
            const BackwardPlan::Term& term = plan.terms[t];
            const V c = chain_product(g, local(t, term), ar);
            if (!is_finite(c)) fault(v);
            set_contribution(t, c);
        }
    }
}

// Differentiates `root` with respect to every node it depends on. In a hand calculation each
// product and each sum is rounded as it is produced. Throws NumericFault on a non-finite product.
Gradients backward(const Tape& tape, NodeId root);

// The same gradients (`of`, `reaches`; equal bit for bit, sign of zero included) without the
// chain-rule products and sums that show how they were obtained, in one sweep and about 20 bytes
// a node: for a graph too big to show step by step, where only the gradients are read.
Gradients gradient_values(const Tape& tape, NodeId root);

}  // namespace nntrace
