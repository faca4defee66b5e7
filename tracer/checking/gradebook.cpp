#include "checking/gradebook.hpp"

#include <cmath>

#include "checking/answers.hpp"
#include "checking/check_record.hpp"
#include "problem/checks.hpp"

namespace nntrace {
namespace {

constexpr int most_point_decimals = 3;
constexpr int percent_decimals = 1;

Message book_words(const std::string& id, std::vector<Arg> args = {}) { return Message{id, std::move(args)}; }
Arg book_text(const std::string& s) { return Arg{s, std::nullopt}; }
Cell book_word_cell(Message m) { return Cell{std::nullopt, std::move(m)}; }
Cell book_number_cell(double v) { return Cell{Num::both(v), std::nullopt}; }

Message verdict_name(Verdict v) {
    switch (v) {
        case Verdict::correct: return book_words("check.gradebook.verdict.correct");
        case Verdict::last_digit: return book_words("check.gradebook.verdict.last_digit");
        case Verdict::carried: return book_words("check.gradebook.verdict.carried");
        case Verdict::wrong: return book_words("check.gradebook.verdict.wrong");
        case Verdict::blank: break;
    }
    return book_words("check.gradebook.verdict.blank");
}

// The fewest decimals (up to most_point_decimals) that write every score exactly: whole points
// stay whole ("2"), half points get one decimal ("0.5").
int point_decimals(const std::vector<StudentScore>& scores) {
    for (int k = 0; k < most_point_decimals; ++k) {
        const double scale = std::pow(10.0, k);
        bool exact = true;
        for (const auto& s : scores) {
            for (double p : s.points) exact = exact && std::fabs(p * scale - std::round(p * scale)) < 1e-9;
            exact = exact && std::fabs(s.total * scale - std::round(s.total * scale)) < 1e-9;
        }
        if (exact) return k;
    }
    return most_point_decimals;
}

}  // namespace

double credit(const Grading& grading, Verdict verdict) {
    switch (verdict) {
        case Verdict::correct: return 1;
        case Verdict::last_digit: return grading.last_digit;
        case Verdict::carried: return grading.carried;
        case Verdict::wrong:
        case Verdict::blank: break;
    }
    return 0;
}

void check_grading_names(const Problem& problem, const Record& record) {
    for (const auto& p : problem.grading.points)
        if (!is_answer_name(p.answer) || !record.find(p.answer))
            fail_at(problem, p.key, "[grading] points: '" + p.answer + "' names no answer of the problem");
}

StudentScore score(const Grading& grading, const GradeSheet& sheet, const StudentResult& result) {
    StudentScore s;
    double most = 0;
    for (std::size_t a = 0; a < sheet.answers.size(); ++a) {
        const double worth = grading.points_for(sheet.answers[a]);
        s.points.push_back(worth * credit(grading, result.judgements[a].verdict));
        s.total += s.points.back();
        most += worth;
    }
    s.percent = most > 0 ? 100 * s.total / most : 0;
    return s;
}

Record gradebook_record(const Record& run, const Grading& grading, const GradeSheet& sheet,
                        const std::vector<StudentResult>& results) {
    std::vector<StudentScore> scores;
    for (const auto& r : results) scores.push_back(score(grading, sheet, r));
    const int decimals = point_decimals(scores);
    Table t;
    t.key = "gradebook";
    t.title = book_words("check.gradebook.table");
    t.columns = {Column{"id", book_words("check.gradebook.column.id"), std::nullopt},
                 Column{"name", book_words("check.gradebook.column.name"), std::nullopt}};
    for (const auto& a : sheet.answers) {
        t.columns.push_back(Column{a + " points", book_words("check.gradebook.column.points", {book_text(a)}), decimals});
        t.columns.push_back(Column{a + " verdict", book_words("check.gradebook.column.verdict", {book_text(a)}), std::nullopt});
    }
    t.columns.push_back(Column{"total", book_words("check.gradebook.column.total"), decimals});
    t.columns.push_back(Column{"percent", book_words("check.gradebook.column.percent"), percent_decimals});
    for (std::size_t i = 0; i < results.size(); ++i) {
        const StudentAnswers& who = *results[i].row;
        std::vector<Cell> row{book_word_cell(book_words("check.as_written", {book_text(who.id)})),
                              book_word_cell(book_words("check.as_written", {book_text(who.name)}))};
        for (std::size_t a = 0; a < sheet.answers.size(); ++a) {
            row.push_back(book_number_cell(scores[i].points[a]));
            row.push_back(book_word_cell(verdict_name(results[i].judgements[a].verdict)));
        }
        row.push_back(book_number_cell(scores[i].total));
        row.push_back(book_number_cell(scores[i].percent));
        t.rows.push_back(std::move(row));
    }
    Record r = record_about(run, "gradebook");
    Section s;
    s.key = "gradebook";
    s.title = book_words("check.gradebook.table");
    s.items.emplace_back(std::move(t));
    r.sections.push_back(std::move(s));
    return r;
}

}  // namespace nntrace
