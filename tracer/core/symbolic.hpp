// Formulas as a person manipulates them: a small expression tree over named quantities, its
// derivative taken by the elementary rules (the same rules as rules.hpp, written as trees), and
// simplified the way a person writes — constants folded, 1·x, x^1 and +0 gone, 0.5·2 cancelled,
// −1·(…) written −(…). Used to give each named local derivative a formula in the problem's names.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "record.hpp"
#include "tape.hpp"

namespace nntrace {

struct Sym {
    enum class Kind { number, symbol, sum, product, negate, quotient, power, function };
    // The functions of the expression language, and the three a derivative brings: the step of
    // relu (1 if u > 0, else 0), of leaky_relu (1 if u > 0, else `param`) and the sign of |u|.
    enum class Fn { exp, ln, sqrt, sin, cos, tan, tanh, sigmoid, relu, leaky_relu, abs, step, leaky_step, sign, user };

    Kind kind = Kind::number;
    double number = 0;        // number
    std::string name;         // symbol: the named quantity; user function: its name
    NodeId node = 0;          // symbol: its node on the tape
    Fn fn = Fn::exp;          // function
    double param = 0;         // leaky_relu, leaky_step: the slope
    std::uint32_t user = 0;   // Fn::user: index into Tape::functions()
    std::vector<Sym> args;    // sum, product: the terms or factors; the others: their operands

    static Sym num(double v);
    static Sym sym(std::string name, NodeId node);
    static Sym of(Kind kind, std::vector<Sym> args);
    static Sym call(Fn fn, Sym arg, double param = 0);

    bool is_number(double v) const { return kind == Kind::number && number == v; }
};

// The most operations a formula in names may hold. Past it a formula is beyond reading, and the
// symbolic rules, which recurse over the formula, would need more stack than a thread has (a
// 4,000-term w + w + … overflowed it under AddressSanitizer).
constexpr std::size_t max_formula_operations = 256;

// The node a user function's parameter stands for inside its body.
constexpr NodeId parameter_node = 0xFFFFFFFFu;

// The body of a user function as a tree over its parameter (a symbol at `parameter_node`); a call
// of another of the run's `functions` becomes a user-function call. Throws ExpressionError for a
// body the parser rejects or one of more than `max_formula_operations` operations.
Sym body_of(const UserFunction& f, const std::vector<UserFunction>& functions);

// `e` with every symbol at node `at` replaced by `by`.
Sym substitute(const Sym& e, NodeId at, const Sym& by);

// ∂e/∂(the symbol at node `wrt`) by the elementary rules, simplified. `self_name` is how the
// whole of `e` is written where a rule uses the node's own value (σ′ = σ·(1 − σ)): the named
// quantity `e` defines. `tape` gives the user functions and the slips a run reproduces.
Sym derivative(const Sym& e, NodeId wrt, const Sym& self_name, const Tape& tape);

// The way a person writes it (see the file comment). Idempotent.
Sym simplify(const Sym& e);

// The value of `e` with each symbol's value from `value_of`, each operation rounded as `a` says:
// what a student gets working the formula out on a calculator.
double evaluate(const Sym& e, const std::function<double(const Sym& symbol)>& value_of, const Arithmetic& a,
                const Tape& tape);

// `e` as record pieces: symbols carry the values `value_of` gives, constants their value alone.
Formula formula_of(const Sym& e, const std::function<Num(const Sym& symbol)>& value_of);

}  // namespace nntrace
