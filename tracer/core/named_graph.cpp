#include "named_graph.hpp"

#include <algorithm>
#include <optional>

#include "expression.hpp"

namespace nntrace {
namespace {

using K = Sym::Kind;
using F = Sym::Fn;

Sym::Fn function_of(Op op) {
    switch (op) {
        case Op::exp: return F::exp;
        case Op::ln: return F::ln;
        case Op::sqrt: return F::sqrt;
        case Op::sin: return F::sin;
        case Op::cos: return F::cos;
        case Op::tan: return F::tan;
        case Op::tanh: return F::tanh;
        case Op::sigmoid: return F::sigmoid;
        case Op::relu: return F::relu;
        case Op::leaky_relu: return F::leaky_relu;
        case Op::abs: return F::abs;
        default: return F::user;
    }
}

// Whether the formula of named node `top` (its operations down to the named quantities it reads)
// is short enough to write and derive symbolically; counted without recursion.
bool writable(const Tape& tape, NodeId top) {
    std::size_t operations = 0;
    std::vector<NodeId> pending{top};
    while (!pending.empty()) {
        const NodeId id = pending.back();
        pending.pop_back();
        if (id != top && is_named_quantity(tape, id)) continue;
        if (++operations > max_formula_operations) return false;
        const Node& n = tape[id];
        for (int k = 0; k < arity(n.op); ++k) pending.push_back(n.args[static_cast<std::size_t>(k)]);
    }
    return true;
}

// The tree of node `id`, stopping at named quantities (other than `top`, the node it defines).
Sym tree(const Tape& tape, NodeId id, NodeId top) {
    const Node& n = tape[id];
    if (id != top && is_named_quantity(tape, id)) return Sym::sym(std::string(tape.name(id)), id);
    auto arg = [&](int k) { return tree(tape, n.args[static_cast<std::size_t>(k)], top); };
    switch (n.op) {
        case Op::constant: return Sym::num(n.param);
        case Op::input: case Op::parameter: return Sym::sym(std::string(tape.name(id)), id);
        case Op::identity: return arg(0);
        case Op::add: return Sym::of(K::sum, {arg(0), arg(1)});
        case Op::sub: return Sym::of(K::sum, {arg(0), Sym::of(K::negate, {arg(1)})});
        case Op::mul: return Sym::of(K::product, {arg(0), arg(1)});
        case Op::div: return Sym::of(K::quotient, {arg(0), arg(1)});
        case Op::neg: return Sym::of(K::negate, {arg(0)});
        case Op::pow: return Sym::of(K::power, {arg(0), arg(1)});
        case Op::powc: return Sym::of(K::power, {arg(0), Sym::num(n.param)});
        case Op::call: {
            Sym s = Sym::call(F::user, arg(0));
            s.user = n.function;
            s.name = tape.functions().at(n.function).name;
            return s;
        }
        default: return Sym::call(function_of(n.op), arg(0), n.param);
    }
}

// ∂of/∂a for every named argument a, exactly: a reverse pass over the unnamed nodes between.
std::map<NodeId, double> collapsed(const Tape& tape, NodeId of) {
    std::map<NodeId, double> pending{{of, 1.0}}, out;
    while (!pending.empty()) {
        const auto last = std::prev(pending.end());  // the latest on the tape: all its consumers are done
        const NodeId id = last->first;
        const double upstream = last->second;
        pending.erase(last);
        const Node& n = tape[id];
        for (int k = 0; k < arity(n.op); ++k) {
            const NodeId a = n.args[static_cast<std::size_t>(k)];
            if (tape[a].op == Op::constant) continue;
            const double c = upstream * n.local[static_cast<std::size_t>(k)].exact;
            if (is_named_quantity(tape, a)) out[a] += c;
            else pending[a] += c;
        }
    }
    return out;
}

// Named arguments in order of first use in the formula.
void collect_symbols(const Sym& e, std::vector<NodeId>& out) {
    if (e.kind == K::symbol && std::find(out.begin(), out.end(), e.node) == out.end()) out.push_back(e.node);
    for (const Sym& a : e.args) collect_symbols(a, out);
}

// `expression` is empty for a formula too long to write (see `writable`): then the local
// derivative is its value alone, rounded as the run's arithmetic says.
NamedLocal local_from(const Tape& tape, NodeId of, NodeId wrt, const std::optional<Sym>& expression,
                      double exact) {
    NamedLocal l;
    l.of = of;
    l.wrt = wrt;
    const Arithmetic& a = tape.arithmetic();
    try {
        if (!expression) throw ExpressionError(1, "too long to write");
        l.formula = derivative(*expression, wrt, Sym::sym(std::string(tape.name(of)), of), tape);
    } catch (const ExpressionError&) {  // also a user function's body too long to derive
        l.formula = Sym::num(a.apply(exact));
    }
    const double hand = a.is_hand()
        ? evaluate(l.formula, [&](const Sym& s) { return tape[s.node].value.hand; }, a, tape)
        : exact;
    l.value = Num{exact + 0.0, hand + 0.0};
    return l;
}

}  // namespace

bool is_named_quantity(const Tape& tape, NodeId id) {
    const Node& n = tape[id];
    return n.op != Op::constant && (tape.is_named(id) || n.op == Op::input || n.op == Op::parameter);
}

std::optional<Sym> expression_of(const Tape& tape, NodeId of) {
    if (!writable(tape, of)) return std::nullopt;
    return tree(tape, of, of);
}

NamedLocal named_local(const Tape& tape, NodeId of, NodeId wrt) {
    const auto exact = collapsed(tape, of);
    const auto it = exact.find(wrt);
    return local_from(tape, of, wrt, expression_of(tape, of), it == exact.end() ? 0.0 : it->second);
}

NamedGraph::NamedGraph(const Tape& tape, NodeId root) : tape_(&tape), root_(root) {
    std::vector<bool> reached(root + 1, false);
    reached[root] = true;
    for (NodeId i = root + 1; i-- > 0;) {
        if (!reached[i]) continue;
        const bool quantity = i == root || is_named_quantity(tape, i);
        if (quantity) quantities_.push_back(i);
        if (!quantity || arity(tape[i].op) == 0) continue;
        const std::optional<Sym> expression = expression_of(tape, i);
        const auto exact = collapsed(tape, i);
        std::vector<NodeId> order;
        if (expression) collect_symbols(*expression, order);
        // A name whose elementary paths exist but whose formula lost it (x − x) still has a link.
        for (const auto& [a, v] : exact)
            if (std::find(order.begin(), order.end(), a) == order.end()) order.push_back(a);
        std::vector<NamedLocal>& locals = arguments_[i];
        for (NodeId a : order) {
            const auto it = exact.find(a);
            locals.push_back(local_from(tape, i, a, expression, it == exact.end() ? 0.0 : it->second));
            reached[a] = true;
        }
    }
    std::reverse(quantities_.begin(), quantities_.end());
}

const std::vector<NamedLocal>& NamedGraph::arguments(NodeId node) const {
    static const std::vector<NamedLocal> none;
    const auto it = arguments_.find(node);
    return it == arguments_.end() ? none : it->second;
}

}  // namespace nntrace
