// Grading a class: a CSV sheet with one row per student (`student,yhat,dL/dw7,...`, the header
// naming answers), each answer judged by the same Judge, whose runs are shared by every row.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "checking/csv.hpp"
#include "checking/judge.hpp"

namespace nntrace {

struct StudentAnswers {
    int line = 0;
    std::string student;             // who, as reports show it: the name, else the id
    std::string id, name;            // a `student` column gives both
    std::vector<std::string> given;  // one per answer of the header; "" when left blank
};

struct GradeSheet {
    int header_line = 1;
    // The columns that say who: `student`, or `id`, or `id,name` (a roster's columns).
    std::vector<std::string> identity = {"student"};
    std::vector<std::string> answers;  // the header after the identity columns
    std::vector<int> answer_columns;   // where each answer's name starts on the header line
    std::vector<StudentAnswers> students;
    std::vector<CsvFault> skipped;     // malformed rows, by line: reported, never graded
};

// Reads a sheet. Text that is not UTF-8 or holds a control character, or a malformed header
// (faulty CSV, neither `student` nor `id` first, no answer, an empty, repeated or ill-formed
// answer name) throws InputError(file, line, column, what). A row with the wrong number of fields or a
// cell that is not a number is skipped and listed in `skipped`, with its line and column.
GradeSheet read_grade_sheet(std::string_view text, const std::string& file);

// Throws InputError(file, line, column, ...) for a header answer that names nothing in `record`.
void check_sheet_answers(const GradeSheet& sheet, const Record& record, const std::string& file);

struct StudentResult {
    const StudentAnswers* row = nullptr;
    std::vector<Judgement> judgements;  // in header order
};

// Judges every row, with follow-on marking; `progress(done, total)` is called now and then for a progress indicator.
std::vector<StudentResult> grade_students(const Judge& judge, const GradeSheet& sheet,
                                          const std::function<void(std::size_t, std::size_t)>& progress = {});

// The record of a grading: per answer how many got it right and the most common mistakes, then
// every student's verdicts, then each answer that is not correct with its likely mistake.
// Carried errors are counted apart; `carried_correct` also counts them as correct.
Record grade_record(const Judge& judge, const GradeSheet& sheet, const std::vector<StudentResult>& results,
                    bool carried_correct = false);
// The same about `run` (whose title and arithmetic the record takes): for a class graded against
// several variants of one problem.
Record grade_record(const Record& run, const GradeSheet& sheet, const std::vector<StudentResult>& results,
                    bool carried_correct = false);

// Whether a check or a grading ends with "some answer wrong" (exit 3): an answer is wrong, or a
// carried error unless carried errors score as correct. A last digit is not wrong.
bool any_wrong(const std::vector<Judgement>& judgements, bool carried_correct);

}  // namespace nntrace
