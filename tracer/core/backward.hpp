// Reverse accumulation over the tape, keeping every chain-rule product as data.
#pragma once

#include <cstddef>
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

// Differentiates `root` with respect to every node it depends on. In a hand calculation each
// product and each sum is rounded as it is produced. Throws NumericFault on a non-finite product.
Gradients backward(const Tape& tape, NodeId root);

}  // namespace nntrace
