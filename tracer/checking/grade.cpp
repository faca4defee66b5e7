#include "checking/grade.hpp"

#include <algorithm>
#include <map>

#include "checking/check_record.hpp"

namespace nntrace {
namespace {

constexpr std::size_t progress_every = 500;  // rows between two progress reports
constexpr std::size_t mistakes_shown = 3;    // the most common mistakes listed per answer

Message words(const std::string& id, std::vector<Arg> args = {}) { return Message{id, std::move(args)}; }
Arg text(const std::string& s) { return Arg{s, std::nullopt}; }
Cell word_cell(Message m) { return Cell{std::nullopt, std::move(m)}; }
Cell count_cell(std::size_t n) { return Cell{Num::both(static_cast<double>(n)), std::nullopt}; }
Column column(const std::string& key, Message title, std::optional<int> decimals = std::nullopt) {
    return Column{key, std::move(title), decimals};
}

// How one answer fared across the class.
struct AnswerTally {
    std::map<Verdict, std::size_t> verdicts;
    std::map<std::string, std::size_t> causes;  // by Cause::id
    std::map<std::string, Message> messages;    // Cause::id → its message
};

std::vector<AnswerTally> tally(const GradeSheet& sheet, const std::vector<StudentResult>& results) {
    std::vector<AnswerTally> out(sheet.answers.size());
    for (const auto& r : results)
        for (std::size_t a = 0; a < r.judgements.size(); ++a) {
            const Judgement& j = r.judgements[a];
            ++out[a].verdicts[j.verdict];
            if (j.verdict != Verdict::wrong) continue;
            for (const Cause& c : j.causes) {
                ++out[a].causes[c.id];
                out[a].messages.emplace(c.id, c.message);
            }
        }
    return out;
}

Table summary_table(const GradeSheet& sheet, const std::vector<AnswerTally>& tallies, bool carried_correct) {
    Table t;
    t.key = "summary";
    t.title = words("check.grade.table.summary");
    t.columns = {column("answer", words("check.column.answer")),
                 column("correct", words("check.verdict.correct"), 0),
                 column("last_digit", words("check.verdict.last_digit"), 0),
                 column("carried", words("check.grade.column.carried"), 0),
                 column("wrong", words("check.verdict.wrong"), 0),
                 column("blank", words("check.verdict.blank"), 0)};
    for (std::size_t a = 0; a < sheet.answers.size(); ++a) {
        auto n = [&](Verdict v) { auto i = tallies[a].verdicts.find(v); return i == tallies[a].verdicts.end() ? 0 : i->second; };
        const std::size_t correct = n(Verdict::correct) + (carried_correct ? n(Verdict::carried) : 0);
        t.rows.push_back({word_cell(words("check.as_written", {text(sheet.answers[a])})), count_cell(correct),
                          count_cell(n(Verdict::last_digit)), count_cell(n(Verdict::carried)), count_cell(n(Verdict::wrong)),
                          count_cell(n(Verdict::blank))});
    }
    return t;
}

// Per answer, its most common diagnosed mistakes, the most frequent first.
Table mistakes_table(const GradeSheet& sheet, const std::vector<AnswerTally>& tallies) {
    Table t;
    t.key = "mistakes";
    t.title = words("check.grade.table.mistakes");
    t.columns = {column("answer", words("check.column.answer")), column("mistake", words("check.column.mistake")),
                 column("students", words("check.column.students"), 0)};
    for (std::size_t a = 0; a < sheet.answers.size(); ++a) {
        std::vector<std::pair<std::string, std::size_t>> ranked(tallies[a].causes.begin(), tallies[a].causes.end());
        std::stable_sort(ranked.begin(), ranked.end(), [](const auto& x, const auto& y) { return x.second > y.second; });
        if (ranked.size() > mistakes_shown) ranked.resize(mistakes_shown);
        for (const auto& [id, n] : ranked)
            t.rows.push_back({word_cell(words("check.as_written", {text(sheet.answers[a])})),
                              word_cell(tallies[a].messages.at(id)), count_cell(n)});
    }
    return t;
}

// "0.384 ✓": the answer with its verdict's mark.
Message verdict_cell(const Judgement& j) {
    switch (j.verdict) {
        case Verdict::correct: return words("check.grade.cell.correct", {text(j.given)});
        case Verdict::last_digit: return words("check.grade.cell.last_digit", {text(j.given)});
        case Verdict::carried: return words("check.grade.cell.carried", {text(j.given)});
        case Verdict::wrong: return words("check.grade.cell.wrong", {text(j.given)});
        case Verdict::blank: break;
    }
    return words("check.grade.cell.blank");
}

Table students_table(const GradeSheet& sheet, const std::vector<StudentResult>& results) {
    Table t;
    t.key = "students";
    t.title = words("check.grade.table.students");
    t.columns.push_back(column("student", words("check.column.student")));
    for (const auto& a : sheet.answers) t.columns.push_back(column(a, words("check.as_written", {text(a)})));
    for (const auto& r : results) {
        std::vector<Cell> row{word_cell(words("check.as_written", {text(r.row->student)}))};
        for (const auto& j : r.judgements)
            row.push_back(word_cell(verdict_cell(j)));
        t.rows.push_back(std::move(row));
    }
    return t;
}

// One row per answer that is not correct: who, what, and the likely mistake.
Table diagnoses_table(const std::vector<StudentResult>& results) {
    Table t;
    t.key = "diagnoses";
    t.title = words("check.grade.table.diagnoses");
    for (const char* c : {"student", "answer", "given", "computed", "verdict", "cause"})
        t.columns.push_back(column(c, words(std::string("check.column.") + c)));
    for (const auto& r : results)
        for (const auto& j : r.judgements) {
            if (j.verdict == Verdict::correct || j.verdict == Verdict::blank) continue;
            Message cause = j.reason.value_or(words("check.cause.none"));
            t.rows.push_back({word_cell(words("check.as_written", {text(r.row->student)})),
                              word_cell(words("check.as_written", {text(j.key)})),
                              word_cell(words("check.as_written", {text(j.given)})), Cell{j.computed, std::nullopt},
                              word_cell(verdict_words(j.verdict)), word_cell(std::move(cause))});
        }
    return t;
}

Section section(const std::string& key, Message title, std::vector<Item> items) {
    Section s;
    s.key = key;
    s.title = std::move(title);
    s.items = std::move(items);
    return s;
}

}  // namespace

std::vector<StudentResult> grade_students(const Judge& judge, const GradeSheet& sheet,
                                          const std::function<void(std::size_t, std::size_t)>& progress) {
    std::vector<StudentResult> out;
    out.reserve(sheet.students.size());
    for (const auto& s : sheet.students) {
        std::vector<WrittenAnswer> answers;
        for (std::size_t a = 0; a < sheet.answers.size(); ++a) answers.emplace_back(sheet.answers[a], s.given[a]);
        StudentResult r{&s, judge.judge_all(answers)};
        out.push_back(std::move(r));
        if (progress && out.size() % progress_every == 0) progress(out.size(), sheet.students.size());
    }
    if (progress) progress(out.size(), sheet.students.size());
    return out;
}

bool any_wrong(const std::vector<Judgement>& judgements, bool carried_correct) {
    return std::any_of(judgements.begin(), judgements.end(), [&](const Judgement& j) {
        return j.verdict == Verdict::wrong || (j.verdict == Verdict::carried && !carried_correct);
    });
}

Record grade_record(const Judge& judge, const GradeSheet& sheet, const std::vector<StudentResult>& results,
                    bool carried_correct) {
    return grade_record(judge.record(), sheet, results, carried_correct);
}

Record grade_record(const Record& run, const GradeSheet& sheet, const std::vector<StudentResult>& results,
                    bool carried_correct) {
    Record r = record_about(run, "grade");
    const auto tallies = tally(sheet, results);
    std::vector<Item> summary{Note{"students", Note::Kind::info,
                                   words("check.grade.note.students", {text(std::to_string(results.size()))})}};
    if (!sheet.skipped.empty())
        summary.emplace_back(Note{"skipped", Note::Kind::warning,
                                  words("check.grade.note.skipped", {text(std::to_string(sheet.skipped.size()))})});
    if (carried_correct)
        summary.emplace_back(Note{"carried-correct", Note::Kind::convention, words("check.grade.note.carried_correct")});
    summary.emplace_back(summary_table(sheet, tallies, carried_correct));
    summary.emplace_back(mistakes_table(sheet, tallies));
    r.sections.push_back(section("summary", words("check.grade.section.summary"), std::move(summary)));
    r.sections.push_back(section("students", words("check.grade.section.students"),
                                 {students_table(sheet, results), diagnoses_table(results)}));
    return r;
}

}  // namespace nntrace
