// The answers to judge: the problem's [answers], then `--answer name=value` from the command
// line (which wins for a repeated name), each remembering where it was written so that a bad one
// is reported there.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/record.hpp"
#include "problem/problem.hpp"

namespace nntrace {

struct GivenAnswer {
    std::string name;
    std::string text;
    std::optional<FilePosition> where;  // in the problem file; unset: given on the command line
    std::string option;                 // the option as typed, for messages: "--answer yhat=0.4"
};

// Reads "name=value" options. Throws InputError naming the option for a missing '=' or a value
// that is not a plain decimal number.
std::vector<GivenAnswer> answers_from_options(const std::vector<std::string>& options);

// [answers], with `overrides` replacing answers of the same name and adding the others.
std::vector<GivenAnswer> merge_answers(const Problem& problem, const std::vector<GivenAnswer>& overrides);

// The problem with `answers` as its [answers], so that a run computes every derivative asked.
Problem with_answers(Problem problem, const std::vector<GivenAnswer>& answers);

// Whether `name` has the shape of an answer name: `name`, `dA/dB`, `p+`, `name@k`, `p@k+`.
bool is_answer_name(const std::string& name);

// The answer names `record` can judge: its steps and updates.
std::vector<std::string> answer_names(const Record& record);

// Throws InputError for the first answer that names nothing in `record`: at its file position,
// or naming its option, with "did you mean" when a name is close.
void check_answer_names(const Problem& problem, const Record& record, const std::vector<GivenAnswer>& answers);

}  // namespace nntrace
