#include "checking/judge.hpp"

#include <cmath>
#include <cstdlib>

#include "core/errors.hpp"

namespace nntrace {
namespace {

constexpr int most_decimals_by_hand = 9;

std::string cause_id(const Mistake& m, const std::vector<Arg>& args) {
    std::string id = m.id;
    for (const auto& a : args) id += " " + a.text;
    return id;
}

Explanation mistake_explanation(const Mistake& m, const std::vector<Arg>& args) {
    Explanation e;
    e.family = m.arithmetic ? Explanation::Family::arithmetic : Explanation::Family::slip;
    e.id = cause_id(m, args);
    e.message = Message{m.message, args};
    return e;
}

// The problem worked by hand at k decimals: the message is filled per answer, with its value.
Explanation by_hand(int k, Rounding r) {
    Explanation e;
    const bool cut = r == Rounding::truncate;
    e.family = Explanation::Family::arithmetic;
    e.order = 1;  // after the single roundings and the table's habits, which say more
    e.id = std::string(cut ? "by_hand_truncating " : "by_hand ") + std::to_string(k);
    e.near_id = cut ? "by_hand_truncating" : "by_hand";
    e.near_args = {text_arg(std::to_string(k))};
    return e;
}

// A student's earlier values as one text: what a follow-on value is remembered by.
std::string map_key(const std::map<std::string, double>& given) {
    std::string out;
    for (const auto& [name, v] : given) out += name + "=" + std::to_string(v) + ";";
    return out;
}

}  // namespace

Judge::Judge(Problem problem, const std::vector<std::string>& keys, MistakeContext context, RunOptions options,
             bool replay, ShapePool* shapes)
    : Judge(std::make_shared<const Problem>(std::move(problem)), keys, context, std::move(options), replay, shapes) {}

Judge::Judge(std::shared_ptr<const Problem> problem, const std::vector<std::string>& keys, MistakeContext context,
             RunOptions options, bool replay, ShapePool* shapes)
    : held_(std::move(problem)), problem_(*held_), options_(std::move(options)), keys_(keys), context_(context) {
    if (shapes && replay) shapes_ = shapes->lease();
    try {
        if (replay) replay_ = shapes_ ? shapes_->rebased_to(problem_, options_) : std::make_shared<GraphReplay>(problem_, options_);
        if (replay_)
            if (auto values = replay_->own_values(keys)) correct_ = std::move(*values);
    } catch (const InputError&) {
        replay_.reset();  // run_problem below says what is wrong
    }
    // A key the graph alone does not give (a training round's, a table's): the record knows it,
    // or says it is not computed.
    if (correct_.size() != keys.size() || keys.empty()) {
        correct_.clear();
        for (const auto& k : keys)
            if (auto v = record().find(k)) correct_[k] = *v;
    }
    const Arithmetic a = arithmetic_for(problem_, options_);  // the record's own arithmetic
    if (a.is_hand()) {
        problem_decimals_ = a.decimals;
        final_rounding_ = a.rounding;
    }
}

// The full run, with every step's text: a report shows it.
const Record& Judge::record() const {
    if (record_) return *record_;
    record_ = run_problem(problem_, options_);
    read_steps(*record_);
    return *record_;
}

// What the finder reads: the full record when it is made (always, when some key is not on the
// graph: the constructor reads it there), else the run without what only a page shows, which
// holds every key a question about a key on the graph looks up (RecordFor::finder).
const Record& Judge::finder_record() const {
    if (record_) return *record_;
    if (finder_record_) return *finder_record_;
    // A class's variant: from the text graph its class shares, worked out with its numbers.
    std::optional<GraphAlreadyBuilt> built;
    if (shapes_ && replay_) {
        try {
            built = replay_->own_graph_with_text(problem_);
        } catch (const InputError&) {
            // Not buildable: the run below says why.
        }
    }
    if (built) finder_record_ = run_problem(problem_, options_, RecordFor::finder, std::move(*built));
    else finder_record_ = run_problem(problem_, options_, RecordFor::finder);
    read_steps(*finder_record_);
    return *finder_record_;
}

// The answers' own steps and every quantity of the run, which the finder compares with.
void Judge::read_steps(const Record& run) const {
    if (steps_read_) return;
    steps_read_ = true;
    for (const auto& k : keys_)
        if (run.find(k))
            if (const Step* st = step_keyed(run, k))
                if (auto f = formula_with_placeholders(*st)) steps_.emplace(k, std::move(*f));
    quantities_ = run_quantities(run);
}

// Made when the first answer that is not correct is judged: an all-correct row needs none.
const FollowOn* Judge::follow_on() const {
    if (!follow_on_tried_) {
        follow_on_tried_ = true;
        // The replay's graph is the one follow-on marking needs when the run uses the problem's
        // own arithmetic and no slip.
        const bool own_arithmetic = !options_.arithmetic && !options_.rounding && !options_.slips.sigmoid_slope_at_preactivation;
        try {
            if (replay_ && own_arithmetic)
                follow_on_ = std::make_unique<FollowOn>(problem_, options_.sets, replay_->shape(), replay_->loss(), replay_->own_leaves());
            else follow_on_ = std::make_unique<FollowOn>(problem_, options_.sets);
        } catch (const std::exception&) {
            // No graph to replay: no follow-on marking.
        }
    }
    return follow_on_.get();
}

// A variation's values: replayed on the problem's graph when only numbers change, on a graph
// shared with the class's other variants when the loss is rescaled, else run (a [train]'s
// changes, which no replay works out).
AnswerValues Judge::variation_values(const Variation& v) const {
    const RunOptions& o = v.options;
    if (replay_ && v.run == run_for_keys) {
        if (v.same_graph) {
            if (&v.problem(problem_) == &problem_)  // the problem as it is: its values are the replay's own
                if (auto values = replay_->own_values_under(o, keys_)) return std::move(*values);
            if (auto values = replay_->values(v.problem(problem_), o, keys_)) return std::move(*values);
        } else if (shapes_ && v.loss_redefined) {
            // A rescaled loss: one graph for the class, worked out with the problem's own leaves.
            std::shared_ptr<const GraphReplay> rescaled;
            try {
                rescaled = replay_->variation_graph("loss " + *v.loss_redefined, [&] { return v.problem(problem_); }, o);
            } catch (const InputError&) {
                // Not buildable: the run below says so, as it would without the class's graphs.
            }
            if (rescaled)
                if (auto values = rescaled->values(problem_, o, keys_)) return std::move(*values);
        }
    }
    return v.run(v.problem(problem_), o, keys_);
}

// Every variation of every mistake, and the problem by hand at 0…9 decimals: run when the first
// answer that is not correct needs explaining, so that a class that got everything right (or a
// student's own variant graded for one row) costs one run.
void Judge::run_mistakes() const {
    if (mistakes_run_) return;
    mistakes_run_ = true;
    auto keep = [&](Explanation e, const Variation& v) {
        try {
            variants_.push_back({std::move(e), variation_values(v)});
        } catch (const InputError&) {
            // The mistake makes this problem incomputable, so no student's answer comes from it.
        }
    };
    for (const Mistake& m : mistakes())
        for (const Variation& v : m.vary(problem_, options_, context_)) keep(mistake_explanation(m, v.args), v);
    for (Rounding r : {Rounding::half_up, Rounding::truncate})
        for (int k = 0; k <= most_decimals_by_hand; ++k) {
            RunOptions hand = options_;
            hand.arithmetic = Arithmetic::hand(k, r);
            keep(by_hand(k, r), Variation{std::nullopt, hand, {}, run_for_keys, true});
        }
}

// The value in units of its last decimal, after the rounding a student writes the answer with.
double Judge::units(double v, int decimals) const {
    const auto key = std::make_pair(v, decimals);
    if (auto hit = units_cache_.find(key); hit != units_cache_.end()) return hit->second;
    const double u = last_digit_units(v, decimals, final_rounding_);
    units_cache_.emplace(key, u);
    return u;
}

// Sets the causes and the reason of an answer that is not correct, from the mistake finder.
void Judge::explain(Judgement& j, const Printed& written) const {
    const Record& run = finder_record();
    run_mistakes();
    Question q;
    q.key = j.key;
    q.name = j.key;
    q.written = written;
    q.computed = j.computed;
    q.exact_digits = run.exact_digits;
    q.source = false;
    q.find = [&run](const std::string& key) { return run.find(key); };
    q.others = quantities_;
    if (auto s = steps_.find(j.key); s != steps_.end()) q.step = s->second;
    if (problem_.train && problem_.train->rate != 1) q.rate = problem_.train->rate;
    for (const Variant& v : variants_) {
        const auto value = v.values.find(j.key);
        if (value == v.values.end()) continue;
        Explanation e = v.explanation;
        e.value = value->second.hand;
        if (!e.near_id.empty()) {  // a run by hand: its sentence carries its value
            const int k = std::atoi(e.near_args.front().text.c_str());
            e.near_args.push_back(number_arg(e.value, std::max(k, written.decimals)));
            e.message = Message{"finder." + e.near_id, e.near_args};
        }
        q.alternatives.push_back(std::move(e));
    }
    const Finding f = find_explanations(q);
    for (const auto& e : f.reproducing)
        if (j.verdict != Verdict::last_digit || e.family == Explanation::Family::arithmetic)
            j.causes.push_back(Cause{e.id, e.message});
    j.reason = j.causes.empty() ? finding_reason(q, f) : j.causes.front().message;
}

Judgement Judge::judge(const std::string& key, const std::string& given) const {
    if (auto hit = judged_.find({key, given}); hit != judged_.end()) return hit->second;
    Judgement j;
    j.key = key;
    j.given = given;
    j.computed = correct_.at(key);
    const auto printed = read_printed(given);
    if (printed) {
        j.decimals = std::max(printed->decimals, problem_decimals_);
        j.decimals_capped = j.decimals > max_judged_decimals;
        j.decimals = std::min(j.decimals, max_judged_decimals);
        const double g = last_digit_units(printed->value, j.decimals, Rounding::half_up);
        const double diff = std::fabs(units(j.computed.hand, j.decimals) - g);
        j.verdict = diff == 0 ? Verdict::correct : diff == 1 ? Verdict::last_digit : Verdict::wrong;
        if (j.verdict != Verdict::correct) explain(j, Printed{printed->value, j.decimals});
    }
    judged_.emplace(std::make_pair(key, given), j);
    return j;
}

// A wrong answer that the student's own earlier values give, worked on correctly.
std::optional<Judgement> Judge::carried(const Judgement& j, const Printed& written,
                                        const std::map<std::string, double>& earlier) const {
    if (earlier.empty() || !follow_on()) return std::nullopt;
    const auto memo = std::make_pair(j.key, map_key(earlier));
    auto hit = follow_ons_.find(memo);
    if (hit == follow_ons_.end()) hit = follow_ons_.emplace(memo, follow_on_->value(j.key, earlier)).first;
    if (!hit->second || !reproduces(*hit->second, written)) return std::nullopt;
    Judgement c = j;
    c.verdict = Verdict::carried;
    std::vector<Cause> causes;
    for (const auto& [name, value] : earlier) {
        const Message m{"check.carried", {text_arg(name), number_arg(value, written.decimals)}};
        causes.push_back(Cause{"carried " + name, m});
    }
    c.causes = causes;
    c.reason = causes.front().message;
    return c;
}

std::vector<Judgement> Judge::judge_all(const std::vector<WrittenAnswer>& answers) const {
    std::vector<Judgement> out;
    std::map<std::string, double> earlier;  // the student's wrong node values so far
    for (const auto& [key, given] : answers) {
        Judgement j = judge(key, given);
        const auto printed = read_printed(given);
        if ((j.verdict == Verdict::wrong || j.verdict == Verdict::last_digit) && printed)
            if (auto c = carried(j, Printed{printed->value, j.decimals}, earlier)) j = std::move(*c);
        if (printed && j.verdict != Verdict::correct && follow_on() && follow_on_->carries(key)) earlier[key] = printed->value;
        out.push_back(std::move(j));
    }
    return out;
}

int most_decimals(const std::vector<std::string>& answers) {
    int most = 0;
    for (const auto& a : answers)
        if (auto p = read_printed(a)) most = std::max(most, p->decimals);
    return most;
}

}  // namespace nntrace
