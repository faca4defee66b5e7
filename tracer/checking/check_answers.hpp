// `nntrace check` without the command line: a problem and answers in, the verdicts and the
// check's record out. The command (cli/command_check.cpp) and the playground page in the browser
// (web/web_api.cpp) both call it.
#pragma once

#include <string>
#include <vector>

#include "checking/judge.hpp"

namespace nntrace {

struct CheckOutcome {
    std::vector<Judgement> judgements;  // in the order of the answers: the file's, then the new ones
    Record record;                      // the report: check_record
};

// Judges the problem's [answers] with `answer_options` ("yhat=0.384", as --answer takes them)
// replacing those of the same name and adding the others. The problem is run once and once per
// mistake. Throws InputError when there is nothing to check, for an answer option that is not
// NAME=VALUE with a number, or an answer that names nothing the problem computes.
CheckOutcome check_answers(const Problem& problem, const std::vector<std::string>& answer_options);

// The verdict as one word for programs, the last part of its message id: "correct",
// "last_digit", "carried", "wrong", "blank" (as `nntrace check --format json` names it).
std::string verdict_word(Verdict v);

}  // namespace nntrace
