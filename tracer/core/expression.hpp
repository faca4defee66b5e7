// The expression language of problem files and lessons: `sigmoid(w1*i1 + w2*i2 + b1)`,
// `0.5*(y - yhat)^2`, `-x^2` (= −(x²)), `2^3^2` (= 2⁹).
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace nntrace {

struct Expr {
    enum class Kind { number, name, negate, binary, call };
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

// Parses one expression; throws ExpressionError naming the column and what was expected.
Expr parse_expression(std::string_view source);

// Every name the expression reads (not function names), in order of first use, each once.
std::vector<std::string> names_in(const Expr& e);

// The first use of a name, for error messages; nullptr if it is not used.
const Expr* find_name(const Expr& e, std::string_view name);

}  // namespace nntrace
