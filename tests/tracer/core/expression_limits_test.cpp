// Inputs that once overflowed the stack (issue 14, item 6) and labels that grew with the square
// of a chain's length (item 7): deep nesting is refused at a column, long chains are built
// without recursion and with labels of bounded length.
#include <catch2/catch.hpp>

#include <string>

#include "core/backward.hpp"
#include "core/builder.hpp"
#include "core/expression.hpp"

using namespace nntrace;

namespace {

std::string repeated(const std::string& part, int times) {
    std::string out;
    for (int i = 0; i < times; ++i) out += part;
    return out;
}

// "w + w + … + w" with `terms` terms.
std::string chain_of(const std::string& term, const std::string& op, int terms) {
    return term + repeated(op + term, terms - 1);
}

int nesting_error_column(const std::string& expr) {
    try {
        parse_expression(expr);
    } catch (const ExpressionError& e) {
        CHECK_THAT(e.what(), Catch::Contains("nests more than " + std::to_string(max_expression_nesting)));
        return e.column();
    }
    return -1;
}

}  // namespace

TEST_CASE("Expression limits: 10,000 nested parentheses are refused at the first too deep", "[expression][limits]") {
    const std::string text = repeated("(", 10000) + "x" + repeated(")", 10000);
    CHECK(nesting_error_column(text) == max_expression_nesting + 1);
}

TEST_CASE("Expression limits: 100,000 unary minus signs are refused at the first too deep", "[expression][limits]") {
    CHECK(nesting_error_column(repeated("-", 100000) + "x") == max_expression_nesting + 1);
}

TEST_CASE("Expression limits: a tower of 100,000 powers is refused", "[expression][limits]") {
    const int column = nesting_error_column(chain_of("w", "^", 100000));
    // Each '^' opens a level: the first too deep is the operand after the 100th '^'.
    CHECK(column == 2 * max_expression_nesting + 1);
}

TEST_CASE("Expression limits: nested exp( calls are refused", "[expression][limits]") {
    const std::string text = repeated("exp(", 50000) + "x" + repeated(")", 50000);
    CHECK(nesting_error_column(text) == 4 * max_expression_nesting + 1);
}

TEST_CASE("Expression limits: nesting up to the limit still parses and builds", "[expression][limits]") {
    const int levels = max_expression_nesting - 1;  // the outermost unary counts one level too
    const std::string text = repeated("(", levels) + "x" + repeated(")", levels);
    Tape tape;
    Scope scope;
    scope.names["x"] = tape.input("x", 2.5);
    CHECK(tape[build(tape, parse_expression(text), text, scope)].value.exact == 2.5);
}

TEST_CASE("Expression limits: a 40,000-term sum is built and differentiated", "[expression][limits]") {
    const int terms = 40000;
    const std::string text = chain_of("w", " + ", terms);
    Tape tape;
    Scope scope;
    scope.names["w"] = tape.parameter("w", 0.5);
    const NodeId root = build(tape, parse_expression(text), text, scope);
    CHECK(tape[root].value.exact == terms * 0.5);
    CHECK(backward(tape, root).of[scope.names["w"]].exact == terms);
}

TEST_CASE("Expression limits: a long chain of products and quotients builds in order", "[expression][limits]") {
    // x * 2 / 2 * 2 / 2 …: left to right, every pair cancels.
    const std::string text = "x" + repeated(" * 2 / 2", 20000);
    Tape tape;
    Scope scope;
    scope.names["x"] = tape.input("x", 3.0);
    CHECK(tape[build(tape, parse_expression(text), text, scope)].value.exact == 3.0);
}

TEST_CASE("Expression limits: a 500,000-term expression is copied, searched and destroyed", "[expression][limits]") {
    const std::string text = chain_of("w", "+", 500000) + "+zz";
    const Expr parsed = parse_expression(text);
    const Expr copy = parsed;  // NOLINT: the copy itself is the test
    const std::vector<std::string> names = names_in(copy);
    REQUIRE(names.size() == 2);
    CHECK(names[1] == "zz");
    const Expr* unknown = find_name(copy, "zz");
    REQUIRE(unknown != nullptr);
    CHECK(unknown->begin == static_cast<int>(text.size()) - 1);
}

TEST_CASE("Expression limits: a long chain's formula prints every term once", "[expression][limits]") {
    const std::string text = chain_of("w", " - ", 30000);
    Scope scope;
    const std::vector<FormulaRef> formula = formula_of(parse_expression(text), scope);
    std::string printed;
    for (const auto& piece : formula) printed += piece.text;
    CHECK(printed == text);
}

TEST_CASE("Expression limits: labels of a long chain's steps have a bounded length", "[expression][labels]") {
    const int terms = 4000;
    std::string text;
    for (int i = 1; i <= terms; ++i) text += (i > 1 ? " + " : "") + std::string("w") + std::to_string(i % 10);
    Tape tape;
    Scope scope;
    for (int i = 0; i < 10; ++i) scope.names["w" + std::to_string(i)] = tape.parameter("w" + std::to_string(i), i);
    build(tape, parse_expression(text), text, scope);
    std::size_t longest = 0;
    for (NodeId id = 0; id < tape.size(); ++id) longest = std::max(longest, tape.name(id).size());
    CHECK(longest <= 64);
}

TEST_CASE("Expression limits: a long label keeps its first and last terms whole", "[expression][labels]") {
    std::string text;
    for (int i = 1; i <= 100; ++i) text += (i > 1 ? " + " : "") + std::string("w") + std::to_string(i) + "*x" + std::to_string(i);
    const std::string label = label_of(text, 1, static_cast<int>(text.size()) + 1);
    CHECK(label.rfind("w1*x1 + w2*x2 + ", 0) == 0);
    CHECK(label.find(" … ") != std::string::npos);
    REQUIRE(label.size() >= 9);
    CHECK(label.substr(label.size() - 9) == "w100*x100");
    CHECK(label_of("w1*x1 + b1", 1, 11) == "w1*x1 + b1");
}
