#include "checking/mistakes.hpp"

#include <algorithm>
#include <optional>

#include "checking/problem_shape.hpp"
#include "checking/variant_runs.hpp"
#include "core/backward.hpp"
#include "problem/large_graph.hpp"
#include "problem/run_parts.hpp"

namespace nntrace {
namespace {

using Variations = std::vector<Variation>;

Arg word(const std::string& s) { return Arg{s, std::nullopt}; }

// A list of one, moved in: a braced list `{v}` would copy the variation, and its problem with it.
Variations one(Variation v) {
    Variations out;
    out.push_back(std::move(v));
    return out;
}

// A variation of the options alone: the problem runs as it is.
Variation options_only(const RunOptions& o, std::vector<Arg> args = {}) {
    return Variation{std::nullopt, o, std::move(args), run_for_keys, true};
}

// A variation of the problem itself.
Variation changed(Problem q, const RunOptions& o, std::vector<Arg> args = {}) {
    return Variation{std::move(q), o, std::move(args), run_for_keys, false};
}

// The loss node redefined as `before + its expression + after`: a scale the student got wrong.
// The problem is copied only when a run needs it (Variation::loss_redefined).
Variations scaled_loss(const Problem& p, const RunOptions& o, const std::string& before,
                       const std::string& after, std::vector<Arg> args) {
    if (!p.loss) return {};
    Variation v{std::nullopt, o, std::move(args), run_for_keys, false};
    v.loss_redefined = before + "(" + loss_node(p).source.text + ")" + after;
    return one(std::move(v));
}

// Rounding only at the end: the exact run, rounded when the answer is written down.
Variations round_at_end(const Problem& p, const RunOptions& o, const MistakeContext&) {
    if (!arithmetic_for(p, o).is_hand()) return {};
    RunOptions exact = o;
    exact.arithmetic = Arithmetic::exact();
    return one(options_only(exact));
}

// The reverse: an exact problem worked by hand, at the answers' own decimals.
Variations round_each_step(const Problem& p, const RunOptions& o, const MistakeContext& c) {
    if (arithmetic_for(p, o).is_hand() || c.answer_decimals <= 0) return {};
    RunOptions hand = o;
    hand.arithmetic = Arithmetic::hand(c.answer_decimals);
    return one(options_only(hand, {word(std::to_string(c.answer_decimals))}));
}

Variations truncated(const Problem& p, const RunOptions& o, const MistakeContext&) {
    const Arithmetic a = arithmetic_for(p, o);
    if (a.rounding != Rounding::half_up) return {};
    RunOptions cut = o;
    cut.arithmetic = Arithmetic::hand(a.decimals, Rounding::truncate);
    return one(options_only(cut, {word(std::to_string(a.decimals))}));
}

Variations updated_weights(const Problem& p, const RunOptions& o, const MistakeContext&) {
    if (!p.loss || !p.train) return {};
    return one(Variation{std::nullopt, o, {}, run_with_updated_weights});
}

Variations sign_flipped(const Problem& p, const RunOptions& o, const MistakeContext&) {
    return scaled_loss(p, o, "-", "", {});
}

Variations sigmoid_slope(const Problem& p, const RunOptions& o, const MistakeContext&) {
    const bool uses_sigmoid = std::any_of(p.nodes.begin(), p.nodes.end(), [](const NodeDefinition& n) {
        return n.source.text.find("sigmoid") != std::string::npos;
    });
    if (!p.loss || !uses_sigmoid) return {};
    RunOptions slipped = o;
    slipped.slips.sigmoid_slope_at_preactivation = true;
    return one(options_only(slipped));  // run_problem honours RunOptions::slips
}

Variations loss_without_half(const Problem& p, const RunOptions& o, const MistakeContext&) {
    return scaled_loss(p, o, "2*", "", {});
}

// 1/n only means something for a loss that adds up n ≥ 2 terms.
Variations loss_mean(const Problem& p, const RunOptions& o, const MistakeContext&) {
    if (!p.loss || loss_terms(p) < 2) return {};
    const std::string n = std::to_string(loss_terms(p));
    return scaled_loss(p, o, "", "/" + n, {word(n)});
}

Variations loss_mean_without_half(const Problem& p, const RunOptions& o, const MistakeContext&) {
    if (!p.loss || loss_terms(p) < 2) return {};
    const std::string n = std::to_string(loss_terms(p));
    return scaled_loss(p, o, "2*", "/" + n, {word(n)});
}

// One variation per bias the loss reads that is not already 0.
Variations bias_forgotten(const Problem& p, const RunOptions& o, const MistakeContext&) {
    const auto depth = depths_from_loss(p);
    Variations out;
    for (std::size_t i = 0; i < p.params.size(); ++i) {
        if (!is_bias(p.params[i].name) || !depth.count(p.params[i].name) || p.params[i].value == 0) continue;
        RunOptions forgotten = o;  // the bias set to 0 as --set would: after any set of the run's own
        forgotten.sets.emplace_back(p.params[i].name, "0");
        out.push_back(options_only(forgotten, {word(p.params[i].name)}));
    }
    return out;
}

// One variation per bias that training leaves alone.
Variations bias_updated(const Problem& p, const RunOptions& o, const MistakeContext&) {
    if (!p.train) return {};
    Variations out;
    for (const auto& b : bias_params(p)) {
        const auto& up = p.train->update;
        if (std::any_of(up.begin(), up.end(), [&](const NameReference& u) { return u.name == b; })) continue;
        Problem q = p;
        q.train->update.push_back(NameReference{b, {}});
        out.push_back(changed(std::move(q), o, {word(b)}));
    }
    return out;
}

Variations rate_left_out(const Problem& p, const RunOptions& o, const MistakeContext&) {
    if (!p.train || p.train->rate == 1) return {};
    Problem q = p;
    q.train->rate = 1;
    return one(changed(std::move(q), o));
}

}  // namespace

namespace {

// The values of `keys` read off the problem's graph and its backward pass, without the record's
// sections and text (most of a run's cost): the same numbers run_problem records. Nothing when
// a key needs more than the graph (a training round, a derivative of a node other than the
// loss) or the backward pass faults (run_problem then reports it).
std::optional<AnswerValues> values_on_tape(const Problem& problem, const RunOptions& options,
                                           const std::vector<std::string>& keys) {
    if (problem.train) return std::nullopt;
    const RunValues v = apply_sets(problem, options.sets);
    Tape tape(arithmetic_for(problem, options), options.slips);
    tape.keep_text(false);  // numbers and names only: no step is shown
    const NodeId loss = build_problem_graph(problem, tape, v.values);
    return keys_on_tape(tape, loss, problem.loss.has_value(), keys);
}

}  // namespace

std::optional<AnswerValues> keys_on_tape(const Tape& tape, NodeId loss, bool has_loss, const std::vector<std::string>& keys) {
    std::optional<Gradients> gradients;
    if (has_loss) {
        try {
            gradients = gradient_values(tape, loss);  // backward's numbers, without its products' record
        } catch (const NumericFault&) {
            return std::nullopt;
        }
    }
    AnswerValues out;
    for (const auto& k : keys) {
        const auto value = find_on_tape(tape, loss, gradients ? &*gradients : nullptr, k);
        if (!value) return std::nullopt;
        out[k] = *value;
    }
    return out;
}

AnswerValues run_for_keys(const Problem& problem, const RunOptions& options, const std::vector<std::string>& keys) {
    if (auto values = values_on_tape(problem, options, keys)) return std::move(*values);
    const Record record = run_problem(problem, options);
    AnswerValues out;
    for (const auto& k : keys)
        if (auto v = record.find(k)) out[k] = *v;
    return out;
}

const Problem& Variation::problem(const Problem& original) const {
    if (changed) return *changed;
    if (!loss_redefined) return original;
    if (!made_) {
        Problem q = original;
        NodeDefinition& loss = loss_node(q);
        loss.expr = parse_expression(*loss_redefined);
        loss.source = SourceText{*loss_redefined, {}};  // no file positions: the correct run has checked the file
        made_ = std::move(q);
    }
    return *made_;
}

const std::vector<Mistake>& mistakes() {
    static const std::vector<Mistake> table = {
        {"round_at_end", "check.mistake.round_at_end", round_at_end, true},
        {"round_each_step", "check.mistake.round_each_step", round_each_step, true},
        {"truncated", "check.mistake.truncated", truncated, true},
        {"sign_flipped", "check.mistake.sign_flipped", sign_flipped},
        {"sigmoid_slope_at_preactivation", "check.mistake.sigmoid_slope_at_preactivation", sigmoid_slope},
        {"updated_weights", "check.mistake.updated_weights", updated_weights},
        {"loss_without_half", "check.mistake.loss_without_half", loss_without_half},
        {"loss_mean", "check.mistake.loss_mean", loss_mean},
        {"loss_mean_without_half", "check.mistake.loss_mean_without_half", loss_mean_without_half},
        {"bias_forgotten", "check.mistake.bias_forgotten", bias_forgotten},
        {"bias_updated", "check.mistake.bias_updated", bias_updated},
        {"rate_left_out", "check.mistake.rate_left_out", rate_left_out},
    };
    return table;
}

}  // namespace nntrace
