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

// How many arguments an operation takes.
int arity(Op op);

// The operation's name as written in expressions and in the JSON record ("mul", "sigmoid").
std::string_view op_name(Op op);

}  // namespace nntrace
