#include <catch2/catch.hpp>

#include "core/builder.hpp"
#include "core/expression.hpp"

using namespace nntrace;

namespace {

double eval(const std::string& expr, double x = 2.0) {
    Tape t;
    Scope s;
    s.names["x"] = t.input("x", x);
    return t[build(t, parse_expression(expr), expr, s)].value.exact;
}

int error_column(const std::string& expr) {
    try {
        parse_expression(expr);
    } catch (const ExpressionError& e) {
        return e.column();
    }
    return -1;
}

std::string error_message(const std::string& expr) {
    try {
        parse_expression(expr);
    } catch (const ExpressionError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("Expressions: unary minus binds looser than ^", "[expression]") {
    CHECK(eval("-x^2") == -4.0);
    CHECK(eval("(-x)^2") == 4.0);
}

TEST_CASE("Expressions: ^ is right-associative", "[expression]") {
    CHECK(eval("2^3^2") == 512.0);
}

TEST_CASE("Expressions: products bind tighter than sums", "[expression]") {
    CHECK(eval("1 + 2*3") == 7.0);
    CHECK(eval("(1 + 2)*3") == 9.0);
    CHECK(eval("8 / 2 / 2") == 2.0);
    CHECK(eval("8 - 2 - 2") == 4.0);
}

TEST_CASE("Expressions: numbers in exponent notation", "[expression]") {
    CHECK(eval("1e-3") == 0.001);
    CHECK(eval("2.5E2") == 250.0);
    CHECK(eval(".5 + x") == 2.5);
}

TEST_CASE("Expressions: exponents may be negative", "[expression]") {
    CHECK(eval("x^-1") == 0.5);
    CHECK(eval("2*-x") == -4.0);
}

TEST_CASE("Expressions: functions nest", "[expression]") {
    CHECK(eval("sqrt(ln(x^2))", 2.0) == Approx(std::sqrt(std::log(4.0))));
    CHECK(eval("sin(x)^2 + cos(x)^2", 0.7) == Approx(1.0));
}

TEST_CASE("Expressions: a missing operand names its column", "[expression]") {
    CHECK(error_column("2 * (x + ") == 10);
    CHECK(error_message("2 * (x + ").find("expected a number, a name or '('") != std::string::npos);
}

TEST_CASE("Expressions: an unclosed parenthesis names what was expected", "[expression]") {
    CHECK(error_column("(x + 1") == 7);
    CHECK(error_message("(x + 1").find("')'") != std::string::npos);
}

TEST_CASE("Expressions: two operands in a row are an error at the second", "[expression]") {
    CHECK(error_column("x 2") == 3);
}

TEST_CASE("Expressions: a bad exponent in a number names its column", "[expression]") {
    CHECK(error_column("1e+") == 2);
}

TEST_CASE("Expressions: an empty expression is an error", "[expression]") {
    CHECK(error_column("   ") == 4);
}

TEST_CASE("Expressions: an unknown name is reported at its column when built", "[expression]") {
    Tape t;
    Scope s;
    const std::string e = "2*w + q";
    try {
        build(t, parse_expression(e), e, s);
        FAIL("expected an error");
    } catch (const ExpressionError& err) {
        CHECK(err.column() == 3);
    }
}

TEST_CASE("Expressions: an unknown function is reported at its column", "[expression]") {
    Tape t;
    Scope s;
    s.names["x"] = t.input("x", 1);
    const std::string e = "1 + softmax(x)";
    try {
        build(t, parse_expression(e), e, s);
        FAIL("expected an error");
    } catch (const ExpressionError& err) {
        CHECK(err.column() == 5);
    }
}

TEST_CASE("Expressions: names_in lists each name once in order of use", "[expression]") {
    CHECK(names_in(parse_expression("w1*x1 + w4*x2 + b1 + w1")) ==
          std::vector<std::string>{"w1", "x1", "w4", "x2", "b1"});
}

TEST_CASE("Expressions: a named node's formula keeps the structure with minimal parentheses", "[expression]") {
    Tape t;
    Scope s;
    s.names["y"] = t.input("y", 1);
    s.names["yhat"] = t.input("yhat", 0.384);
    const std::string e = "0.5*(y - yhat)^2";
    std::string text;
    for (const auto& p : formula_of(parse_expression(e), s)) text += p.text;
    CHECK(text == "0.5*(y - yhat)^2");
}

TEST_CASE("Expressions: a user function may use only its parameter", "[expression]") {
    CHECK_THROWS_AS(make_user_function("s", "x", "x^2 + y"), ExpressionError);
}
