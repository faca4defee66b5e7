#include "problem/derivatives.hpp"

#include <algorithm>
#include <map>

#include "algorithms/training.hpp"
#include "core/backward.hpp"
#include "core/named_chain.hpp"
#include "core/errors.hpp"
#include "problem/checks.hpp"
#include "problem/run_parts.hpp"

namespace nntrace {
namespace {

bool is_node(const Problem& p, const std::string& name) {
    return std::any_of(p.nodes.begin(), p.nodes.end(), [&](const NodeDefinition& n) { return n.name == name; });
}

bool is_leaf(const Problem& p, const std::string& name) {
    auto named = [&](const NamedNumber& n) { return n.name == name; };
    return std::any_of(p.inputs.begin(), p.inputs.end(), named) || std::any_of(p.params.begin(), p.params.end(), named);
}

bool same(const DerivativeRequest& a, const DerivativeRequest& b) { return a.of == b.of && a.wrt == b.wrt; }

// Which nodes depend on one of `targets` (the targets included): the tape is in topological
// order, so one forward sweep finds them.
std::vector<bool> depending_on(const Tape& tape, const std::vector<NodeId>& targets) {
    std::vector<bool> out(tape.size(), false);
    for (NodeId t : targets) out[t] = true;
    for (NodeId i = 0; i < tape.size(); ++i)
        for (int k = 0; k < arity(tape[i].op); ++k)
            if (out[tape[i].args[static_cast<std::size_t>(k)]]) out[i] = true;
    return out;
}

// The backward pass cut down to the paths between the asked names and the root: a page about
// ∂E_o1/∂out_h1 shows how E_o1 reaches out_h1, not how it reaches every weight.
Gradients on_paths(const Gradients& g, const std::vector<bool>& on_path) {
    Gradients out{g.root, g.of, g.reaches, {}, {}};
    std::vector<std::size_t> new_index(g.terms.size(), 0);
    for (std::size_t t = 0; t < g.terms.size(); ++t) {
        new_index[t] = out.terms.size();
        if (on_path[g.terms[t].target]) out.terms.push_back(g.terms[t]);
    }
    for (const SumAtNode& s : g.sums) {
        if (!on_path[s.node]) continue;
        SumAtNode kept = s;
        for (auto& t : kept.terms) t = new_index[t];
        kept.position = s.position < g.terms.size() ? new_index[s.position] : out.terms.size();
        out.sums.push_back(std::move(kept));
    }
    return out;
}

Gradients differentiate(const Problem& p, const Tape& tape, NodeId root) {
    try {
        return backward(tape, root);
    } catch (const NumericFault& f) {
        report_backward_fault(p, tape, f);
    }
}

// The chains, steps and elementary lines for every derivative of one node.
struct DerivativeItems {
    std::vector<Item> shown, elementary;
};

DerivativeItems derivatives_of(const Problem& p, const Tape& tape, const std::string& of,
                               const std::vector<DerivativeRequest>& asked) {
    std::vector<NodeId> targets;
    for (const auto& d : asked)
        if (d.of == of) targets.push_back(*tape.find(d.wrt));
    const Gradients g = differentiate(p, tape, *tape.find(of));
    DerivativeItems out;
    out.shown = named_chain_items(tape, g, targets, "");
    for (NodeId t : targets) out.shown.emplace_back(gradient_step(tape, g, t, ""));
    out.elementary = chain_rule_items(tape, on_paths(g, depending_on(tape, targets)), "");
    return out;
}

}  // namespace

std::optional<DerivativeRequest> parse_derivative_name(const std::string& text) {
    const auto slash = text.find('/');
    if (slash == std::string::npos || text.find('/', slash + 1) != std::string::npos) return std::nullopt;
    const std::string top = text.substr(0, slash), bottom = text.substr(slash + 1);
    if (top.size() < 2 || bottom.size() < 2 || top[0] != 'd' || bottom[0] != 'd') return std::nullopt;
    DerivativeRequest d{top.substr(1), bottom.substr(1)};
    if (!is_valid_name(d.of) || !is_valid_name(d.wrt)) return std::nullopt;
    return d;
}

std::optional<std::string> derivative_problem(const Problem& p, const DerivativeRequest& d) {
    if (!is_node(p, d.of))
        return is_leaf(p, d.of) ? "'" + d.of + "' is an input or a param; only a node can be differentiated"
                                : "the problem has no node named '" + d.of + "'";
    if (!is_node(p, d.wrt) && !is_leaf(p, d.wrt)) return "the problem has no node, input or param named '" + d.wrt + "'";
    return std::nullopt;
}

std::vector<DerivativeRequest> requested_derivatives(const Problem& p) {
    std::vector<DerivativeRequest> out;
    auto add = [&](const DerivativeRequest& d) {
        if (p.loss && d.of == p.loss->name) return;
        if (std::none_of(out.begin(), out.end(), [&](const DerivativeRequest& o) { return same(o, d); })) out.push_back(d);
    };
    for (const auto& d : p.derivatives) {
        if (auto why = derivative_problem(p, d)) throw InputError(p.file, 0, 0, "d" + d.of + "/d" + d.wrt + ": " + *why);
        add(d);
    }
    // An answer that names no derivative, or one that cannot be computed, is judged missing.
    for (const auto& a : p.answers)
        if (auto d = parse_derivative_name(a.name); d && !derivative_problem(p, *d)) add(*d);
    return out;
}

std::vector<Section> derivatives_sections(const Problem& p, const Tape& tape, const std::vector<DerivativeRequest>& asked) {
    Section s{"derivatives", Message{"problem.section.derivatives", {}}, {}};
    Section steps{"derivatives-steps", Message{"chain.section.elementary", {}}, {}};
    steps.folded = true;
    std::vector<std::string> roots;  // in order of first request
    for (const auto& d : asked)
        if (std::find(roots.begin(), roots.end(), d.of) == roots.end()) roots.push_back(d.of);
    for (const auto& of : roots) {
        DerivativeItems items = derivatives_of(p, tape, of, asked);
        for (auto& item : items.shown) s.items.push_back(std::move(item));
        for (auto& item : items.elementary) steps.items.push_back(std::move(item));
    }
    make_keys_unique(s.items);
    make_keys_unique(steps.items);
    if (steps.items.empty()) return {std::move(s)};
    return {std::move(s), std::move(steps)};
}

}  // namespace nntrace
