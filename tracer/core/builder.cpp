#include "builder.hpp"

#include <cmath>
#include <deque>
#include <memory>

#include "backward.hpp"
#include "replay_graph.hpp"

namespace nntrace {
namespace {

struct Builtin {
    std::string_view name;
    Op op;
};

constexpr Builtin builtins[] = {
    {"exp", Op::exp},   {"ln", Op::ln},         {"log", Op::ln},     {"sqrt", Op::sqrt},
    {"sin", Op::sin},   {"cos", Op::cos},       {"tan", Op::tan},    {"tanh", Op::tanh},
    {"sigmoid", Op::sigmoid}, {"relu", Op::relu}, {"abs", Op::abs},  {"leaky_relu", Op::leaky_relu},
};

const Builtin* builtin(std::string_view name) {
    for (const auto& b : builtins)
        if (b.name == name) return &b;
    return nullptr;
}

// A constant exponent (`2`, `-1`, `0.5`) makes u^n a one-argument power.
std::optional<double> constant_value(const Expr& e) {
    if (e.kind == Expr::Kind::number) return e.number;
    if (e.kind == Expr::Kind::negate && e.args[0].kind == Expr::Kind::number) return -e.args[0].number;
    return std::nullopt;
}

constexpr double leaky_relu_default_slope = 0.01;

class Builder {
public:
    Builder(Tape& tape, std::string_view source, const Scope& scope)
        : tape_(tape), source_(source), scope_(scope) {}

    NodeId node(const Expr& e) {
        if (e.kind == Expr::Kind::binary) return chain(e);
        const NodeId id = make(e);
        label(id, e);
        return id;
    }

private:
    NodeId make(const Expr& e) {
        switch (e.kind) {
            case Expr::Kind::number: return tape_.constant(e.number, e.text);
            case Expr::Kind::name: {
                const NodeId* named = scope_.names.find(e.text);
                if (!named) throw ExpressionError(e.begin, "unknown name '" + e.text + "'");
                return *named;
            }
            case Expr::Kind::negate: return apply(Op::neg, {node(e.args[0])});
            case Expr::Kind::binary: return chain(e);
            case Expr::Kind::call: return call(e);
        }
        throw ExpressionError(e.begin, "unsupported expression");
    }

    // `a + b + … + z` is a left-deep tree as deep as the chain is long: walk down its left
    // operands, then build from the innermost out, without recursion. The nodes come out in the
    // same order as a recursive walk would give: each left operand, then the right, then the op.
    NodeId chain(const Expr& e) {
        std::vector<const Expr*> spine;
        const Expr* innermost = &e;
        for (; innermost->kind == Expr::Kind::binary; innermost = &innermost->args[0]) spine.push_back(innermost);
        NodeId left = node(*innermost);
        for (auto it = spine.rbegin(); it != spine.rend(); ++it) {
            left = binary(**it, left);
            label(left, **it);
        }
        return left;
    }

    NodeId binary(const Expr& e, NodeId left) {
        if (e.op == '^') {
            if (auto n = constant_value(e.args[1])) return apply(Op::powc, {left}, *n);
            return apply(Op::pow, {left, node(e.args[1])});
        }
        const Op op = e.op == '+' ? Op::add : e.op == '-' ? Op::sub : e.op == '*' ? Op::mul : Op::div;
        return apply(op, {left, node(e.args[1])});
    }

    // An unnamed node is labelled with the text it was built from, shortened when long.
    void label(NodeId id, const Expr& e) {
        if (!tape_.keeps_text()) return;
        if (!tape_.is_named(id) && tape_.name(id).empty()) tape_.label(id, label_of(source_, e.begin, e.end));
    }

    NodeId call(const Expr& e) {
        if (auto f = scope_.functions.find(e.text); f != scope_.functions.end()) {
            expect_arguments(e, 1);
            const NodeId arg = node(e.args[0]);
            return tape_.call(f->second, arg);
        }
        const Builtin* b = builtin(e.text);
        if (!b) throw ExpressionError(e.begin, "unknown function '" + e.text + "'");
        if (b->op == Op::leaky_relu && e.args.size() == 2) {
            auto slope = constant_value(e.args[1]);
            if (!slope) throw ExpressionError(e.args[1].begin, "the slope of leaky_relu must be a number");
            return apply(Op::leaky_relu, {node(e.args[0])}, *slope);
        }
        expect_arguments(e, 1);
        return apply(b->op, {node(e.args[0])}, b->op == Op::leaky_relu ? leaky_relu_default_slope : 0);
    }

    NodeId apply(Op op, std::vector<NodeId> args, double param = 0) {
        return tape_.apply(op, std::move(args), param);
    }

    static void expect_arguments(const Expr& e, std::size_t n) {
        if (e.args.size() != n)
            throw ExpressionError(e.begin, e.text + "() takes " + std::to_string(n) + " argument" +
                                               (n == 1 ? "" : "s") + ", not " + std::to_string(e.args.size()));
    }

    Tape& tape_;
    std::string_view source_;
    const Scope& scope_;
};

// Precedence for printing: sums 1, products 2, unary minus 3, powers 4, atoms 5.
int precedence(const Expr& e) {
    switch (e.kind) {
        case Expr::Kind::binary: return e.op == '^' ? 4 : (e.op == '*' || e.op == '/') ? 2 : 1;
        case Expr::Kind::negate: return 3;
        default: return 5;
    }
}

void print(const Expr& e, const Scope& scope, std::vector<FormulaRef>& out);

void print_operand(const Expr& e, bool parens, const Scope& scope, std::vector<FormulaRef>& out) {
    if (parens) out.push_back({"(", {}});
    print(e, scope, out);
    if (parens) out.push_back({")", {}});
}

// The operator of a binary expression and its right operand.
void print_right(const Expr& e, const Scope& scope, std::vector<FormulaRef>& out) {
    const int p = precedence(e);
    const Expr& r = e.args[1];
    const bool spaced = e.op == '+' || e.op == '-';
    out.push_back({spaced ? std::string(" ") + e.op + " " : std::string(1, e.op), {}});
    const bool r_parens = e.op == '^' ? precedence(r) < p
                                      : precedence(r) < p || (precedence(r) == p && (e.op == '-' || e.op == '/'));
    print_operand(r, r_parens, scope, out);
}

void print(const Expr& e, const Scope& scope, std::vector<FormulaRef>& out) {
    switch (e.kind) {
        case Expr::Kind::number: out.push_back({e.text, {}}); return;
        case Expr::Kind::name: {
            const NodeId* named = scope.names.find(e.text);
            out.push_back({e.text, named ? std::optional<NodeId>(*named) : std::nullopt});
            return;
        }
        case Expr::Kind::negate:
            out.push_back({"-", {}});
            print_operand(e.args[0], precedence(e.args[0]) < 3, scope, out);
            return;
        case Expr::Kind::binary: {
            // A chain `a + b - c + …` prints its left operands without parentheses: walk down
            // them without recursion, print the innermost, then each operator and right operand.
            std::vector<const Expr*> chain{&e};
            for (const Expr* link = &e; link->op != '^';) {
                const Expr& l = link->args[0];
                if (l.kind != Expr::Kind::binary || l.op == '^' || precedence(l) != precedence(*link)) break;
                chain.push_back(link = &l);
            }
            const Expr& innermost = *chain.back();
            const Expr& l = innermost.args[0];
            const int p = precedence(innermost);
            print_operand(l, innermost.op == '^' ? precedence(l) <= p : precedence(l) < p, scope, out);
            for (auto it = chain.rbegin(); it != chain.rend(); ++it) print_right(**it, scope, out);
            return;
        }
        case Expr::Kind::call:
            out.push_back({e.text + "(", {}});
            for (std::size_t i = 0; i < e.args.size(); ++i) {
                if (i) out.push_back({", ", {}});
                print(e.args[i], scope, out);
            }
            out.push_back({")", {}});
            return;
    }
}

}  // namespace

bool is_builtin_function(std::string_view name) { return builtin(name) != nullptr; }

std::string label_of(std::string_view source, int begin, int end) {
    constexpr std::size_t longest = 60;  // "w1*x1 + w2*x2 + b1" and its like stay whole
    constexpr std::size_t part = 28;     // of the head and of the tail, before cutting at a space
    const std::string_view text = source.substr(static_cast<std::size_t>(begin - 1), static_cast<std::size_t>(end - begin));
    if (text.size() <= longest) return std::string(text);
    std::string_view head = text.substr(0, part);
    std::string_view tail = text.substr(text.size() - part);
    // Whole terms only: the head ends before its last space, the tail starts after its first.
    if (const auto space = head.rfind(' '); space != std::string_view::npos && space > 0) head = head.substr(0, space);
    if (const auto space = tail.find(' '); space != std::string_view::npos) tail = tail.substr(space + 1);
    return std::string(head) + " … " + std::string(tail);
}

NodeId build(Tape& tape, const Expr& e, std::string_view source, const Scope& scope) {
    return Builder(tape, source, scope).node(e);
}

NodeId build_named(Tape& tape, const std::string& name, const Expr& e, std::string_view source,
                   const Scope& scope) {
    NodeId id = build(tape, e, source, scope);
    // A bare name or number would otherwise rename a node that already exists.
    if (e.kind == Expr::Kind::name) id = tape.apply(Op::identity, {id});
    tape.name(id, name, tape.keeps_text() ? formula_of(e, scope) : std::vector<FormulaRef>{});
    return id;
}

std::vector<FormulaRef> formula_of(const Expr& e, const Scope& scope) {
    std::vector<FormulaRef> out;
    print(e, scope, out);
    return out;
}

namespace {

// The arrays a call works its body out in, kept by the thread from call to call: allocating
// them anew was most of a call's cost, and the runs by hand call the functions of a class's
// every variant some hundred times. One level per call in progress, as a function's body may
// call another function.
class ScratchNumbers {
public:
    ScratchNumbers() {
        if (levels().size() == depth()) levels().emplace_back();
        ++depth();
    }
    ~ScratchNumbers() { --depth(); }
    ScratchNumbers(const ScratchNumbers&) = delete;
    ScratchNumbers& operator=(const ScratchNumbers&) = delete;

    ReplayNumbers& numbers() { return levels()[depth() - 1]; }

private:
    static std::deque<ReplayNumbers>& levels() {
        thread_local std::deque<ReplayNumbers> kept;  // a deque: a new level moves no other
        return kept;
    }
    static std::size_t& depth() {
        thread_local std::size_t in_progress = 0;
        return in_progress;
    }
};

}  // namespace

UserFunction make_user_function(const std::string& name, const std::string& parameter,
                                const std::string& body, std::vector<UserFunction> callees) {
    Expr parsed = parse_expression(body);
    for (const auto& n : names_in(parsed))
        if (n != parameter)
            throw ExpressionError(find_name(parsed, n)->begin,
                                  "a function of " + parameter + " can only use " + parameter + ", not '" + n + "'");
    // Shared, so that copying the function (every scratch tape registers its callees) does not
    // copy the functions they call in turn.
    const auto called = std::make_shared<const std::vector<UserFunction>>(std::move(callees));
    const auto scope_on = [called, parameter](Tape& tape, double x) {
        Scope scope;
        for (const UserFunction& f : *called) scope.functions[f.name] = tape.add_function(f);
        scope.names[parameter] = tape.input(parameter, x);
        return scope;
    };
    // The body's graph, built once at x = 1 (which also checks the functions it calls now, not
    // at the first call). A call works the graph's numbers out again at its x in its arithmetic
    // (work_out: the numbers a build and backward give), without building the body's names and
    // formulas anew. A body without a value at 1 (ln(x − 1)) is built at each call instead.
    auto shape = std::make_shared<Tape>();
    NodeId shape_out = 0, shape_arg = 0;
    bool replayable = true;
    try {
        const Scope scope = scope_on(*shape, 1.0);
        shape_arg = scope.names.at(parameter);
        shape_out = build(*shape, parsed, body, scope);
    } catch (const NumericFault&) {
        replayable = false;
    }
    std::function<std::array<double, 2>(double, const Arithmetic&)> evaluate;
    if (replayable) {
        const auto plan = std::make_shared<const BackwardPlan>(plan_backward(*shape, shape_out));
        evaluate = [shape = std::shared_ptr<const Tape>(shape), plan, shape_out, shape_arg, called](
                       double x, const Arithmetic& arithmetic) {
            Tape calculator(arithmetic);
            for (const UserFunction& f : *called) calculator.add_function(f);
            const Num at = Num::both(x);
            ScratchNumbers scratch;
            ReplayNumbers& numbers = scratch.numbers();
            work_out(*shape, calculator, [&](NodeId) { return &at; }, plan.get(), numbers);
            const bool hand = arithmetic.is_hand();
            return std::array<double, 2>{hand ? numbers.value[shape_out].hand : numbers.value[shape_out].exact,
                                         hand ? numbers.gradient[shape_arg].hand : numbers.gradient[shape_arg].exact};
        };
    } else {
        evaluate = [parsed, parameter, body, scope_on](double x, const Arithmetic& arithmetic) {
            // s(x) and s′(x) step by step on a scratch tape, in the caller's arithmetic.
            Tape scratch(arithmetic);
            const Scope scope = scope_on(scratch, x);
            const NodeId arg = scope.names.at(parameter);
            const NodeId out = build(scratch, parsed, body, scope);
            const Gradients g = backward(scratch, out);
            const double value = arithmetic.is_hand() ? scratch[out].value.hand : scratch[out].value.exact;
            const double slope = arithmetic.is_hand() ? g.of[arg].hand : g.of[arg].exact;
            return std::array<double, 2>{value, slope};
        };
    }
    return UserFunction{name, parameter, body, evaluate};
}

}  // namespace nntrace
