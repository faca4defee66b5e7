#include "checking/grade.hpp"

#include <algorithm>
#include <optional>
#include <set>

#include "checking/answers.hpp"
#include "core/compare.hpp"
#include "core/errors.hpp"
#include "core/utf8.hpp"
#include "problem/suggest.hpp"

namespace nntrace {
namespace {

// A sheet is text a spreadsheet saved: UTF-8, with no control characters but tab and line
// breaks. Anything else (a Latin-1 or UTF-16 export, a NUL) is refused where it first occurs,
// so that no broken byte reaches a page declared UTF-8.
void check_text(std::string_view text, const std::string& file) {
    int line = 1, column = 1;
    for (std::size_t at = 0; at < text.size();) {
        const std::size_t length = utf8_length_at(text, at);
        if (length == 0)
            throw InputError(file, line, column, "this byte (" + visible_character_at(text, at) +
                                                     ") is not UTF-8; save the sheet as UTF-8 CSV");
        const char c = text[at];
        if (c != '\t' && c != '\r' && c != '\n' && is_control_at(text, at, length))
            throw InputError(file, line, column, "a control character (" + visible_character_at(text, at) +
                                                     ") in the sheet; remove it");
        if (c == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
        at += length;
    }
}

// `student`, `id`, or `id,name`: the columns before the answers.
std::vector<std::string> identity_columns(const std::vector<std::string>& header) {
    if (header.front() == "id" && header.size() > 1 && header[1] == "name") return {"id", "name"};
    return {header.front()};
}

GradeSheet header_answers(const CsvText& csv, const std::string& file) {
    if (!csv.faults.empty() && (csv.records.empty() || csv.faults.front().line < csv.records.front().line))
        throw InputError(file, csv.faults.front().line, csv.faults.front().column,
                         "the header is not valid CSV: " + csv.faults.front().what);
    if (csv.records.empty()) throw InputError(file, 1, 0, "no header: expected student,<answer>,<answer>...");
    const CsvRecord& header = csv.records.front();
    auto fail = [&](std::size_t field, const std::string& what) {
        const int column = field < header.columns.size() ? header.columns[field] : 1;
        throw InputError(file, header.line, column, "header: " + what);
    };
    if (header.fields.front() != "student" && header.fields.front() != "id")
        fail(0, "the first column must be 'student' (or 'id', then optionally 'name'), not '" + header.fields.front() + "'");
    GradeSheet sheet;
    sheet.identity = identity_columns(header.fields);
    const std::size_t first = sheet.identity.size();
    if (header.fields.size() <= first) fail(0, "no answer columns after '" + sheet.identity.back() + "'");
    std::vector<std::string> names(header.fields.begin() + static_cast<std::ptrdiff_t>(first), header.fields.end());
    std::set<std::string> seen;
    for (std::size_t i = 0; i < names.size(); ++i) {
        const std::string& n = names[i];
        if (n.empty()) fail(i + first, "an answer column has no name");
        if (!is_answer_name(n)) fail(i + first, "'" + n + "' is not an answer name (a node, input or param, dA/dB, p+ or name@k)");
        if (!seen.insert(n).second) fail(i + first, "the answer '" + n + "' is named twice");
    }
    sheet.answers = std::move(names);
    sheet.header_line = header.line;
    sheet.answer_columns.assign(header.columns.begin() + static_cast<std::ptrdiff_t>(first), header.columns.end());
    return sheet;
}

StudentAnswers student_row(const CsvRecord& r, std::size_t identity) {
    StudentAnswers s;
    s.line = r.line;
    s.id = r.fields[0];
    s.name = identity == 2 ? r.fields[1] : r.fields[0];
    s.student = s.name.empty() ? s.id : s.name;
    s.given.assign(r.fields.begin() + static_cast<std::ptrdiff_t>(identity), r.fields.end());
    return s;
}

// What is wrong with a row, if anything, and the column where it is.
std::optional<CsvFault> row_fault(const CsvRecord& r, const std::vector<std::string>& answers, std::size_t identity) {
    const std::size_t expected = answers.size() + identity;
    if (r.fields.size() != expected) {
        // Too many: blamed on the first field too many; too few: on the row's start.
        const int column = r.fields.size() > expected ? r.columns[expected] : 1;
        return CsvFault{r.line, std::to_string(r.fields.size()) + " fields, expected " + std::to_string(expected) +
                                    (identity == 2 ? " (id, name and " : " (student and ") +
                                    std::to_string(answers.size()) + " answers)", column};
    }
    for (std::size_t i = identity; i < r.fields.size(); ++i)
        if (!r.fields[i].empty() && !read_printed(r.fields[i]))
            return CsvFault{r.line, "the answer for " + answers[i - identity] + ", '" + r.fields[i] + "', is not a number like -0.410",
                            r.columns[i]};
    return std::nullopt;
}

}  // namespace

GradeSheet read_grade_sheet(std::string_view text, const std::string& file) {
    check_text(text, file);
    const CsvText csv = read_csv(text);
    GradeSheet sheet = header_answers(csv, file);
    for (std::size_t i = 1; i < csv.records.size(); ++i) {
        const CsvRecord& r = csv.records[i];
        if (auto fault = row_fault(r, sheet.answers, sheet.identity.size())) {
            sheet.skipped.push_back(std::move(*fault));
            continue;
        }
        sheet.students.push_back(student_row(r, sheet.identity.size()));
    }
    for (const auto& f : csv.faults)
        if (f.line > csv.records.front().line) sheet.skipped.push_back(f);
    std::stable_sort(sheet.skipped.begin(), sheet.skipped.end(),
                     [](const CsvFault& a, const CsvFault& b) { return a.line < b.line; });
    return sheet;
}

void check_sheet_answers(const GradeSheet& sheet, const Record& record, const std::string& file) {
    for (std::size_t i = 0; i < sheet.answers.size(); ++i) {
        const std::string& n = sheet.answers[i];
        if (record.find(n)) continue;
        std::string what = "header: '" + n + "' names nothing in the problem";
        if (auto guess = closest_name(n, answer_names(record))) what += "; did you mean '" + *guess + "'?";
        throw InputError(file, sheet.header_line, i < sheet.answer_columns.size() ? sheet.answer_columns[i] : 0, what);
    }
}

}  // namespace nntrace
