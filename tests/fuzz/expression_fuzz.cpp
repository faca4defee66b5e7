// libFuzzer target: any text as an expression. Parsing either succeeds or throws
// ExpressionError (deep nesting included: max_expression_nesting); building and differentiating
// either succeeds or throws NumericFault or ExpressionError (an unknown name). A parsed
// expression copies, prints and labels without recursion; a copy reads the same names. The
// scope has a user function calling another (t calls s). Anything else — a crash, a sanitizer
// report, another exception — is a bug.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/backward.hpp"
#include "core/builder.hpp"

using namespace nntrace;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    Expr e;
    try {
        e = parse_expression(text);
    } catch (const ExpressionError& err) {
        if (err.column() < 1 || static_cast<std::size_t>(err.column()) > text.size() + 1) __builtin_trap();
        return 0;
    }
    {
        const Expr copy = e;
        if (names_in(copy) != names_in(e)) __builtin_trap();
        if (label_of(text, e.begin, e.end).size() > 80) __builtin_trap();
        formula_of(copy, Scope{});
    }
    const UserFunction s = make_user_function("s", "x", "x^2");
    const UserFunction t = make_user_function("t", "x", "s(x) + 1", {s});
    for (Rounding r : {Rounding::exact, Rounding::half_up}) {
        Tape tape(r == Rounding::exact ? Arithmetic::exact() : Arithmetic::hand(3));
        Scope scope;
        scope.names["x"] = tape.input("x", 0.85);
        scope.names["y"] = tape.parameter("y", -1.5);
        scope.functions["s"] = tape.add_function(s);
        scope.functions["t"] = tape.add_function(t);
        try {
            const NodeId root = build(tape, e, text, scope);
            backward(tape, root);
        } catch (const ExpressionError&) {
        } catch (const NumericFault&) {
        }
    }
    return 0;
}
