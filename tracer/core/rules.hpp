// Each operation's forward formula and its local derivatives, written side by side.
#pragma once

#include <array>
#include <cmath>
#include <stdexcept>
#include <string_view>
#include <vector>

#include "op.hpp"

namespace nntrace {

// A piece of a local derivative's formula: literal text, or a reference to a value that the
// record substitutes (the node's own value, or one of its arguments).
struct RulePiece {
    enum class Ref { none, self, arg0, arg1, param };  // param: the constant exponent or slope
    Ref ref = Ref::none;
    std::string_view text;  // for Ref::none
};

// The rule that produced one local derivative: its name ("∂(u·v)/∂u = v") and its formula in
// terms of the node and its arguments, so a page can show "v = 9".
struct LocalRule {
    std::string_view name;
    std::vector<RulePiece> formula;
};

// The value of an operation and its local derivatives ∂node/∂arg_k at given argument values.
struct Evaluation {
    double value = 0;
    std::array<double, 2> local{};
};

// `param` is the constant exponent (powc), the slope (leaky_relu) or the value (constant).
// Inline, because a replayed training round evaluates every node with it.
// Forward value, and beside it every local derivative ∂node/∂arg_k.
inline Evaluation evaluate(Op op, const std::array<double, 2>& a, double param) {
    const double x = a[0], y = a[1];
    switch (op) {
        case Op::constant: return {param, {}};
        case Op::input: case Op::parameter: return {x, {}};
        case Op::identity: return {x, {1.0}};
        case Op::add: return {x + y, {1.0, 1.0}};
        case Op::sub: return {x - y, {1.0, -1.0}};
        case Op::mul: return {x * y, {y, x}};
        case Op::div: return {x / y, {1.0 / y, -x / (y * y)}};
        case Op::neg: return {-x, {-1.0}};
        case Op::pow: {
            const double p = std::pow(x, y);
            // ∂/∂v = u^v·ln u exists only for u > 0; for u ≤ 0 it is left at 0 when v is a
            // constant, which is the only way a problem can reach it.
            return {p, {y * std::pow(x, y - 1.0), x > 0 ? p * std::log(x) : 0.0}};
        }
        // A square is the common case (every squared error): x·x and 2·x are what pow gives,
        // bit for bit (both are correctly rounded), without pow's cost.
        case Op::powc:
            if (param == 2.0) return {x * x, {2.0 * x}};
            return {std::pow(x, param), {param * std::pow(x, param - 1.0)}};
        case Op::exp: { const double e = std::exp(x); return {e, {e}}; }
        case Op::ln: return {std::log(x), {1.0 / x}};
        case Op::sqrt: { const double r = std::sqrt(x); return {r, {1.0 / (2.0 * r)}}; }
        case Op::sin: return {std::sin(x), {std::cos(x)}};
        case Op::cos: return {std::cos(x), {-std::sin(x)}};
        case Op::tan: { const double tv = std::tan(x); return {tv, {1.0 + tv * tv}}; }
        case Op::tanh: { const double th = std::tanh(x); return {th, {1.0 - th * th}}; }
        case Op::sigmoid: { const double s = 1.0 / (1.0 + std::exp(-x)); return {s, {s * (1.0 - s)}}; }
        // At 0 the derivative of relu and abs is taken as 0, the convention of every framework.
        case Op::relu: return {x > 0 ? x : 0.0, {x > 0 ? 1.0 : 0.0}};
        case Op::leaky_relu: return {x > 0 ? x : param * x, {x > 0 ? 1.0 : param}};
        case Op::abs: return {std::fabs(x), {x > 0 ? 1.0 : (x < 0 ? -1.0 : 0.0)}};
        case Op::call: break;  // user functions are evaluated by the tape through their body
    }
    throw std::logic_error("evaluate: operation without a forward rule");
}


// The rule for ∂node/∂arg_k. Not meaningful for leaves and user functions.
LocalRule local_rule(Op op, int k);

}  // namespace nntrace
