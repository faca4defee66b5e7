#include "checking/graph_replay.hpp"

#include <cstring>
#include <map>
#include <memory>
#include <tuple>

#include "core/backward.hpp"
#include "core/recording.hpp"
#include "problem/large_graph.hpp"
#include "core/replay_graph.hpp"
#include "problem/run_parts.hpp"

namespace nntrace {
namespace {

// A [functions] entry that works out s(x) and s′(x) once per argument and arithmetic: the runs by
// hand at 0…9 decimals all work their exact track on the same numbers, and a call runs the
// function's body on a tape of its own. Keyed by the argument's bits (−0 is not 0). Not under a
// RoundingWatch, which must see every value rounded.
UserFunction remembering(UserFunction f) {
    using Key = std::tuple<std::uint64_t, int, int>;
    auto memo = std::make_shared<std::map<Key, std::array<double, 2>>>();
    f.evaluate = [inner = f.evaluate, memo](double x, const Arithmetic& a) {
        if (RoundingWatch::active()) return inner(x, a);
        std::uint64_t bits = 0;
        std::memcpy(&bits, &x, sizeof bits);
        const Key key{bits, static_cast<int>(a.rounding), a.decimals};
        if (const auto hit = memo->find(key); hit != memo->end()) return hit->second;
        const auto value = inner(x, a);
        memo->emplace(key, value);
        return value;
    };
    return f;
}

}  // namespace

GraphReplay::GraphReplay(const Problem& problem, const RunOptions& options)
    : shape_(arithmetic_for(problem, options), options.slips), sets_(options.sets) {
    RunValues v = apply_sets(problem, options.sets);
    loss_ = build_problem_graph(problem, shape_, v.values);
    leaves_ = std::move(v.values);
    for (const UserFunction& f : shape_.functions()) functions_.push_back(remembering(f));
    has_loss_ = problem.loss.has_value();
    trains_ = problem.train.has_value();
    if (has_loss_) plan_ = plan_backward(shape_, loss_);
    for (NodeId id = 0; id < shape_.size(); ++id)
        if (shape_[id].op == Op::input || shape_[id].op == Op::parameter) leaf_names_.emplace_back(shape_.name(id));
}

const Tape& GraphReplay::calculator(const Arithmetic& a, const Slips& slips) const {
    for (const Calculator& c : calculators_)
        if (c.arithmetic.rounding == a.rounding && c.arithmetic.decimals == a.decimals &&
            c.slipped == slips.sigmoid_slope_at_preactivation)
            return *c.tape;
    auto tape = std::make_unique<Tape>(a, slips);
    for (const UserFunction& f : functions_) tape->add_function(f);
    calculators_.push_back({a, slips.sigmoid_slope_at_preactivation, std::move(tape)});
    return *calculators_.back().tape;
}

std::optional<AnswerValues> GraphReplay::worked_out(const Arithmetic& a, const Slips& slips,
                                                    const std::map<std::string, Num>& leaves,
                                                    const std::vector<KeyAt>& at, const std::vector<std::string>& keys) const {
    const Tape& calc = calculator(a, slips);
    const std::size_t n = shape_.size();
    value_.assign(n, Num{});
    local_.assign(n, {});
    std::size_t leaf = 0;
    try {
        for (NodeId id = 0; id < n; ++id) {
            const Node& node = shape_[id];
            if (node.op == Op::constant) {
                value_[id] = Num::both(node.param);  // as Tape::constant writes it
            } else if (node.op == Op::input || node.op == Op::parameter) {
                const auto given = leaves.find(leaf_names_[leaf++]);
                if (given == leaves.end()) return std::nullopt;  // not the same problem
                value_[id] = given->second;
            } else {
                std::array<Num, 2> args{};
                for (int k = 0; k < arity(node.op); ++k)
                    args[static_cast<std::size_t>(k)] = value_[node.args[static_cast<std::size_t>(k)]];
                const NodeNumbers numbers = calc.numbers_of(id, node, args);
                value_[id] = numbers.value;
                local_[id] = numbers.local;
            }
        }
        if (has_loss_) {
            gradient_.assign(n, Num{});
            contribution_.assign(plan_.terms.size(), Num{});
            run_backward<Num>(
                plan_, a,
                [&](std::size_t, const BackwardPlan::Term& t) { return local_[t.through][static_cast<std::size_t>(t.arg)]; },
                [&](NodeId node, const Num& g) { gradient_[node] = g; },
                [&](std::size_t t) { return contribution_[t]; },
                [&](std::size_t t, const Num& c) { contribution_[t] = c; },
                [&](const BackwardPlan::Visit& v) { throw NumericFault{v.node, shape_[v.node].op, {0, 0}, true}; });
        }
    } catch (const NumericFault&) {
        return std::nullopt;  // the build reports it at the node's expression
    }
    AnswerValues out;
    for (std::size_t i = 0; i < keys.size(); ++i) out[keys[i]] = at[i].gradient ? gradient_[at[i].node] : value_[at[i].node];
    return out;
}

// Each key as keys_on_tape finds it (a node's name first, then "d<loss>/d<node>"), on the shape;
// null when one is not on the graph.
const std::vector<GraphReplay::KeyAt>* GraphReplay::keys_at(const std::vector<std::string>& keys) const {
    if (asked_at_ && asked_ == keys) return &*asked_at_;
    asked_ = keys;
    asked_at_.reset();
    std::vector<KeyAt> at;
    const std::string prefix = "d" + display_name(shape_, loss_) + "/d";
    for (const auto& k : keys) {
        if (const auto id = shape_.find(k)) {
            at.push_back({*id, false});
        } else if (has_loss_ && k.rfind(prefix, 0) == 0) {
            const auto node = shape_.find(std::string_view(k).substr(prefix.size()));
            if (!node) return nullptr;
            at.push_back({*node, true});
        } else {
            return nullptr;
        }
    }
    asked_at_ = std::move(at);
    return &*asked_at_;
}

std::optional<AnswerValues> GraphReplay::read(const Tape& tape, bool has_loss, const std::vector<std::string>& keys) const {
    const std::vector<KeyAt>* at = has_loss == has_loss_ ? keys_at(keys) : nullptr;
    if (!at) return keys_on_tape(tape, loss_, has_loss, keys);
    std::optional<Gradients> gradients;
    if (has_loss) {
        try {
            gradients = gradient_values(tape, loss_);
        } catch (const NumericFault&) {
            return std::nullopt;
        }
    }
    AnswerValues out;
    for (std::size_t i = 0; i < keys.size(); ++i)
        out[keys[i]] = (*at)[i].gradient ? gradients->of[(*at)[i].node] : tape[(*at)[i].node].value;
    return out;
}

std::optional<AnswerValues> GraphReplay::own_values(const std::vector<std::string>& keys) const {
    if (trains_) return std::nullopt;
    return read(shape_, has_loss_, keys);
}

std::optional<AnswerValues> GraphReplay::replayed(const Arithmetic& a, const Slips& slips, const std::map<std::string, Num>& leaves,
                                                  bool has_loss, const std::vector<std::string>& keys) const {
    if (has_loss == has_loss_)
        if (const std::vector<KeyAt>* at = keys_at(keys)) return worked_out(a, slips, leaves, *at, keys);
    try {
        return read(replay_graph(shape_, a, slips, leaves, &functions_), has_loss, keys);
    } catch (const NumericFault&) {
        return std::nullopt;  // the build reports it at the node's expression
    } catch (const std::out_of_range&) {
        return std::nullopt;  // a leaf the problem does not have: not the same problem
    }
}

std::optional<AnswerValues> GraphReplay::values(const Problem& p, const RunOptions& o,
                                                const std::vector<std::string>& keys) const {
    if (p.train || trains_) return std::nullopt;
    return replayed(arithmetic_for(p, o), o.slips, apply_sets(p, o.sets).values, p.loss.has_value(), keys);
}

std::optional<AnswerValues> GraphReplay::own_values_under(const RunOptions& o, const std::vector<std::string>& keys) const {
    if (trains_ || o.sets != sets_ || !o.arithmetic) return std::nullopt;
    return replayed(*o.arithmetic, o.slips, leaves_, has_loss_, keys);
}

}  // namespace nntrace
