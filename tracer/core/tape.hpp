// The append-only tape. Every value the engine computes is a node on it; a node's index is its
// name for the machine (stable from run to run), and the order of the tape is already a
// topological order, so backward is a reverse loop.
#pragma once

#include <array>
#include <cmath>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "arithmetic.hpp"
#include "node_names.hpp"
#include "node_store.hpp"
#include "op.hpp"
#include "page_allocator.hpp"
#include "rules.hpp"

namespace nntrace {

using NodeId = std::uint32_t;

// A piece of a node's defining formula: literal text ("*", "(", "0.5", "sigmoid") or a
// reference to another node, whose name and value the record substitutes.
struct FormulaRef {
    std::string text;
    std::optional<NodeId> node;
};

// A node's numbers and topology only: 72 bytes, copied as bytes. Its name and formula, which
// most nodes of a big graph do not have, live in side tables on the Tape (Tape::name, formula),
// so that a pass over a large tape touches numbers and nothing else.
struct Node {
    Num value;                   // hand and exact value
    std::array<Num, 2> local{};  // ∂node/∂arg_k, hand and exact, stored as data
    double param = 0;            // constant value, powc exponent or leaky_relu slope
    std::array<NodeId, 2> args{};
    std::uint32_t function = 0;  // for Op::call: index into Tape::functions()
    Op op = Op::constant;
};
static_assert(std::is_trivially_copyable_v<Node>);

// A one-argument function the user wrote as an expression. The tape calls `evaluate` with the
// argument and the run's arithmetic; it returns s(x) and s′(x), each computed the same way the
// tape computes, step by step.
struct UserFunction {
    std::string name;        // "s"
    std::string parameter;   // "x"
    std::string body;        // "x^2", as written
    std::function<std::array<double, 2>(double x, const Arithmetic&)> evaluate;
};

// A value that cannot be a number: ln of a negative number, a division by zero, an overflow.
struct NumericFault {
    NodeId node;
    Op op;
    std::array<double, 2> args;  // the argument values that caused it (hand values)
    bool in_derivative;          // the value was fine; its local derivative was not
};

// Slips a student makes that change a derivative rule. The engine can reproduce them, so that a
// wrong answer can be traced to its likely cause; a normal run has none.
struct Slips {
    // σ′ taken as z·(1 − z), the pre-activation put where σ(z) belongs, instead of σ(z)(1 − σ(z)).
    bool sigmoid_slope_at_preactivation = false;
};

// What the tape records for one node: its value and its local derivatives, in both tracks.
struct NodeNumbers {
    Num value;
    std::array<Num, 2> local{};
};

class Tape {
public:
    explicit Tape(Arithmetic arithmetic = Arithmetic::exact(), Slips slips = {})
        : arithmetic_(arithmetic), slips_(slips) {}

    const Arithmetic& arithmetic() const { return arithmetic_; }
    const Slips& slips() const { return slips_; }

    NodeId constant(double v, std::string_view text);
    // Leaves hold the data as given (a hand calculation does not round the problem's data), or,
    // in later rounds of training, the hand and exact values the updates produced.
    NodeId input(std::string_view name, Num v) { return leaf(Op::input, name, v); }
    NodeId parameter(std::string_view name, Num v) { return leaf(Op::parameter, name, v); }
    NodeId input(std::string_view name, double v) { return input(name, Num::both(v)); }
    NodeId parameter(std::string_view name, double v) { return parameter(name, Num::both(v)); }

    // Appends an operation on existing nodes; computes its value and local derivatives in both
    // arithmetics. Throws NumericFault if the value is not a finite number.
    NodeId apply(Op op, std::vector<NodeId> args, double param = 0);
    // The same operation as `shape`, a node of a graph this tape rebuilds node for node (its op,
    // its arguments by id, its param): what a replay appends, without a list of arguments.
    NodeId apply_like(const Node& shape);

    std::uint32_t add_function(UserFunction f);
    NodeId call(std::uint32_t function, NodeId arg);

    // Names a node, making it a step of the walkthrough, and records how it was defined.
    void name(NodeId id, std::string_view name, std::vector<FormulaRef> formula);
    // Gives an unnamed node a label (the source text it was built from).
    void label(NodeId id, std::string_view text);
    // Whether the builder gives unnamed nodes their labels and named nodes their formulas (on by
    // default). A graph too big to show step by step is built without them: for a network of a
    // million weights they would take more memory and time than its numbers.
    void keep_text(bool keep) { keep_text_ = keep; }
    bool keeps_text() const { return keep_text_; }

    // Display name: the user's name, the label (the source text it came from), or "".
    std::string_view name(NodeId id) const { return names_.text(id); }
    // True when the user gave the node a name (a step of the walkthrough).
    bool is_named(NodeId id) const { return names_.is_named(id); }
    // How the user defined a named node; empty for the others.
    const std::vector<FormulaRef>& formula(NodeId id) const;

    // The numbers node `id` gets from its arguments' numbers under this tape's arithmetic and
    // slips: what apply and call record, and what a replay of the graph computes each round.
    // `shape` gives the op, param and function. Throws NumericFault when a number is not finite.
    NodeNumbers numbers_of(NodeId id, const Node& shape, const std::array<Num, 2>& args) const;
    // A user function's s(x) and s′(x). A fault inside its body (which runs on a tape of its own)
    // is reported at node `id`, the call, so that it is blamed on the step that called it; the
    // operation and arguments stay those that failed inside the body.
    std::array<double, 2> call_function(NodeId id, std::uint32_t function, double x, const Arithmetic& a) const;
    // The same in exact arithmetic, one track: value and local derivatives of doubles.
    Evaluation exact_numbers_of(NodeId id, Op op, double param, std::uint32_t function,
                                const std::array<double, 2>& args) const;

    // Overwrites a node's numbers: a replayed pass put back on a copy of the graph for a page.
    void set_numbers(NodeId id, const NodeNumbers& numbers);

    const Node& operator[](NodeId id) const { return nodes_.at(id); }
    std::size_t size() const { return nodes_.size(); }
    // Big tapes (an MLP's 10⁵ nodes and more) live in huge pages (page_allocator.hpp), in
    // blocks that never move (node_store.hpp).
    using Nodes = NodeStore<Node>;
    const std::vector<UserFunction>& functions() const { return functions_; }
    std::optional<NodeId> find(std::string_view name) const { return names_.find_named(name); }
    // Room for `nodes` nodes, when the size of the graph is known before it is built: the first
    // block of nodes then never doubles (which keeps the old and the new array alive at once).
    void reserve(std::size_t nodes) { nodes_.reserve(nodes); }

private:
    NodeId leaf(Op op, std::string_view name, Num v);
    NodeId push(const Node& n);

    Arithmetic arithmetic_;
    Slips slips_;
    Nodes nodes_;
    NodeNames names_;
    // The formulas of named nodes, by node id (ascending: nodes are named as they are built).
    std::vector<std::pair<NodeId, std::vector<FormulaRef>>> formulas_;
    std::vector<UserFunction> functions_;
    bool keep_text_ = true;
};

// Inline: a replayed training round calls it for every node.
inline Evaluation Tape::exact_numbers_of(NodeId id, Op op, double param, std::uint32_t function,
                                         const std::array<double, 2>& args) const {
    if (op == Op::call) {
        const auto v = call_function(id, function, args[0], Arithmetic::exact());
        if (!std::isfinite(v[0])) throw NumericFault{id, Op::call, {args[0], 0}, false};
        return {v[0], {v[1], 0}};
    }
    Evaluation e = evaluate(op, args, param);
    if (!std::isfinite(e.value)) throw NumericFault{id, op, args, false};
    if (op == Op::sigmoid && slips_.sigmoid_slope_at_preactivation) e.local[0] = args[0] * (1.0 - args[0]);
    return e;
}

}  // namespace nntrace
