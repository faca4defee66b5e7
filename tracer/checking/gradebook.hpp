// The gradebook of a graded class: one row per student with, for each answer, the points it
// earned and its verdict, then the total and the percentage — a rectangular table a spreadsheet
// or a learning-management system imports as it is. What an answer is worth, and the share a
// last-digit answer and a carried error earn, come from the problem's [grading].
#pragma once

#include <vector>

#include "checking/grade.hpp"

namespace nntrace {

// The share of an answer's points that `verdict` earns: all for correct, [grading] last_digit
// and carried for those, none for wrong or blank.
double credit(const Grading& grading, Verdict verdict);

// Throws InputError at the [grading] key of an answer name that the run computes nothing for.
void check_grading_names(const Problem& problem, const Record& record);

struct StudentScore {
    std::vector<double> points;  // per answer, in header order
    double total = 0;
    double percent = 0;  // total of the most the answers are worth, 0 to 100
};

StudentScore score(const Grading& grading, const GradeSheet& sheet, const StudentResult& result);

// The gradebook as a record with one table, "gradebook": columns id, name, then per answer
// "<answer> points" and "<answer> verdict", then total and percent. Points are written with
// as few decimals as they need (at most 3), the percentage with 1.
Record gradebook_record(const Record& run, const Grading& grading, const GradeSheet& sheet,
                        const std::vector<StudentResult>& results);

}  // namespace nntrace
