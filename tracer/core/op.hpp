// The primitive operations of the tape. Renderers and rules switch on this enum, so adding an
// operation makes the compiler point at every place that must learn it.
#pragma once

#include <cstdint>
#include <string_view>

namespace nntrace {

enum class Op : std::uint8_t {
    constant,    // a number written in the problem; never differentiated
    input,       // a number fed in: differentiable, never trained
    parameter,   // a number differentiated and trained
    identity,    // a named node that is just another name: h = z
    add, sub, mul, div,
    neg,
    pow,         // u^v with both sides variable
    powc,        // u^n with a constant exponent n (integer or real)
    exp, ln, sqrt, sin, cos, tan, tanh, sigmoid, relu, leaky_relu, abs,
    call,        // a one-argument function the user defined as an expression
};

// How many arguments an operation takes. Inline: the replay of a training round asks it for
// every node.
constexpr int arity(Op op) {
    switch (op) {
        case Op::constant: case Op::input: case Op::parameter: return 0;
        case Op::add: case Op::sub: case Op::mul: case Op::div: case Op::pow: return 2;
        case Op::identity: case Op::neg: case Op::powc: case Op::exp: case Op::ln: case Op::sqrt:
        case Op::sin: case Op::cos: case Op::tan: case Op::tanh: case Op::sigmoid: case Op::relu:
        case Op::leaky_relu: case Op::abs: case Op::call: return 1;
    }
    return 0;
}

// The operation's name as written in expressions and in the JSON record ("mul", "sigmoid").
std::string_view op_name(Op op);

}  // namespace nntrace
