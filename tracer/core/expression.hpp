// The expression language of problem files and lessons: `sigmoid(w1*i1 + w2*i2 + b1)`,
// `0.5*(y - yhat)^2`, `-x^2` (= −(x²)), `2^3^2` (= 2⁹).
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace nntrace {

// A chain `a + b + … + z` is a left-deep tree as deep as it is long, so nothing walks an Expr
// by recursion on its left operands: copying and destroying one, and every traversal below,
// keep their own stack. Everything else nests at most max_expression_nesting levels deep.
struct Expr {
    enum class Kind { number, name, negate, binary, call };

    Expr() = default;
    Expr(const Expr& other);
    Expr(Expr&&) noexcept = default;
    Expr& operator=(const Expr& other);
    Expr& operator=(Expr&&) noexcept = default;
    ~Expr();

    Kind kind = Kind::number;
    char op = 0;            // binary: one of + - * / ^
    std::string text;       // the number as written, the name, or the function's name
    double number = 0;
    std::vector<Expr> args; // operands, or a call's arguments
    int begin = 0;          // 1-based column of its first character in the expression
    int end = 0;            // 1-based column just past its last character
};

// An error inside an expression, at a 1-based column of the expression's text.
class ExpressionError : public std::runtime_error {
public:
    ExpressionError(int column, const std::string& message)
        : std::runtime_error(message), column_(column) {}
    int column() const { return column_; }

private:
    int column_;
};

// How deep parentheses, function calls, signs and powers may nest in one expression: far more
// than any formula a person writes, far less than would exhaust the stack.
constexpr int max_expression_nesting = 100;

// Parses one expression; throws ExpressionError naming the column and what was expected (or
// that the expression nests deeper than max_expression_nesting).
Expr parse_expression(std::string_view source);

// `left op right` (op one of + - * / ^), spanning the columns of both operands: what the parser
// makes of such a text, for code that writes an expression and its text together.
Expr binary_expr(Expr left, char op, Expr right);

// The first part of `e` for which `visit` returns true, or nullptr: parents before their
// operands, left to right (the order in which the text reads), without recursion. A template,
// so that a visitor called for every part of a sum of a million terms is inlined.
template <typename Visit>
const Expr* first_part(const Expr& e, Visit&& visit) {
    std::vector<const Expr*> pending{&e};
    while (!pending.empty()) {
        const Expr* part = pending.back();
        pending.pop_back();
        if (visit(*part)) return part;
        for (auto a = part->args.rbegin(); a != part->args.rend(); ++a) pending.push_back(&*a);
    }
    return nullptr;
}

// Calls `visit` on every part of `e`, in the order of first_part.
template <typename Visit>
void for_each_part(const Expr& e, Visit&& visit) {
    first_part(e, [&visit](const Expr& part) {
        visit(part);
        return false;
    });
}

// Every name the expression reads (not function names), in order of first use, each once.
std::vector<std::string> names_in(const Expr& e);

// The first use of a name, for error messages; nullptr if it is not used.
const Expr* find_name(const Expr& e, std::string_view name);

}  // namespace nntrace
