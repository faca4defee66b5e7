// The graph a textbook draws: the quantities the author named (named nodes, inputs and
// parameters; never constants), each linked to the named quantities its formula reads, with
// the named local derivative ∂N/∂M between them — a formula in the problem's own names
// (∂out_o1/∂l_o1 = out_o1·(1 − out_o1)) and its value.
#pragma once

#include <map>
#include <optional>
#include <vector>

#include "symbolic.hpp"
#include "tape.hpp"

namespace nntrace {

// Named nodes (not constants) and the leaves: what a person calls by name.
bool is_named_quantity(const Tape& tape, NodeId id);

struct NamedLocal {
    NodeId of = 0, wrt = 0;
    Sym formula;  // ∂of/∂wrt in names, simplified
    // exact: the collapse of the tape's elementary local derivatives between the two (the sum
    // over elementary paths of their products); hand: the formula worked out on the hand
    // values, each operation rounded as the run's arithmetic says — what a student does. In
    // exact arithmetic both are the collapse.
    Num value;

    bool identically_one() const { return formula.is_number(1); }
};

// The sub-expression of named node `of` over its named arguments ("w5·out_h1 + w6·out_h2 + b2"),
// or nothing when it has more than `max_formula_operations` operations.
std::optional<Sym> expression_of(const Tape& tape, NodeId of);

// ∂of/∂wrt for a named node and one of its named arguments.
NamedLocal named_local(const Tape& tape, NodeId of, NodeId wrt);

// The named quantities `root` depends on (the root counts as one even when unnamed) and the
// named local derivatives between them.
class NamedGraph {
public:
    NamedGraph(const Tape& tape, NodeId root);

    const Tape& tape() const { return *tape_; }
    NodeId root() const { return root_; }
    // In tape order: every argument comes before the quantities that read it.
    const std::vector<NodeId>& quantities() const { return quantities_; }
    // ∂node/∂a for each named argument a, in order of first use; empty for a leaf.
    const std::vector<NamedLocal>& arguments(NodeId node) const;
    std::string name(NodeId id) const { return std::string(tape_->name(id)); }

private:
    const Tape* tape_;
    NodeId root_;
    std::vector<NodeId> quantities_;
    std::map<NodeId, std::vector<NamedLocal>> arguments_;
};

}  // namespace nntrace
