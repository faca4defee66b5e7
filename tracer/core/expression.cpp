#include "expression.hpp"

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <unordered_set>

#include "utf8.hpp"

namespace nntrace {
namespace {

// Recursive descent, one function per precedence level:
//   sum     := product (('+' | '-') product)*
//   product := unary (('*' | '/') unary)*
//   unary   := '-' unary | '+' unary | power
//   power   := atom ('^' unary)?          right-associative, binds tighter than unary minus
//   atom    := number | name | name '(' sum (',' sum)* ')' | '(' sum ')'
// Sums and products loop; every other construct that nests goes through unary(), which counts
// the depth, so the recursion is bounded by max_expression_nesting.
class Parser {
public:
    explicit Parser(std::string_view s) : s_(s) {}

    Expr parse() {
        skip_space();
        if (at_end()) fail("expected an expression, found nothing");
        Expr e = sum();
        skip_space();
        if (!at_end()) fail("expected an operator or the end of the expression, found " + found());
        return e;
    }

private:
    Expr sum() {
        Expr left = product();
        for (;;) {
            skip_space();
            if (peek() != '+' && peek() != '-') return left;
            const char op = get();  // read before parsing the operand: argument order is unspecified
            left = binary(std::move(left), op, product());
        }
    }

    Expr product() {
        Expr left = unary();
        for (;;) {
            skip_space();
            if (peek() != '*' && peek() != '/') return left;
            const char op = get();
            left = binary(std::move(left), op, unary());
        }
    }

    // Counts one level of nesting for as long as it lives.
    class Nesting {
    public:
        explicit Nesting(Parser& p) : p_(p) {
            if (++p_.depth_ > max_expression_nesting)
                p_.fail("the expression nests more than " + std::to_string(max_expression_nesting) +
                        " levels deep (parentheses, function calls, signs and powers)");
        }
        ~Nesting() { --p_.depth_; }
        Nesting(const Nesting&) = delete;
        Nesting& operator=(const Nesting&) = delete;

    private:
        Parser& p_;
    };

    Expr unary() {
        skip_space();
        const Nesting nesting(*this);
        const int begin = column();
        if (peek() == '-' || peek() == '+') {
            const char sign = get();
            Expr operand = unary();
            if (sign == '+') return operand;
            Expr e;
            e.kind = Expr::Kind::negate;
            e.begin = begin;
            e.end = operand.end;
            e.args.push_back(std::move(operand));
            return e;
        }
        return power();
    }

    Expr power() {
        Expr base = atom();
        skip_space();
        if (peek() != '^') return base;
        const char op = get();
        return binary(std::move(base), op, unary());
    }

    Expr atom() {
        skip_space();
        const char c = peek();
        if (std::isdigit(static_cast<unsigned char>(c)) || c == '.') return number();
        if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') return name_or_call();
        if (c == '(') {
            const int begin = column();
            get();
            Expr inner = sum();
            expect(')', "a closing ')'");
            inner.begin = begin;  // the parentheses belong to the operand's source text
            inner.end = column();
            return inner;
        }
        fail("expected a number, a name or '(', found " + found());
    }

    Expr number() {
        Expr e;
        e.begin = column();
        const std::size_t start = pos_;
        while (std::isdigit(static_cast<unsigned char>(peek()))) ++pos_;
        if (peek() == '.') {
            ++pos_;
            while (std::isdigit(static_cast<unsigned char>(peek()))) ++pos_;
        }
        if (pos_ - start == 1 && s_[start] == '.') fail_at(e.begin, "expected digits around '.'");
        if (peek() == 'e' || peek() == 'E') {
            const std::size_t mark = pos_++;
            if (peek() == '+' || peek() == '-') ++pos_;
            if (!std::isdigit(static_cast<unsigned char>(peek())))
                fail_at(static_cast<int>(mark) + 1, "expected digits after the exponent 'e'");
            while (std::isdigit(static_cast<unsigned char>(peek()))) ++pos_;
        }
        e.kind = Expr::Kind::number;
        e.text = std::string(s_.substr(start, pos_ - start));
        e.number = std::strtod(e.text.c_str(), nullptr);
        if (!std::isfinite(e.number)) fail_at(e.begin, "the number " + e.text + " is too large");
        e.end = column();
        return e;
    }

    Expr name_or_call() {
        Expr e;
        e.begin = column();
        const std::size_t start = pos_;
        while (std::isalnum(static_cast<unsigned char>(peek())) || peek() == '_') ++pos_;
        e.text = std::string(s_.substr(start, pos_ - start));
        e.kind = Expr::Kind::name;
        skip_space();
        if (peek() == '(') {
            e.kind = Expr::Kind::call;
            get();
            skip_space();
            if (peek() == ')') fail("expected an argument for " + e.text + "(), found ')'");
            e.args.push_back(sum());
            skip_space();
            while (peek() == ',') {
                get();
                e.args.push_back(sum());
                skip_space();
            }
            expect(')', "',' or a closing ')' after the argument of " + e.text + "(");
        }
        e.end = e.kind == Expr::Kind::call ? column() : static_cast<int>(start + e.text.size()) + 1;
        return e;
    }

    static Expr binary(Expr left, char op, Expr right) { return binary_expr(std::move(left), op, std::move(right)); }

    void expect(char c, const std::string& what) {
        skip_space();
        if (peek() != c) fail("expected " + what + ", found " + found());
        get();
    }

    std::string found() const {
        if (at_end()) return "the end of the expression";
        return "'" + visible_character_at(s_, pos_) + "'";  // "é" whole, not its first byte
    }

    [[noreturn]] void fail(const std::string& message) const { fail_at(column(), message); }
    [[noreturn]] static void fail_at(int column, const std::string& message) {
        throw ExpressionError(column, message);
    }

    void skip_space() {
        while (!at_end() && std::isspace(static_cast<unsigned char>(s_[pos_]))) ++pos_;
    }
    bool at_end() const { return pos_ >= s_.size(); }
    char peek() const { return at_end() ? '\0' : s_[pos_]; }
    char get() { return s_[pos_++]; }
    int column() const { return static_cast<int>(pos_) + 1; }

    std::string_view s_;
    std::size_t pos_ = 0;
    int depth_ = 0;
};

void copy_fields(const Expr& from, Expr& to) {
    to.kind = from.kind;
    to.op = from.op;
    to.text = from.text;
    to.number = from.number;
    to.begin = from.begin;
    to.end = from.end;
}

}  // namespace

Expr::Expr(const Expr& other) {
    // Breadth by breadth: each node's operands are sized once, then filled, so the pointers to
    // them stay valid while they wait on the stack.
    copy_fields(other, *this);
    std::vector<std::pair<const Expr*, Expr*>> pending{{&other, this}};
    while (!pending.empty()) {
        const auto [from, to] = pending.back();
        pending.pop_back();
        to->args.resize(from->args.size());
        for (std::size_t i = 0; i < from->args.size(); ++i) {
            copy_fields(from->args[i], to->args[i]);
            pending.emplace_back(&from->args[i], &to->args[i]);
        }
    }
}

Expr& Expr::operator=(const Expr& other) {
    if (this != &other) *this = Expr(other);
    return *this;
}

Expr::~Expr() {
    // Operands are taken apart one level at a time, so each destroyed Expr has none left.
    std::vector<Expr> pending = std::move(args);
    while (!pending.empty()) {
        Expr last = std::move(pending.back());
        pending.pop_back();
        for (auto& a : last.args) pending.push_back(std::move(a));
        last.args.clear();
    }
}

Expr binary_expr(Expr left, char op, Expr right) {
    Expr e;
    e.kind = Expr::Kind::binary;
    e.op = op;
    e.begin = left.begin;
    e.end = right.end;
    e.args.reserve(2);  // one allocation, not two: a network's sums hold a million of these
    e.args.push_back(std::move(left));
    e.args.push_back(std::move(right));
    return e;
}

Expr parse_expression(std::string_view source) { return Parser(source).parse(); }

std::vector<std::string> names_in(const Expr& e) {
    std::vector<std::string> out;
    std::unordered_set<std::string_view> seen;
    first_part(e, [&](const Expr& part) {
        if (part.kind == Expr::Kind::name && seen.insert(part.text).second) out.push_back(part.text);
        return false;
    });
    return out;
}

const Expr* find_name(const Expr& e, std::string_view name) {
    return first_part(e, [&](const Expr& part) { return part.kind == Expr::Kind::name && part.text == name; });
}

}  // namespace nntrace
