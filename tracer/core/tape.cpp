#include "tape.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "rules.hpp"

namespace nntrace {
namespace {

bool finite(const std::array<double, 2>& v, int n) {
    for (int k = 0; k < n; ++k)
        if (!std::isfinite(v[static_cast<std::size_t>(k)])) return false;
    return true;
}

}  // namespace

NodeId Tape::push(const Node& n) {
    nodes_.push_back(n);
    return static_cast<NodeId>(nodes_.size() - 1);
}

NodeId Tape::leaf(Op op, std::string_view name, Num v) {
    Node n;
    n.op = op;
    n.value = v;
    const NodeId id = push(n);
    names_.set(id, name, true);
    return id;
}

NodeId Tape::constant(double v, std::string_view text) {
    Node n;
    n.op = Op::constant;
    n.param = v;
    // A constant is written down as given: a hand calculation does not round the problem's data.
    n.value = Num::both(v);
    const NodeId id = push(n);
    if (!text.empty()) names_.set(id, text, false);
    return id;
}

std::array<double, 2> Tape::call_function(NodeId id, std::uint32_t function, double x, const Arithmetic& a) const {
    try {
        return functions_[function].evaluate(x, a);
    } catch (const NumericFault& f) {
        throw NumericFault{id, f.op, f.args, f.in_derivative};  // what failed, at the call
    }
}

NodeNumbers Tape::numbers_of(NodeId id, const Node& shape, const std::array<Num, 2>& args) const {
    const Op op = shape.op;
    const std::array<double, 2> hand{args[0].hand, args[1].hand}, exact{args[0].exact, args[1].exact};
    NodeNumbers out;
    // Exact arithmetic with equal tracks computes each number once: the hand track would only
    // repeat it (apply() is the identity).
    if (!arithmetic_.is_hand() && hand == exact) {
        const Evaluation e = exact_numbers_of(id, op, shape.param, shape.function, exact);
        out.value = Num::both(e.value);
        out.local = {Num::both(e.local[0]), Num::both(e.local[1])};
        return out;
    }
    if (op == Op::call) {
        // The body runs twice: step by step in this run's arithmetic, and exactly.
        const auto h = call_function(id, shape.function, hand[0], arithmetic_);
        const auto e = call_function(id, shape.function, exact[0], Arithmetic::exact());
        if (!finite(h, 1) || !finite(e, 1)) throw NumericFault{id, Op::call, {hand[0], 0}, false};
        out.value = Num{e[0], h[0]};
        out.local[0] = Num{e[1], h[1]};
        return out;
    }
    const int n_args = arity(op);
    const Evaluation e = evaluate(op, exact, shape.param);
    const Evaluation h = evaluate(op, hand, shape.param);
    if (!std::isfinite(h.value) || !std::isfinite(e.value)) throw NumericFault{id, op, hand, false};
    out.value = Num{e.value, arithmetic_.apply(h.value)};
    for (std::size_t k = 0; k < static_cast<std::size_t>(n_args); ++k)
        out.local[k] = Num{e.local[k], arithmetic_.apply(h.local[k])};
    // Local derivatives are recomputed from the rounded value where the rule uses the node's own
    // value (σ′ = σ(1 − σ)), as a student would with the value they wrote down.
    if (arithmetic_.is_hand() && (op == Op::sigmoid || op == Op::tanh || op == Op::exp ||
                                  op == Op::sqrt || op == Op::tan)) {
        const double s = out.value.hand;
        double d = 0;
        switch (op) {
            case Op::sigmoid: d = s * (1.0 - s); break;
            case Op::tanh: d = 1.0 - arithmetic_.apply(s * s); break;
            case Op::exp: d = s; break;
            case Op::sqrt: d = 1.0 / arithmetic_.apply(2.0 * s); break;
            case Op::tan: d = 1.0 + arithmetic_.apply(s * s); break;
            default: break;
        }
        out.local[0].hand = arithmetic_.apply(d);
    }
    if (op == Op::sigmoid && slips_.sigmoid_slope_at_preactivation) {
        out.local[0] = Num{exact[0] * (1.0 - exact[0]), arithmetic_.apply(hand[0] * (1.0 - hand[0]))};
    }
    return out;
}

void Tape::set_numbers(NodeId id, const NodeNumbers& numbers) {
    Node& n = nodes_.at(id);
    n.value = numbers.value;
    n.local = numbers.local;
}

NodeId Tape::apply(Op op, std::vector<NodeId> args, double param) {
    if (static_cast<int>(args.size()) != arity(op) || op == Op::call)
        throw std::logic_error("Tape::apply: wrong number of arguments");
    Node n;
    n.op = op;
    n.param = param;
    for (std::size_t k = 0; k < args.size(); ++k) n.args[k] = args[k];
    return apply_like(n);
}

NodeId Tape::apply_like(const Node& shape) {
    if (shape.op == Op::call) throw std::logic_error("Tape::apply: a call is made by Tape::call");
    Node n;
    n.op = shape.op;
    n.param = shape.param;
    std::array<Num, 2> values{};
    for (int k = 0; k < arity(shape.op); ++k) {
        const auto a = shape.args[static_cast<std::size_t>(k)];
        if (a >= nodes_.size()) throw std::logic_error("Tape::apply: argument not on the tape");
        n.args[static_cast<std::size_t>(k)] = a;
        values[static_cast<std::size_t>(k)] = nodes_[a].value;
    }
    const NodeNumbers numbers = numbers_of(static_cast<NodeId>(nodes_.size()), n, values);
    n.value = numbers.value;
    n.local = numbers.local;
    return push(n);
}

std::uint32_t Tape::add_function(UserFunction f) {
    functions_.push_back(std::move(f));
    return static_cast<std::uint32_t>(functions_.size() - 1);
}

NodeId Tape::call(std::uint32_t function, NodeId arg) {
    if (function >= functions_.size()) throw std::logic_error("Tape::call: no such function");
    Node n;
    n.op = Op::call;
    n.function = function;
    n.args[0] = arg;
    const NodeNumbers numbers = numbers_of(static_cast<NodeId>(nodes_.size()), n, {nodes_.at(arg).value, Num{}});
    n.value = numbers.value;
    n.local = numbers.local;
    return push(n);
}

void Tape::name(NodeId id, std::string_view name, std::vector<FormulaRef> formula) {
    if (id >= nodes_.size()) throw std::out_of_range("Tape::name: no such node");
    names_.set(id, name, true);
    auto it = formulas_.end();
    if (!formulas_.empty() && formulas_.back().first >= id)
        it = std::lower_bound(formulas_.begin(), formulas_.end(), id, [](const auto& f, NodeId n) { return f.first < n; });
    if (it != formulas_.end() && it->first == id)
        it->second = std::move(formula);
    else if (!formula.empty())
        formulas_.insert(it, {id, std::move(formula)});
}

void Tape::label(NodeId id, std::string_view text) {
    if (id >= nodes_.size()) throw std::out_of_range("Tape::label: no such node");
    names_.set(id, text, names_.is_named(id));
}

const std::vector<FormulaRef>& Tape::formula(NodeId id) const {
    static const std::vector<FormulaRef> none;
    const auto it = std::lower_bound(formulas_.begin(), formulas_.end(), id, [](const auto& f, NodeId n) { return f.first < n; });
    return it != formulas_.end() && it->first == id ? it->second : none;
}

}  // namespace nntrace
