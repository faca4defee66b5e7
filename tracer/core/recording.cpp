#include "recording.hpp"

#include <algorithm>

#include "double_chars.hpp"
#include "expression.hpp"
#include "rules.hpp"
#include "symbolic.hpp"

namespace nntrace {
namespace {

// s′(x) of a user function, derived from its body (x^2 → 2*x), or nothing for a body the
// symbolic rules cannot read.
std::optional<Sym> user_derivative(const Tape& tape, const UserFunction& f) {
    try {
        const Sym body = body_of(f, tape.functions());
        return derivative(body, parameter_node, body, tape);
    } catch (const ExpressionError&) {
        return std::nullopt;
    }
}

// A constant of a derived rule as the rule's text writes it: the shortest digits that read back
// as the same double (2, 0.5), the way the problem's own formulas are written.
std::string constant_text(double v) {
    return shortest_text(v);
}

Formula local_formula(const Tape& tape, NodeId through, int k) {
    const Node& n = tape[through];
    if (n.op == Op::call) {
        const UserFunction& f = tape.functions()[n.function];
        const NodeId arg = n.args[0];
        // The derivative itself at the argument (2·z4 = 2·0.566), not s′(z4).
        if (const auto d = user_derivative(tape, f))
            return formula_of(substitute(*d, parameter_node, Sym::sym(display_name(tape, arg), arg)),
                              [&tape](const Sym& symbol) { return tape[symbol.node].value; });
        return {{f.name + "′(", {}}, {display_name(tape, arg), tape[arg].value}, {")", {}}};
    }
    Formula out;
    for (const RulePiece& p : local_rule(n.op, k).formula) {
        switch (p.ref) {
            case RulePiece::Ref::none: out.push_back({std::string(p.text), {}}); break;
            case RulePiece::Ref::self: out.push_back({display_name(tape, through), n.value}); break;
            case RulePiece::Ref::arg0: out.push_back({display_name(tape, n.args[0]), tape[n.args[0]].value}); break;
            case RulePiece::Ref::arg1: out.push_back({display_name(tape, n.args[1]), tape[n.args[1]].value}); break;
            case RulePiece::Ref::param: out.push_back({"", Num::both(n.param)}); break;
        }
    }
    return out;
}

std::string rule_name(const Tape& tape, NodeId through, int k) {
    const Node& n = tape[through];
    if (n.op == Op::call) {
        const UserFunction& f = tape.functions()[n.function];
        const std::string head = f.name + "′(" + f.parameter + ") = ";
        const auto d = user_derivative(tape, f);
        if (!d) return head + "d/d" + f.parameter + " (" + f.body + ")";
        // Written like the operations' own rules: "·" and "−".
        std::string text;
        for (const Piece& p : formula_of(*d, [](const Sym&) { return Num{}; }))
            text += p.text.empty() && p.value ? constant_text(p.value->exact) : p.text;
        std::string rule;
        for (char c : text) rule += c == '*' ? "·" : c == '-' ? "−" : std::string(1, c);
        return head + rule;
    }
    return std::string(local_rule(n.op, k).name);
}

}  // namespace

const std::string& display_name(const Tape& tape, NodeId id) { return tape[id].name; }

Diagram diagram_of(const Tape& tape, NodeId root, const Gradients* g, const std::string& key) {
    const Gradients own = g ? Gradients{} : backward(tape, root);
    const std::vector<bool>& reaches = g ? g->reaches : own.reaches;
    auto id_of = [](NodeId i) { return "n" + std::to_string(i); };
    Diagram d;
    d.key = key;
    d.root = id_of(root);
    std::vector<int> layer(tape.size(), 0);
    for (NodeId i = 0; i <= root; ++i) {
        const Node& n = tape[i];
        if (!reaches[i] || n.op == Op::constant) continue;
        for (int k = 0; k < arity(n.op); ++k) {
            const NodeId a = n.args[static_cast<std::size_t>(k)];
            if (tape[a].op == Op::constant) continue;
            layer[i] = std::max(layer[i], layer[a] + 1);
            DiagramEdge e{id_of(a), id_of(i), rule_name(tape, i, k), n.local[static_cast<std::size_t>(k)], {}};
            if (g)
                for (const ChainTerm& t : g->terms)
                    if (t.target == a && t.through == i && t.arg == k) e.contribution = t.contribution;
            d.edges.push_back(std::move(e));
        }
        DiagramNode dn{id_of(i), n.name, std::string(op_name(n.op)), n.named, layer[i], n.value, {}};
        if (g) dn.gradient = g->of[i];
        d.nodes.push_back(std::move(dn));
    }
    return d;
}

Step step_of(const Tape& tape, NodeId id, const std::string& key_prefix) {
    const Node& n = tape[id];
    Step s;
    s.key = key_prefix + n.name;
    s.name = n.name;
    for (const FormulaRef& r : n.formula) {
        if (r.node) s.formula.push_back({r.text, tape[*r.node].value});
        else s.formula.push_back({r.text, {}});
    }
    s.value = n.value;
    return s;
}

std::vector<Item> forward_steps(const Tape& tape, const std::string& key_prefix) {
    std::vector<Item> out;
    for (NodeId i = 0; i < tape.size(); ++i) {
        const Node& n = tape[i];
        if (n.named && arity(n.op) > 0) out.emplace_back(step_of(tape, i, key_prefix));
    }
    return out;
}

std::vector<Item> chain_lines(const Tape& tape, const Gradients& g, const std::string& key_prefix) {
    std::vector<Item> out;
    const std::string& root = display_name(tape, g.root);
    std::size_t next_sum = 0;
    for (std::size_t t = 0; t <= g.terms.size(); ++t) {
        // A sum is shown where its node's gradient becomes complete, before the node's own terms.
        while (next_sum < g.sums.size() && g.sums[next_sum].position == t) {
            const SumAtNode& s = g.sums[next_sum++];
            GradientSum line;
            line.root = root;
            line.target = display_name(tape, s.node);
            line.key = key_prefix + "d" + root + "/d" + line.target;
            for (auto i : s.terms) {
                line.through.push_back(display_name(tape, g.terms[i].through));
                line.terms.push_back(g.terms[i].contribution);
            }
            line.total = s.total;
            out.emplace_back(std::move(line));
        }
        if (t == g.terms.size()) break;
        const ChainTerm& c = g.terms[t];
        ChainLine line;
        line.root = root;
        line.target = display_name(tape, c.target);
        line.through = display_name(tape, c.through);
        line.key = key_prefix + "d" + root + "/d" + line.target + "/via/" + line.through;
        line.upstream = c.upstream;
        line.rule = rule_name(tape, c.through, c.arg);
        line.local_formula = local_formula(tape, c.through, c.arg);
        line.local = c.local;
        line.contribution = c.contribution;
        out.emplace_back(std::move(line));
    }
    return out;
}

}  // namespace nntrace
