#include "checking/follow_on.hpp"

#include "core/backward.hpp"
#include "problem/run_parts.hpp"

namespace nntrace {
namespace {

Arithmetic arithmetic_of(const Problem& p) {
    return p.decimals ? Arithmetic::hand(*p.decimals, p.rounding) : Arithmetic::exact();
}

bool is_leaf(Op op) { return op == Op::constant || op == Op::input || op == Op::parameter; }

}  // namespace

FollowOn::FollowOn(const Problem& problem, const std::vector<std::pair<std::string, std::string>>& sets)
    : tape_(arithmetic_of(problem)) {
    const RunValues v = apply_sets(problem, sets);
    loss_ = build_problem_graph(problem, tape_, v.values);
    if (problem.loss) loss_name_ = problem.loss->name;
    trains_ = problem.train.has_value();
    rate_ = v.rate;
}

FollowOn::FollowOn(const Problem& problem, const std::vector<std::pair<std::string, std::string>>& sets, const Tape& built,
                   NodeId loss, const std::vector<Num>& leaves)
    : tape_(built), loss_(loss) {
    std::size_t next = 0;
    for (NodeId id = 0; id < tape_.size(); ++id)
        if (tape_[id].op == Op::input || tape_[id].op == Op::parameter) tape_.set_numbers(id, NodeNumbers{leaves.at(next++), tape_[id].local});
    if (problem.loss) loss_name_ = problem.loss->name;
    trains_ = problem.train.has_value();
    if (trains_) rate_ = apply_sets(problem, sets).rate;  // only an update reads it
}

bool FollowOn::carries(const std::string& name) const {
    const auto id = tape_.find(name);
    return id && !is_leaf(tape_[*id].op);
}

// The forward pass again, each node from its arguments' numbers, with the student's values put
// in for theirs. A written value is used as written in both tracks; its local derivatives are
// those of its arguments, except where the rule reads the node's own value (σ′ = σ(1 − σ)).
Tape FollowOn::replayed(const std::map<std::string, double>& given) const {
    Tape t = tape_;
    for (NodeId i = 0; i < t.size(); ++i) {
        const Node& n = t[i];
        if (is_leaf(n.op)) continue;
        std::array<Num, 2> args{};
        for (int k = 0; k < arity(n.op); ++k) args[static_cast<std::size_t>(k)] = t[n.args[static_cast<std::size_t>(k)]].value;
        NodeNumbers numbers = t.numbers_of(i, n, args);
        if (const auto g = given.find(std::string(t.name(i))); t.is_named(i) && g != given.end()) {
            numbers.value = Num::both(g->second);
            if (n.op == Op::sigmoid) numbers.local[0] = Num::both(t.arithmetic().apply(g->second * (1 - g->second)));
            if (n.op == Op::exp) numbers.local[0] = numbers.value;
        }
        t.set_numbers(i, numbers);
    }
    return t;
}

std::optional<double> FollowOn::value(const std::string& key, const std::map<std::string, double>& given) const {
    if (key.find('@') != std::string::npos) return std::nullopt;
    try {
        const Tape t = replayed(given);
        if (const auto id = t.find(key); id && !is_leaf(t[*id].op)) return t[*id].value.hand;
        std::string derivative = key;
        const bool update = !key.empty() && key.back() == '+';
        if (update) {
            if (!trains_ || loss_name_.empty()) return std::nullopt;
            derivative = "d" + loss_name_ + "/d" + key.substr(0, key.size() - 1);
        }
        const auto d = parse_derivative_name(derivative);
        if (!d) return std::nullopt;
        const auto of = t.find(d->of), wrt = t.find(d->wrt);
        if (!of || !wrt) return std::nullopt;
        const double g = backward(t, *of).of[*wrt].hand;
        if (!update) return g;
        const Arithmetic& a = t.arithmetic();
        return a.apply(t[*wrt].value.hand - a.apply(rate_ * g));
    } catch (const NumericFault&) {
        return std::nullopt;
    }
}

}  // namespace nntrace
