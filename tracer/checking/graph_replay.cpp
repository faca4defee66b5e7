#include "checking/graph_replay.hpp"

#include <cstring>
#include <map>
#include <memory>
#include <tuple>

#include "core/backward.hpp"
#include "problem/large_graph.hpp"
#include "problem/replay_graph.hpp"
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
    : shape_(arithmetic_for(problem, options), options.slips) {
    const RunValues v = apply_sets(problem, options.sets);
    loss_ = build_problem_graph(problem, shape_, v.values);
    for (const UserFunction& f : shape_.functions()) functions_.push_back(remembering(f));
    has_loss_ = problem.loss.has_value();
    trains_ = problem.train.has_value();
}

std::optional<AnswerValues> GraphReplay::read(const Tape& tape, bool has_loss, const std::vector<std::string>& keys) const {
    return keys_on_tape(tape, loss_, has_loss, keys);
}

std::optional<AnswerValues> GraphReplay::own_values(const std::vector<std::string>& keys) const {
    if (trains_) return std::nullopt;
    return read(shape_, has_loss_, keys);
}

std::optional<AnswerValues> GraphReplay::values(const Problem& p, const RunOptions& o,
                                                const std::vector<std::string>& keys) const {
    if (p.train || trains_) return std::nullopt;
    const RunValues v = apply_sets(p, o.sets);
    try {
        return read(replay_graph(shape_, arithmetic_for(p, o), o.slips, v.values, &functions_), p.loss.has_value(), keys);
    } catch (const NumericFault&) {
        return std::nullopt;  // the build reports it at the node's expression
    } catch (const std::out_of_range&) {
        return std::nullopt;  // a leaf `p` does not have: not the same problem
    }
}

}  // namespace nntrace
