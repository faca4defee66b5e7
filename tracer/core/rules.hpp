// Each operation's forward formula and its local derivatives, written side by side.
#pragma once

#include <array>
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
Evaluation evaluate(Op op, const std::array<double, 2>& args, double param);

// The rule for ∂node/∂arg_k. Not meaningful for leaves and user functions.
LocalRule local_rule(Op op, int k);

}  // namespace nntrace
