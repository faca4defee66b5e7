#include "symbolic.hpp"

#include <cmath>
#include <stdexcept>

#include "expression.hpp"

namespace nntrace {

using K = Sym::Kind;
using F = Sym::Fn;

Sym Sym::num(double v) {
    Sym s;
    s.number = v + 0.0;  // no −0 in a formula
    return s;
}

Sym Sym::sym(std::string name, NodeId node) {
    Sym s;
    s.kind = K::symbol;
    s.name = std::move(name);
    s.node = node;
    return s;
}

Sym Sym::of(Kind kind, std::vector<Sym> args) {
    Sym s;
    s.kind = kind;
    s.args = std::move(args);
    return s;
}

Sym Sym::call(Fn fn, Sym arg, double param) {
    Sym s = of(K::function, {std::move(arg)});
    s.fn = fn;
    s.param = param;
    return s;
}

namespace {

Sym neg(Sym a) { return Sym::of(K::negate, {std::move(a)}); }
Sym prod(std::vector<Sym> f) { return Sym::of(K::product, std::move(f)); }

// `functions`: the run's user functions, which a body may call (a user function calling another).
Sym from_expr(const Expr& e, const std::vector<UserFunction>& functions) {
    auto operand = [&functions](const Expr& x) { return from_expr(x, functions); };
    switch (e.kind) {
        case Expr::Kind::number: return Sym::num(e.number);
        case Expr::Kind::name: return Sym::sym(e.text, parameter_node);
        case Expr::Kind::negate: return neg(operand(e.args[0]));
        case Expr::Kind::binary: {
            Sym a = operand(e.args[0]), b = operand(e.args[1]);
            switch (e.op) {
                case '+': return Sym::of(K::sum, {a, b});
                case '-': return Sym::of(K::sum, {a, neg(b)});
                case '*': return prod({a, b});
                case '/': return Sym::of(K::quotient, {a, b});
                default: return Sym::of(K::power, {a, b});
            }
        }
        case Expr::Kind::call: {
            static const std::pair<const char*, F> names[] = {
                {"exp", F::exp}, {"ln", F::ln}, {"log", F::ln}, {"sqrt", F::sqrt}, {"sin", F::sin},
                {"cos", F::cos}, {"tan", F::tan}, {"tanh", F::tanh}, {"sigmoid", F::sigmoid},
                {"relu", F::relu}, {"abs", F::abs}, {"leaky_relu", F::leaky_relu}};
            for (const auto& [name, fn] : names)
                if (e.text == name) {
                    const double slope = e.args.size() == 2 ? operand(e.args[1]).number : 0.01;
                    return Sym::call(fn, operand(e.args[0]), fn == F::leaky_relu ? slope : 0);
                }
            for (std::uint32_t i = 0; i < functions.size(); ++i)
                if (e.text == functions[i].name) {
                    Sym call = Sym::call(F::user, operand(e.args[0]));
                    call.name = e.text;
                    call.user = i;
                    return call;
                }
            throw ExpressionError(e.begin, "unknown function '" + e.text + "'");
        }
    }
    return Sym::num(0);
}

// The rule for the function's derivative at its argument u, `self` standing for its own value:
// rules.hpp's local_rule, written as a tree.
Sym function_rule(const Sym& e, const Sym& self, const Tape& tape) {
    const Sym& u = e.args[0];
    switch (e.fn) {
        case F::exp: return self;
        case F::ln: return Sym::of(K::quotient, {Sym::num(1), u});
        case F::sqrt: return Sym::of(K::quotient, {Sym::num(1), prod({Sym::num(2), self})});
        case F::sin: return Sym::call(F::cos, u);
        case F::cos: return neg(Sym::call(F::sin, u));
        case F::tan: return Sym::of(K::sum, {Sym::num(1), Sym::of(K::power, {self, Sym::num(2)})});
        case F::tanh: return Sym::of(K::sum, {Sym::num(1), neg(Sym::of(K::power, {self, Sym::num(2)}))});
        case F::sigmoid: {
            // A run reproducing the slip σ′ = z·(1 − z) writes that formula, as the student did.
            const Sym& at = tape.slips().sigmoid_slope_at_preactivation ? u : self;
            return prod({at, Sym::of(K::sum, {Sym::num(1), neg(at)})});
        }
        case F::relu: return Sym::call(F::step, u);
        case F::leaky_relu: return Sym::call(F::leaky_step, u, e.param);
        case F::abs: return Sym::call(F::sign, u);
        case F::step: case F::leaky_step: case F::sign: return Sym::num(0);
        case F::user: {
            const Sym body = body_of(tape.functions().at(e.user), tape.functions());
            return substitute(derivative(body, parameter_node, body, tape), parameter_node, u);
        }
    }
    return Sym::num(0);
}

// The derivative before the last simplification; `self` writes e's own value.
Sym d(const Sym& e, NodeId wrt, const Sym& self, const Tape& tape) {
    auto inner = [&](const Sym& a) { return simplify(d(a, wrt, a, tape)); };
    switch (e.kind) {
        case K::number: return Sym::num(0);
        case K::symbol: return Sym::num(e.node == wrt ? 1 : 0);
        case K::sum: {
            Sym s = Sym::of(K::sum, {});
            for (const Sym& a : e.args) s.args.push_back(inner(a));
            return s;
        }
        case K::product: {
            // ∂(u·v)/∂u = v: each factor's rule (the other factors) times its own derivative.
            Sym s = Sym::of(K::sum, {});
            for (std::size_t i = 0; i < e.args.size(); ++i) {
                Sym di = inner(e.args[i]);
                if (di.is_number(0)) continue;
                Sym term = prod({});
                for (std::size_t j = 0; j < e.args.size(); ++j)
                    if (j != i) term.args.push_back(e.args[j]);
                term.args.push_back(std::move(di));
                s.args.push_back(std::move(term));
            }
            return s;
        }
        case K::negate: return neg(inner(e.args[0]));
        case K::quotient: {  // ∂(u/v)/∂u = 1/v, ∂(u/v)/∂v = −u/v²
            const Sym& u = e.args[0];
            const Sym& v = e.args[1];
            return Sym::of(K::sum, {Sym::of(K::quotient, {inner(u), v}),
                                    neg(Sym::of(K::quotient, {prod({u, inner(v)}), Sym::of(K::power, {v, Sym::num(2)})}))});
        }
        case K::power: {  // ∂(u^n)/∂u = n·u^(n−1); ∂(u^v)/∂v = u^v·ln u
            const Sym& u = e.args[0];
            const Sym& v = e.args[1];
            if (v.kind == K::number) return prod({v, Sym::of(K::power, {u, Sym::num(v.number - 1)}), inner(u)});
            Sym dv = inner(v);
            Sym first = prod({v, Sym::of(K::power, {u, Sym::of(K::sum, {v, Sym::num(-1)})}), inner(u)});
            if (dv.is_number(0)) return first;
            return Sym::of(K::sum, {first, prod({self, Sym::call(F::ln, u), dv})});
        }
        case K::function: {
            Sym du = inner(e.args[0]);
            if (du.is_number(0)) return Sym::num(0);
            return prod({function_rule(e, self, tape), du});
        }
    }
    return Sym::num(0);
}

Sym simplify_sum(std::vector<Sym> terms) {
    std::vector<Sym> flat;
    for (Sym& t : terms) {
        Sym s = simplify(t);
        if (s.kind == K::sum) flat.insert(flat.end(), s.args.begin(), s.args.end());
        else flat.push_back(std::move(s));
    }
    // Numbers folded into one, where the first of them stood: 1 − out stays "1 − out".
    double constant = 0;
    long at = -1;
    std::vector<Sym> out;
    for (Sym& t : flat) {
        const bool negative_number = t.kind == K::negate && t.args[0].kind == K::number;
        if (t.kind == K::number || negative_number) {
            constant += t.kind == K::number ? t.number : -t.args[0].number;
            if (at < 0) at = static_cast<long>(out.size());
            continue;
        }
        out.push_back(std::move(t));
    }
    if (constant != 0) out.insert(out.begin() + at, Sym::num(constant));
    if (out.empty()) return Sym::num(0);
    if (out.size() == 1) return out[0];
    return Sym::of(K::sum, std::move(out));
}

Sym simplify_product(std::vector<Sym> factors) {
    double coefficient = 1;
    std::vector<Sym> rest;
    for (Sym& f : factors) {
        Sym s = simplify(f);
        while (s.kind == K::negate) {
            coefficient = -coefficient;
            Sym inner = s.args[0];
            s = std::move(inner);
        }
        if (s.kind == K::number) coefficient *= s.number;
        else if (s.kind == K::product)
            for (const Sym& g : s.args) {
                if (g.kind == K::number) coefficient *= g.number;
                else rest.push_back(g);
            }
        else rest.push_back(std::move(s));
    }
    if (coefficient == 0 || rest.empty()) return Sym::num(coefficient);
    Sym base = rest.size() == 1 && std::fabs(coefficient) == 1 ? rest[0] : prod({});
    if (base.kind == K::product) {
        if (std::fabs(coefficient) != 1) base.args.push_back(Sym::num(std::fabs(coefficient)));
        base.args.insert(base.args.end(), rest.begin(), rest.end());
        if (base.args.size() == 1) base = base.args[0];
    }
    return coefficient < 0 ? neg(std::move(base)) : base;
}

double apply_function(const Sym& e, double x, const Arithmetic& a, const Tape* tape) {
    switch (e.fn) {
        case F::exp: return std::exp(x);
        case F::ln: return std::log(x);
        case F::sqrt: return std::sqrt(x);
        case F::sin: return std::sin(x);
        case F::cos: return std::cos(x);
        case F::tan: return std::tan(x);
        case F::tanh: return std::tanh(x);
        case F::sigmoid: return 1.0 / (1.0 + std::exp(-x));
        case F::relu: return x > 0 ? x : 0.0;
        case F::leaky_relu: return x > 0 ? x : e.param * x;
        case F::abs: return std::fabs(x);
        case F::step: return x > 0 ? 1.0 : 0.0;
        case F::leaky_step: return x > 0 ? 1.0 : e.param;
        case F::sign: return x > 0 ? 1.0 : (x < 0 ? -1.0 : 0.0);
        case F::user:
            if (!tape) throw std::logic_error("a user function evaluated without its tape");
            return tape->functions().at(e.user).evaluate(x, a)[0];
    }
    return 0;
}

}  // namespace

Sym body_of(const UserFunction& f, const std::vector<UserFunction>& functions) {
    const Expr body = parse_expression(f.body);
    // Counted without recursion: the count is what keeps from_expr's recursion shallow.
    std::size_t operations = 0;
    std::vector<const Expr*> pending{&body};
    while (!pending.empty()) {
        const Expr* e = pending.back();
        pending.pop_back();
        if (++operations > max_formula_operations)
            throw ExpressionError(1, "the body of " + f.name + " is too long to derive as a formula");
        for (const Expr& a : e->args) pending.push_back(&a);
    }
    return from_expr(body, functions);
}

Sym substitute(const Sym& e, NodeId at, const Sym& by) {
    if (e.kind == K::symbol) return e.node == at ? by : e;
    Sym out = e;
    for (Sym& a : out.args) a = substitute(a, at, by);
    return out;
}

Sym derivative(const Sym& e, NodeId wrt, const Sym& self_name, const Tape& tape) {
    return simplify(d(e, wrt, self_name, tape));
}

Sym simplify(const Sym& e) {
    switch (e.kind) {
        case K::number: case K::symbol: return e;
        case K::sum: return simplify_sum(e.args);
        case K::product: return simplify_product(e.args);
        case K::negate: {
            Sym a = simplify(e.args[0]);
            if (a.kind == K::number) return Sym::num(-a.number);
            if (a.kind == K::negate) return a.args[0];
            return neg(std::move(a));
        }
        case K::quotient: {
            Sym a = simplify(e.args[0]), b = simplify(e.args[1]);
            if (b.is_number(1) || a.is_number(0)) return a;
            if (a.kind == K::number && b.kind == K::number && b.number != 0) return Sym::num(a.number / b.number);
            if (a.kind == K::negate) return neg(Sym::of(K::quotient, {a.args[0], b}));
            return Sym::of(K::quotient, {a, b});
        }
        case K::power: {
            Sym a = simplify(e.args[0]), b = simplify(e.args[1]);
            if (b.is_number(1)) return a;
            if (b.is_number(0) || a.is_number(1)) return Sym::num(1);
            if (a.kind == K::number && b.kind == K::number) return Sym::num(std::pow(a.number, b.number));
            return Sym::of(K::power, {a, b});
        }
        case K::function: {
            Sym out = e;
            out.args[0] = simplify(e.args[0]);
            if (out.args[0].kind == K::number && e.fn != F::user)
                return Sym::num(apply_function(out, out.args[0].number, Arithmetic::exact(), nullptr));
            return out;
        }
    }
    return e;
}

double evaluate(const Sym& e, const std::function<double(const Sym&)>& value_of, const Arithmetic& a,
                const Tape& tape) {
    auto v = [&](const Sym& s) { return evaluate(s, value_of, a, tape); };
    switch (e.kind) {
        case K::number: return e.number;
        case K::symbol: return value_of(e);
        case K::sum: case K::product: {
            // From the left, each partial result written down rounded.
            double acc = v(e.args.at(0));
            for (std::size_t i = 1; i < e.args.size(); ++i)
                acc = a.apply(e.kind == K::sum ? acc + v(e.args[i]) : acc * v(e.args[i]));
            return acc;
        }
        case K::negate: return -v(e.args[0]);
        case K::quotient: return a.apply(v(e.args[0]) / v(e.args[1]));
        case K::power: {
            const double x = v(e.args[0]), n = v(e.args[1]);
            return a.apply(n == 2 ? x * x : std::pow(x, n));
        }
        case K::function: return a.apply(apply_function(e, v(e.args[0]), a, &tape));
    }
    return 0;
}

}  // namespace nntrace
