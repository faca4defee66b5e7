#include "checking/check_answers.hpp"

#include "checking/answers.hpp"
#include "checking/check_record.hpp"
#include "core/errors.hpp"

namespace nntrace {

CheckOutcome check_answers(const Problem& problem, const std::vector<std::string>& answer_options) {
    const std::vector<GivenAnswer> answers = merge_answers(problem, answers_from_options(answer_options));
    if (answers.empty())
        throw InputError(problem.file + ": no answers to check: add [answers] or --answer NAME=VALUE");
    const Problem asked = with_answers(problem, answers);
    std::vector<std::string> keys, texts;
    for (const auto& a : answers) keys.push_back(a.name), texts.push_back(a.text);
    const Judge judge(asked, keys, MistakeContext{most_decimals(texts)});
    check_answer_names(asked, judge.record(), answers);
    std::vector<WrittenAnswer> written;
    for (const auto& a : answers) written.emplace_back(a.name, a.text);
    CheckOutcome outcome;
    outcome.judgements = judge.judge_all(written);
    outcome.record = check_record(judge, outcome.judgements);
    return outcome;
}

std::string verdict_word(Verdict v) {
    const std::string id = verdict_words(v).id;  // "check.verdict.last_digit"
    return id.substr(id.rfind('.') + 1);
}

}  // namespace nntrace
