#include "rules.hpp"

#include <cmath>
#include <stdexcept>

namespace nntrace {
namespace {

using R = RulePiece::Ref;
RulePiece t(std::string_view s) { return {R::none, s}; }
RulePiece self() { return {R::self, {}}; }
RulePiece u() { return {R::arg0, {}}; }
RulePiece v() { return {R::arg1, {}}; }
RulePiece n() { return {R::param, {}}; }

double sigmoid(double z) { return 1.0 / (1.0 + std::exp(-z)); }

}  // namespace

int arity(Op op) {
    switch (op) {
        case Op::constant: case Op::input: case Op::parameter: return 0;
        case Op::add: case Op::sub: case Op::mul: case Op::div: case Op::pow: return 2;
        case Op::identity: case Op::neg: case Op::powc: case Op::exp: case Op::ln: case Op::sqrt:
        case Op::sin: case Op::cos: case Op::tan: case Op::tanh: case Op::sigmoid: case Op::relu:
        case Op::leaky_relu: case Op::abs: case Op::call: return 1;
    }
    return 0;
}

std::string_view op_name(Op op) {
    switch (op) {
        case Op::constant: return "constant";
        case Op::input: return "input";
        case Op::parameter: return "parameter";
        case Op::identity: return "identity";
        case Op::add: return "add";
        case Op::sub: return "sub";
        case Op::mul: return "mul";
        case Op::div: return "div";
        case Op::neg: return "neg";
        case Op::pow: return "pow";
        case Op::powc: return "powc";
        case Op::exp: return "exp";
        case Op::ln: return "ln";
        case Op::sqrt: return "sqrt";
        case Op::sin: return "sin";
        case Op::cos: return "cos";
        case Op::tan: return "tan";
        case Op::tanh: return "tanh";
        case Op::sigmoid: return "sigmoid";
        case Op::relu: return "relu";
        case Op::leaky_relu: return "leaky_relu";
        case Op::abs: return "abs";
        case Op::call: return "call";
    }
    return "?";
}

// Forward value, and beside it every local derivative ∂node/∂arg_k.
Evaluation evaluate(Op op, const std::array<double, 2>& a, double param) {
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
        case Op::powc: return {std::pow(x, param), {param * std::pow(x, param - 1.0)}};
        case Op::exp: { const double e = std::exp(x); return {e, {e}}; }
        case Op::ln: return {std::log(x), {1.0 / x}};
        case Op::sqrt: { const double r = std::sqrt(x); return {r, {1.0 / (2.0 * r)}}; }
        case Op::sin: return {std::sin(x), {std::cos(x)}};
        case Op::cos: return {std::cos(x), {-std::sin(x)}};
        case Op::tan: { const double tv = std::tan(x); return {tv, {1.0 + tv * tv}}; }
        case Op::tanh: { const double th = std::tanh(x); return {th, {1.0 - th * th}}; }
        case Op::sigmoid: { const double s = sigmoid(x); return {s, {s * (1.0 - s)}}; }
        // At 0 the derivative of relu and abs is taken as 0, the convention of every framework.
        case Op::relu: return {x > 0 ? x : 0.0, {x > 0 ? 1.0 : 0.0}};
        case Op::leaky_relu: return {x > 0 ? x : param * x, {x > 0 ? 1.0 : param}};
        case Op::abs: return {std::fabs(x), {x > 0 ? 1.0 : (x < 0 ? -1.0 : 0.0)}};
        case Op::call: break;  // user functions are evaluated by the tape through their body
    }
    throw std::logic_error("evaluate: operation without a forward rule");
}

LocalRule local_rule(Op op, int k) {
    switch (op) {
        case Op::constant: case Op::input: case Op::parameter: case Op::call: return {"", {}};
        case Op::identity: return {"∂u/∂u = 1", {t("1")}};
        case Op::add: return {k == 0 ? "∂(u+v)/∂u = 1" : "∂(u+v)/∂v = 1", {t("1")}};
        case Op::sub: return k == 0 ? LocalRule{"∂(u−v)/∂u = 1", {t("1")}}
                                    : LocalRule{"∂(u−v)/∂v = −1", {t("−1")}};
        case Op::mul: return k == 0 ? LocalRule{"∂(u·v)/∂u = v", {v()}}
                                    : LocalRule{"∂(u·v)/∂v = u", {u()}};
        case Op::div: return k == 0 ? LocalRule{"∂(u/v)/∂u = 1/v", {t("1/"), v()}}
                                    : LocalRule{"∂(u/v)/∂v = −u/v²", {t("−"), u(), t("/"), v(), t("²")}};
        case Op::neg: return {"∂(−u)/∂u = −1", {t("−1")}};
        case Op::pow: return k == 0 ? LocalRule{"∂(u^v)/∂u = v·u^(v−1)", {v(), t("·"), u(), t("^("), v(), t("−1)")}}
                                    : LocalRule{"∂(u^v)/∂v = u^v·ln u", {self(), t("·ln "), u()}};
        case Op::powc: return {"∂(u^n)/∂u = n·u^(n−1)", {n(), t("·"), u(), t("^("), n(), t("−1)")}};
        case Op::exp: return {"exp′(u) = exp(u)", {self()}};
        case Op::ln: return {"ln′(u) = 1/u", {t("1/"), u()}};
        case Op::sqrt: return {"√′(u) = 1/(2√u)", {t("1/(2·"), self(), t(")")}};
        case Op::sin: return {"sin′(u) = cos u", {t("cos "), u()}};
        case Op::cos: return {"cos′(u) = −sin u", {t("−sin "), u()}};
        case Op::tan: return {"tan′(u) = 1 + tan²u", {t("1 + "), self(), t("²")}};
        case Op::tanh: return {"tanh′(u) = 1 − tanh²u", {t("1 − "), self(), t("²")}};
        case Op::sigmoid: return {"σ′(z) = σ(z)(1 − σ(z))", {self(), t("·(1 − "), self(), t(")")}};
        case Op::relu: return {"relu′(u) = 1 if u > 0, else 0", {t("["), u(), t(" > 0]")}};
        case Op::leaky_relu: return {"leaky_relu′(u) = 1 if u > 0, else a", {t("["), u(), t(" > 0 ? 1 : "), n(), t("]")}};
        case Op::abs: return {"|u|′ = sign(u)", {t("sign "), u()}};
    }
    return {"", {}};
}

}  // namespace nntrace
