// Drawing one student's variant: draw, run, judge the draw, and write the kept one out.
#include "problem/random_variants.hpp"

#include <optional>
#include <stdexcept>

#include "core/errors.hpp"
#include "core/double_chars.hpp"
#include "problem/checks.hpp"
#include "problem/random_values.hpp"
#include "problem/variant_text.hpp"

namespace nntrace {
namespace {

constexpr int calculator_digits = 15;  // as round_decimal reads a value

// A value in a message as a calculator shows it: 0.7225, not the binary 0.7224999999999999.
std::string calculator_text(double v) { return general_text(v, calculator_digits); }

// The run's value of every name a condition reads: what the student computes (the hand value)
// in the first forward pass.
std::map<std::string, double> values_for(const ExcludeCondition& c, const Record& record) {
    std::map<std::string, double> values;
    for (const Expr* side : {&c.left, &c.right})
        for (const std::string& name : names_in(*side)) {
            const auto d = c.derivatives.find(name);
            if (const auto v = record.find(d == c.derivatives.end() ? name : d->second)) values[name] = v->hand;
        }
    return values;
}

constexpr const char* quick_rejection = "it fails on its values";

// What is wrong with a draw, in words for the error when no draw passes; nothing when it passes.
class DrawJudge {
public:
    explicit DrawJudge(const Problem& randomised)
        : randomised_(randomised), names_(variant_answer_names(randomised)), quick_(randomised) {}

    // `quick`: a draw that fails on its graph's numbers alone is rejected with quick_rejection,
    // without the full run (judge it again with quick = false for the reason in words).
    std::optional<std::string> judge(const Problem& candidate, Variant& v, bool quick = true) const {
        if (quick && quick_.fails(candidate)) return std::string(quick_rejection);
        std::optional<Record> record;
        {
            RoundingWatch watch(variant_boundary_tolerance);
            try {
                record = run_problem(candidate, {});
            } catch (const InputError& e) {
                return "it cannot be computed (" + e.message() + ")";
            }
            if (const auto& at = watch.first_on_boundary())
                return "the hand calculation rounds " + calculator_text(*at) + ", which lies on a rounding boundary at " +
                       std::to_string(watch.first_decimals()) + " decimals";
        }
        for (const ExcludeCondition& c : randomised_.random->exclude) {
            try {
                const auto values = values_for(c, *record);
                if (condition_holds(c.compare, evaluate_condition_side(randomised_, c.left, c.left_text, values),
                          evaluate_condition_side(randomised_, c.right, c.right_text, values)))
                    return "the exclude condition \"" + c.source.text + "\" holds";
            } catch (const std::out_of_range&) {
                return "the exclude condition \"" + c.source.text + "\" names a value the run does not compute";
            } catch (const NumericFault&) {
                return "the exclude condition \"" + c.source.text + "\" cannot be computed";
            }
        }
        v.digits = record->digits;
        v.answers.clear();
        v.answer_texts.clear();
        for (const std::string& name : names_) {
            const std::optional<Num> value = record->find(name);
            if (!value) fail_at(randomised_, randomised_.random->where, "the key's answer '" + name + "' is not computed by the run");
            // An exact run's key is given at 6 decimals: a value on a boundary there is as
            // calculator-dependent as an intermediate of a hand calculation.
            if (near_rounding_boundary(value->hand, v.digits, Rounding::half_up, variant_boundary_tolerance))
                return "the answer " + name + " = " + calculator_text(value->hand) + " lies on a rounding boundary at " +
                       std::to_string(v.digits) + " decimals";
            v.answers.emplace_back(name, *value);
            v.answer_texts.emplace_back(name, answer_text(value->hand, v.digits));
        }
        return std::nullopt;
    }

private:
    const Problem& randomised_;
    std::vector<std::string> names_;
    QuickDrawCheck quick_;
};

// The randomised problem with the drawn values in place of the file's: what a draw runs.
Problem with_values(const Problem& randomised, const std::map<std::string, double>& drawn) {
    Problem p = randomised;
    // A derivative an exclude condition reads is computed too (one of the loss always is).
    for (const ExcludeCondition& c : randomised.random->exclude)
        for (const auto& [name, answer] : c.derivatives) p.derivatives.push_back(*parse_derivative_name(answer));
    p.random.reset();
    for (auto* list : {&p.inputs, &p.params})
        for (NamedNumber& n : *list)
            if (auto it = drawn.find(n.name); it != drawn.end()) n.value = it->second;
    return p;
}

}  // namespace

std::vector<std::string> variant_answer_names(const Problem& problem) {
    std::vector<std::string> names;
    for (const Answer& a : problem.answers) names.push_back(a.name);
    if (!names.empty()) return names;
    if (problem.loss) {
        names.push_back(problem.loss->name);
        for (const NameReference& w : problem.wrt) names.push_back("d" + problem.loss->name + "/d" + w.name);
    } else if (!problem.nodes.empty()) {
        names.push_back(problem.nodes.back().name);
    }
    return names;
}

Variant draw_variant(const Problem& randomised, std::uint64_t seed, const std::string& student, bool quick) {
    if (!randomised.random) throw std::logic_error("draw_variant needs a problem with a [random] table");
    const RandomTable& random = *randomised.random;
    VariantStream stream(variant_hash(random.source, seed, student));
    const DrawJudge judge(randomised);
    Variant v;
    v.student = student;
    std::string last_failure;
    for (v.draws = 1; v.draws <= max_variant_draws; ++v.draws) {
        v.drawn.clear();
        for (const RandomValue& r : random.values) v.drawn[r.name] = value_at(r, stream.below(value_count(r)));
        const auto failure = judge.judge(with_values(randomised, v.drawn), v, quick);
        if (failure) {
            last_failure = *failure;
            if (v.draws == max_variant_draws && last_failure == quick_rejection)
                last_failure = judge.judge(with_values(randomised, v.drawn), v, false).value_or(last_failure);
            continue;
        }
        v.toml = variant_text(randomised, v.drawn, v.answer_texts, seed, student);
        v.problem = parse_problem(v.toml, randomised.file);
        return v;
    }
    std::string values;
    for (const auto& [name, value] : v.drawn) values += (values.empty() ? "" : ", ") + name + " = " + exact_number_text(value);
    fail_at(randomised, random.where,
            "no variant for student '" + student + "' passes in " + std::to_string(max_variant_draws) +
                " draws; the last (" + values + ") was rejected because " + last_failure);
}

}  // namespace nntrace
