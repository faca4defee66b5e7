// The problem's computation on a tape, and what to say when a value cannot be computed.
#include <array>
#include <vector>

#include "core/builder.hpp"
#include "core/double_chars.hpp"
#include "problem/checks.hpp"
#include "problem/derivatives.hpp"
#include "problem/large_graph.hpp"
#include "problem/run_parts.hpp"

namespace nntrace {
namespace {

// An error message is not a page: it shows a faulty argument in the shortest form that reads
// back as the same double ("-2", "0.1"), not at a display precision, so no renderer is needed.
std::string shortest(double v) {
    return shortest_text(v);
}

// "ln of -2", "division by zero (1 / 0)", "s(1e200)": the operation and the values it got.
std::string describe(const NumericFault& f) {
    const std::string a = shortest(f.args[0]);
    const std::string b = shortest(f.args[1]);
    if (f.in_derivative) {
        const std::string at = arity(f.op) == 2 ? a + " and " + b : a;
        return "the derivative of " + std::string(op_name(f.op)) + " at " + at + " is not a finite number";
    }
    switch (f.op) {
        case Op::div: return f.args[1] == 0 ? "division by zero (" + a + " / 0)" : a + " / " + b + " is too large";
        case Op::ln: return "ln of " + a;
        case Op::sqrt: return "sqrt of " + a;
        case Op::pow: return a + " ^ " + b + " is not a finite number";
        case Op::powc: return "a power of " + a + " is not a finite number";
        case Op::call: return "a user function at " + a + " is not a finite number";
        default:
            if (arity(f.op) == 2) return std::string(op_name(f.op)) + " of " + a + " and " + b + " is not a finite number";
            return std::string(op_name(f.op)) + " of " + a + " is not a finite number";
    }
}

[[noreturn]] void blame(const Problem& p, const NodeDefinition& node, const std::string& what,
                        const std::string& when = "") {
    fail_at(p, node.source.at(1), what + " in node " + node.name + (when.empty() ? "" : " " + when));
}

Scope leaves_and_functions(const Problem& p, Tape& tape, const std::map<std::string, Num>& values) {
    Scope scope;
    scope.names.reserve(p.inputs.size() + p.params.size() + p.nodes.size());
    for (UserFunction& f : make_user_functions(p)) {
        const std::string name = f.name;
        scope.functions[name] = tape.add_function(std::move(f));
    }
    // One walk of the map into a hash table, then a lookup per leaf: a million descents of the
    // map's tree, each comparing names that share their first letters, cost three times more.
    NameMap<std::string_view, const Num*> value_of;
    value_of.reserve(values.size());
    for (const auto& [name, value] : values) value_of.emplace(name, &value);
    for (const auto& i : p.inputs) scope.names[i.name] = tape.input(i.name, *value_of.at(i.name));
    for (const auto& q : p.params) scope.names[q.name] = tape.parameter(q.name, *value_of.at(q.name));
    return scope;
}

struct NodeCount {
    std::size_t most = 0;    // a node per leaf, per part of each expression, per named node
    std::size_t fewest = 0;  // a node per leaf and per part that is not a name
};

// How many tape nodes the problem's graph takes, at most and at least: a name refers to a node
// that exists (and a bare name becomes an identity). Walked with a stack, as a chain of a
// million terms is a million deep.
NodeCount count_nodes(const Problem& p) {
    NodeCount count;
    count.most = count.fewest = p.inputs.size() + p.params.size();
    std::vector<const Expr*> pending;
    for (const NodeDefinition& node : p.nodes) {
        ++count.most;
        pending.push_back(&node.expr);
        while (!pending.empty()) {
            const Expr* e = pending.back();
            pending.pop_back();
            ++count.most;
            if (e->kind != Expr::Kind::name) ++count.fewest;
            for (const Expr& a : e->args) pending.push_back(&a);
        }
    }
    return count;
}

}  // namespace

NodeId build_problem_graph(const Problem& p, Tape& tape, const std::map<std::string, Num>& values) {
    // Known before building: the tape's array is allocated once, never doubled and copied.
    const NodeCount count = count_nodes(p);
    tape.reserve(tape.size() + count.most);
    // A graph that will be summarised (large_graph.hpp) shows no step but the loss's: its other
    // nodes need no labels and formulas. When derivatives are asked for, their chains need them.
    const bool summarised = count.fewest > nodes_shown_at_most && requested_derivatives(p).empty();
    const bool kept = tape.keeps_text();
    Scope scope = leaves_and_functions(p, tape, values);
    NodeId last = 0;
    for (const NodeDefinition& node : p.nodes) {
        const bool shown = p.loss ? node.name == p.loss->name : &node == &p.nodes.back();  // the summary's step
        tape.keep_text(kept && (!summarised || shown));
        try {
            last = build_named(tape, node.name, node.expr, node.source.text, scope);
        } catch (const NumericFault& f) {
            blame(p, node, describe(f));
        } catch (const ExpressionError& e) {  // checked when read; kept so nothing escapes unexplained
            fail_at(p, node.source.at(e.column()), "in node " + node.name + ": " + e.what());
        }
        scope.names[node.name] = last;
    }
    tape.keep_text(kept);
    if (p.loss) return scope.names.at(p.loss->name);
    return last;
}

void report_backward_fault(const Problem& p, const Tape& shape, const NumericFault& fault, const std::string& when) {
    // Each node's operations end with the node itself, so the first named node at or after the
    // faulty operation is the node whose expression contains it.
    for (NodeId id = fault.node; id < shape.size(); ++id) {
        if (!shape.is_named(id) || arity(shape[id].op) == 0) continue;
        for (const NodeDefinition& node : p.nodes)
            if (node.name == shape.name(id)) blame(p, node, describe(fault), when);
    }
    fail_at(p, {}, describe(fault) + (when.empty() ? "" : " " + when));
}

void report_update_fault(const Problem& p, int round, const std::string& name, double before, double rate,
                         double gradient) {
    const std::string g = gradient < 0 ? "(" + shortest(gradient) + ")" : shortest(gradient);
    fail_at(p, p.train ? p.train->where : FilePosition{},
            "round " + std::to_string(round) + ": the update of " + name + " overflows: " + name + " - rate*dL/d" +
                name + " = " + shortest(before) + " - " + shortest(rate) + "*" + g +
                " is beyond the largest double; is the rate too large?");
}

}  // namespace nntrace
