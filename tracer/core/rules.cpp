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


}  // namespace

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
