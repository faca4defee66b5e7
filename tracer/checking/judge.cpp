#include "checking/judge.hpp"

#include <cmath>
#include <cstdlib>

#include "core/compare.hpp"
#include "core/errors.hpp"

namespace nntrace {
namespace {

std::string cause_id(const Mistake& m, const std::vector<Arg>& args) {
    std::string id = m.id;
    for (const auto& a : args) id += " " + a.text;
    return id;
}

}  // namespace

Judge::Judge(Problem problem, const std::vector<std::string>& keys, MistakeContext context, RunOptions options)
    : problem_(std::move(problem)), options_(std::move(options)) {
    record_ = run_problem(problem_, options_);
    for (const auto& k : keys)
        if (auto v = record_.find(k)) correct_[k] = *v;
    if (record_.arithmetic.is_hand()) {
        problem_decimals_ = record_.arithmetic.decimals;
        final_rounding_ = record_.arithmetic.rounding;
    }
    for (const Mistake& m : mistakes()) {
        for (Variation& v : m.vary(problem_, options_, context)) {
            try {
                AnswerValues values = v.run(v.problem, v.options, keys);
                variants_.push_back({&m, Cause{cause_id(m, v.args), Message{m.message, v.args}}, std::move(values)});
            } catch (const InputError&) {
                // The mistake makes this problem incomputable, so no student's answer comes from it.
            }
        }
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

std::vector<Cause> Judge::reproducing(const std::string& key, double given, int decimals, bool arithmetic_only) const {
    std::vector<Cause> out;
    for (const Variant& v : variants_) {
        if (arithmetic_only && !v.mistake->arithmetic) continue;
        const auto value = v.values.find(key);
        if (value != v.values.end() && units(value->second.hand, decimals) == given) out.push_back(v.cause);
    }
    return out;
}

Judgement Judge::judge(const std::string& key, const std::string& given) const {
    Judgement j;
    j.key = key;
    j.given = given;
    j.computed = correct_.at(key);
    const auto printed = read_printed(given);
    if (!printed) return j;  // blank
    j.decimals = std::max(printed->decimals, problem_decimals_);
    j.decimals_capped = j.decimals > max_judged_decimals;
    j.decimals = std::min(j.decimals, max_judged_decimals);
    const double g = last_digit_units(printed->value, j.decimals, Rounding::half_up);
    const double diff = std::fabs(units(j.computed.hand, j.decimals) - g);
    j.verdict = diff == 0 ? Verdict::correct : diff == 1 ? Verdict::last_digit : Verdict::wrong;
    if (j.verdict != Verdict::correct) j.causes = reproducing(key, g, j.decimals, j.verdict == Verdict::last_digit);
    return j;
}

int most_decimals(const std::vector<std::string>& answers) {
    int most = 0;
    for (const auto& a : answers)
        if (auto p = read_printed(a)) most = std::max(most, p->decimals);
    return most;
}

}  // namespace nntrace
