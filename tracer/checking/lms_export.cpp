// The quiz question of one student: the run's answers at the problem's decimals, and every
// mistake of the table run once to see which wrong numbers it gives (the writers are in
// lms_export_writers.cpp).
#include "checking/lms_export.hpp"

#include <algorithm>
#include <cmath>

#include "checking/answers.hpp"
#include "checking/judge.hpp"
#include "checking/mistakes.hpp"
#include "core/errors.hpp"
#include "render/number_format.hpp"

namespace nntrace {
namespace {

std::vector<std::string> quiz_answer_names(const Problem& problem, const std::vector<std::string>& asked) {
    if (!asked.empty()) return asked;
    std::vector<std::string> names;
    for (const auto& a : problem.answers) names.push_back(a.name);
    return names;
}

// The decimals the key is written with: the problem's own when it is worked by hand; for an
// exact problem, those of its [answers] as written (the only precision the author gave).
int quiz_decimals(const Problem& problem, const RunOptions& options) {
    const Arithmetic arithmetic = arithmetic_for(problem, options);
    if (arithmetic.is_hand()) return arithmetic.decimals;
    std::vector<std::string> written;
    for (const auto& a : problem.answers) written.push_back(a.text);
    const int decimals = most_decimals(written);
    if (decimals == 0)
        throw InputError(problem.file + ": a quiz needs the decimals its answers are given at: set `decimals = N` "
                                        "in the problem, or write the [answers] with their decimals");
    return decimals;
}

std::string mistake_id(const Mistake& m, const std::vector<Arg>& args) {
    std::string id = m.id;
    for (const auto& a : args) id += " " + a.text;
    return id;
}

bool has_slip_text(const QuizAnswer& answer, const std::string& text) {
    return std::any_of(answer.slips.begin(), answer.slips.end(), [&](const QuizSlip& s) { return s.text == text; });
}

// Each mistake's variations run once for all answers; what a variation cannot compute (ln 0
// after a forgotten bias) is simply no wrong answer.
void add_slips(const Problem& problem, const RunOptions& options, const std::vector<std::string>& keys,
               int decimals, std::vector<QuizAnswer>& answers) {
    const MistakeContext context{decimals};
    for (const Mistake& m : mistakes())
        for (const Variation& v : m.vary(problem, options, context)) {
            AnswerValues values;
            try {
                values = v.run(v.problem(problem), v.options, keys);
            } catch (const InputError&) {
                continue;
            }
            for (QuizAnswer& a : answers) {
                const auto found = values.find(a.name);
                if (found == values.end() || !std::isfinite(found->second.hand)) continue;
                const std::string text = format_number(found->second.hand, decimals);
                if (text == a.text || has_slip_text(a, text)) continue;
                a.slips.push_back({mistake_id(m, v.args), found->second.hand, text, Message{m.message, v.args}});
            }
        }
}

}  // namespace

QuizQuestion quiz_question(const Problem& problem, const RunOptions& options, const QuizStudent& student,
                           const std::vector<std::string>& answers) {
    const std::vector<std::string> keys = quiz_answer_names(problem, answers);
    if (keys.empty()) throw InputError(problem.file + ": no answers to ask: add [answers] to the problem");
    std::vector<GivenAnswer> asked;
    for (const auto& k : keys) asked.push_back({k, "", std::nullopt, "answer " + k});
    const Problem runnable = with_answers(problem, asked);
    const int decimals = quiz_decimals(problem, options);
    const Record record = run_problem(runnable, options);
    check_answer_names(runnable, record, asked);

    QuizQuestion q{problem.id, problem.title_en, problem.title_zh, student, {}};
    const std::string tolerance = format_number(0.5 * std::pow(10.0, -decimals), decimals + 1);
    for (const auto& k : keys) {
        const Num v = *record.find(k);
        q.answers.push_back({k, v.hand, decimals, format_number(v.hand, decimals), tolerance,
                             problem.grading.points_for(k), {}});
    }
    add_slips(runnable, options, keys, decimals, q.answers);
    return q;
}

}  // namespace nntrace
