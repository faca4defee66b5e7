#include "checking/graph_replay.hpp"

#include <algorithm>
#include <cstring>
#include <map>
#include <memory>
#include <vector>

#include "core/number_text.hpp"
#include "core/recording.hpp"
#include "problem/run_parts.hpp"

namespace nntrace {
namespace {

// What one [functions] entry has worked out: s(x) and s′(x) by the argument's bits (−0 is not
// 0) and the arithmetic, in a table of fixed size (open addressing): a tree of them, a node
// allocated per entry, cost more than most calls it saved. When the table is three-quarters
// full, later values are worked out without being kept.
class Remembered {
public:
    Remembered() : slots_(size) {}

    const std::array<double, 2>* find(std::uint64_t bits, const Arithmetic& a) const {
        for (std::size_t i = start(bits, a);; i = (i + 1) % size) {
            const Slot& s = slots_[i];
            if (!s.used) return nullptr;
            if (s.bits == bits && s.rounding == a.rounding && s.decimals == a.decimals) return &s.value;
        }
    }
    void keep(std::uint64_t bits, const Arithmetic& a, const std::array<double, 2>& value) {
        if (kept_ >= size / 4 * 3) return;
        std::size_t i = start(bits, a);
        while (slots_[i].used) i = (i + 1) % size;
        slots_[i] = Slot{bits, a.rounding, a.decimals, true, value};
        ++kept_;
    }
    void clear() {
        if (kept_ == 0) return;
        std::fill(slots_.begin(), slots_.end(), Slot{});
        kept_ = 0;
    }

private:
    static constexpr std::size_t size = 512;
    struct Slot {
        std::uint64_t bits = 0;
        Rounding rounding = Rounding::exact;
        int decimals = 0;
        bool used = false;
        std::array<double, 2> value{};
    };
    static std::size_t start(std::uint64_t bits, const Arithmetic& a) {
        std::uint64_t h = bits ^ (static_cast<std::uint64_t>(a.decimals) << 56) ^ (static_cast<std::uint64_t>(a.rounding) << 60);
        h ^= h >> 33;
        h *= 0xff51afd7ed558ccdULL;
        h ^= h >> 33;
        return static_cast<std::size_t>(h % size);
    }
    std::vector<Slot> slots_;
    std::size_t kept_ = 0;
};

// A [functions] entry that works out s(x) and s′(x) once per argument and arithmetic: the runs by
// hand at 0…9 decimals all work their exact track on the same numbers, and a call runs the
// function's body on a tape of its own. Not under a RoundingWatch, which must see every value
// rounded.
UserFunction remembering(UserFunction f, const std::shared_ptr<Remembered>& memo) {
    f.evaluate = [inner = f.evaluate, memo](double x, const Arithmetic& a) {
        if (RoundingWatch::active()) return inner(x, a);
        std::uint64_t bits = 0;
        std::memcpy(&bits, &x, sizeof bits);
        if (const auto* hit = memo->find(bits, a)) return *hit;
        const auto value = inner(x, a);
        memo->keep(bits, a, value);
        return value;
    };
    return f;
}

}  // namespace

struct GraphReplay::Memo : Remembered {};

GraphReplay::GraphReplay(const Problem& problem, const RunOptions& options)
    : shape_(arithmetic_for(problem, options), options.slips), sets_(options.sets) {
    const RunValues v = apply_sets(problem, options.sets);
    shape_.keep_text(false);  // numbers and names only: replays and follow-on marking show no step
    loss_ = build_problem_graph(problem, shape_, v.values);
    for (const UserFunction& f : shape_.functions()) {
        auto memo = std::make_shared<Memo>();
        functions_.push_back(remembering(f, memo));
        memories_.push_back(memo);
    }
    has_loss_ = problem.loss.has_value();
    trains_ = problem.train.has_value();
    if (has_loss_) plan_ = plan_backward(shape_, loss_);
    for (NodeId id = 0; id < shape_.size(); ++id)
        if (shape_[id].op == Op::input || shape_[id].op == Op::parameter) leaf_names_.emplace_back(shape_.name(id));
    own_leaves_ = *in_tape_order(v.values);  // the values the shape was built from: none is missing
}

void GraphReplay::rebase(const Problem& problem, const RunOptions& options) {
    auto leaves = leaves_of(problem, options.sets);
    if (!leaves) throw std::logic_error("GraphReplay::rebase: not the problem it was built for");
    own_leaves_ = std::move(*leaves);
    sets_ = options.sets;
    own_runs_.clear();
    // The values remembered are another problem's: a class of 10⁴ variants would pile them up.
    for (const auto& m : memories_) m->clear();
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

// The leaves' values in tape order; nothing when `values` lacks one (not the same problem).
std::optional<std::vector<Num>> GraphReplay::in_tape_order(const std::map<std::string, Num>& values) const {
    std::vector<Num> out;
    out.reserve(leaf_names_.size());
    for (const auto& name : leaf_names_) {
        const auto given = values.find(name);
        if (given == values.end()) return std::nullopt;
        out.push_back(given->second);
    }
    return out;
}

std::optional<std::vector<Num>> GraphReplay::leaves_of(const Problem& problem,
                                                       const std::vector<std::pair<std::string, std::string>>& sets) const {
    // The graph has the inputs, then the params, in file order (build_problem_graph). A map of
    // every value by name, as apply_sets makes, cost a replay's worth of time for each of the
    // many variations a class's every variant runs.
    const auto direct = [&]() -> std::optional<std::vector<Num>> {
        if (problem.inputs.size() + problem.params.size() != leaf_names_.size()) return std::nullopt;
        std::vector<Num> out;
        out.reserve(leaf_names_.size());
        for (const auto* group : {&problem.inputs, &problem.params})
            for (const NamedNumber& leaf : *group) {
                if (leaf.name != leaf_names_[out.size()]) return std::nullopt;
                out.push_back(Num::both(leaf.value));
            }
        for (const auto& [name, text] : sets) {
            const auto at = std::find(leaf_names_.begin(), leaf_names_.end(), name);
            const auto value = number_from_text(text);
            if (at == leaf_names_.end() || !value) return std::nullopt;  // apply_sets says what it is
            out[static_cast<std::size_t>(at - leaf_names_.begin())] = Num::both(*value);
        }
        return out;
    };
    if (auto leaves = direct()) return leaves;
    return in_tape_order(apply_sets(problem, sets).values);
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

std::optional<AnswerValues> GraphReplay::worked_out(const Arithmetic& a, const Slips& slips, const std::vector<Num>& leaves,
                                                    const std::vector<std::string>& keys) const {
    const std::vector<KeyAt>* at = keys_at(keys);
    if (!at) return std::nullopt;  // a key not on the graph: a run says what it is
    std::size_t next_leaf = 0;
    const auto leaf = [&](NodeId) { return &leaves[next_leaf++]; };
    try {
        work_out(shape_, calculator(a, slips), leaf, has_loss_ ? &plan_ : nullptr, pass_);
    } catch (const NumericFault&) {
        return std::nullopt;  // the build reports it at the node's expression
    }
    AnswerValues out;
    for (std::size_t i = 0; i < keys.size(); ++i)
        out[keys[i]] = (*at)[i].gradient ? pass_.gradient[(*at)[i].node] : pass_.value[(*at)[i].node];
    return out;
}

std::optional<AnswerValues> GraphReplay::own_worked_out(const Arithmetic& a, const Slips& slips,
                                                        const std::vector<std::string>& keys) const {
    const int decimals = a.is_hand() ? a.decimals : 0;
    for (const OwnRun& run : own_runs_)
        if (run.rounding == a.rounding && run.decimals == decimals && run.slipped == slips.sigmoid_slope_at_preactivation &&
            run.keys == keys)
            return run.values;
    auto values = worked_out(a, slips, own_leaves_, keys);
    own_runs_.push_back({a.rounding, decimals, slips.sigmoid_slope_at_preactivation, keys, values});
    return values;
}

std::optional<GraphAlreadyBuilt> GraphReplay::own_graph_with_text(const Problem& problem) const {
    if (trains_) return std::nullopt;
    if (!with_text_) {
        GraphAlreadyBuilt built{Tape(shape_.arithmetic(), shape_.slips())};
        built.loss = build_problem_graph(problem, built.tape, apply_sets(problem, sets_).values);
        with_text_ = std::move(built);
    }
    GraphAlreadyBuilt out = *with_text_;
    ReplayNumbers numbers;
    std::size_t next_leaf = 0;
    const auto leaf = [&](NodeId) { return next_leaf < own_leaves_.size() ? &own_leaves_[next_leaf++] : nullptr; };
    try {
        // Built as the shape was, its leaves in the same order: the own leaves fill them.
        if (!work_out(out.tape, calculator(shape_.arithmetic(), shape_.slips()), leaf, nullptr, numbers)) return std::nullopt;
    } catch (const NumericFault&) {
        return std::nullopt;  // the run reports it
    }
    for (NodeId id = 0; id < out.tape.size(); ++id) out.tape.set_numbers(id, NodeNumbers{numbers.value[id], numbers.local[id]});
    return out;
}

std::shared_ptr<const GraphReplay> GraphReplay::variation_graph(const std::string& key, const std::function<Problem()>& make,
                                                                const RunOptions& options) const {
    if (const auto kept = variations_.find(key); kept != variations_.end()) return kept->second;
    auto built = std::make_shared<const GraphReplay>(make(), options);  // throws before anything is kept
    variations_.emplace(key, built);
    return built;
}

std::optional<AnswerValues> GraphReplay::own_values(const std::vector<std::string>& keys) const {
    if (trains_) return std::nullopt;
    return own_worked_out(shape_.arithmetic(), shape_.slips(), keys);
}

std::optional<AnswerValues> GraphReplay::values(const Problem& p, const RunOptions& o,
                                                const std::vector<std::string>& keys) const {
    // Another loss, or none, is another graph.
    if (p.train || trains_ || p.loss.has_value() != has_loss_) return std::nullopt;
    const auto leaves = leaves_of(p, o.sets);
    if (!leaves) return std::nullopt;
    return worked_out(arithmetic_for(p, o), o.slips, *leaves, keys);
}

std::optional<AnswerValues> GraphReplay::own_values_under(const RunOptions& o, const std::vector<std::string>& keys) const {
    if (trains_ || o.sets != sets_ || !o.arithmetic) return std::nullopt;
    return own_worked_out(*o.arithmetic, o.slips, keys);
}

}  // namespace nntrace
