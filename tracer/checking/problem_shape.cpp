#include "checking/problem_shape.hpp"

#include <algorithm>
#include <vector>

namespace nntrace {
namespace {

// The terms of a sum, counted with a stack of its own: a chain `a + b + …` is as deep as it is
// long (issue 14, item 6).
int terms_of(const Expr& e) {
    int terms = 0;
    std::vector<const Expr*> pending{&e};
    while (!pending.empty()) {
        const Expr* part = pending.back();
        pending.pop_back();
        if (part->kind == Expr::Kind::binary && (part->op == '+' || part->op == '-')) {
            pending.push_back(&part->args[1]);
            pending.push_back(&part->args[0]);
        } else {
            ++terms;
        }
    }
    return terms;
}

}  // namespace

bool is_bias(const std::string& name) { return !name.empty() && (name[0] == 'b' || name[0] == 'B'); }

std::vector<std::string> bias_params(const Problem& problem) {
    std::vector<std::string> out;
    for (const auto& q : problem.params)
        if (is_bias(q.name)) out.push_back(q.name);
    return out;
}

std::map<std::string, int> depths_from_loss(const Problem& problem) {
    std::map<std::string, int> depth;
    if (!problem.loss) return depth;
    depth[problem.loss->name] = 0;
    // The nodes are in dependency order, so walking them backwards meets every consumer of a
    // name before the name itself: its depth is final when it is reached.
    for (auto n = problem.nodes.rbegin(); n != problem.nodes.rend(); ++n) {
        const auto here = depth.find(n->name);
        if (here == depth.end()) continue;
        for (const auto& name : names_in(n->expr)) {
            int& d = depth[name];
            d = std::max(d, here->second + 1);
        }
    }
    return depth;
}

int loss_terms(const Problem& problem) { return terms_of(loss_node(problem).expr); }

NodeDefinition& loss_node(Problem& problem) {
    return *std::find_if(problem.nodes.begin(), problem.nodes.end(),
                         [&](const NodeDefinition& n) { return n.name == problem.loss->name; });
}

const NodeDefinition& loss_node(const Problem& problem) { return loss_node(const_cast<Problem&>(problem)); }

}  // namespace nntrace
