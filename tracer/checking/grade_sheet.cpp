#include "checking/grade.hpp"

#include <algorithm>
#include <set>

#include "checking/answers.hpp"
#include "core/compare.hpp"
#include "core/errors.hpp"
#include "problem/suggest.hpp"

namespace nntrace {
namespace {

std::vector<std::string> header_answers(const CsvText& csv, const std::string& file) {
    if (!csv.faults.empty() && (csv.records.empty() || csv.faults.front().line < csv.records.front().line))
        throw InputError(file, csv.faults.front().line, 0, "the header is not valid CSV: " + csv.faults.front().what);
    if (csv.records.empty()) throw InputError(file, 1, 0, "no header: expected student,<answer>,<answer>...");
    const CsvRecord& header = csv.records.front();
    auto fail = [&](const std::string& what) { throw InputError(file, header.line, 0, "header: " + what); };
    if (header.fields.front() != "student") fail("the first column must be 'student', not '" + header.fields.front() + "'");
    if (header.fields.size() < 2) fail("no answer columns after 'student'");
    std::vector<std::string> names(header.fields.begin() + 1, header.fields.end());
    std::set<std::string> seen;
    for (const auto& n : names) {
        if (n.empty()) fail("an answer column has no name");
        if (!is_answer_name(n)) fail("'" + n + "' is not an answer name (a node, input or param, dA/dB, p+ or name@k)");
        if (!seen.insert(n).second) fail("the answer '" + n + "' is named twice");
    }
    return names;
}

// What is wrong with a row, if anything.
std::string row_fault(const CsvRecord& r, const std::vector<std::string>& answers) {
    const std::size_t expected = answers.size() + 1;
    if (r.fields.size() != expected)
        return std::to_string(r.fields.size()) + " fields, expected " + std::to_string(expected) + " (student and " +
               std::to_string(answers.size()) + " answers)";
    for (std::size_t i = 1; i < r.fields.size(); ++i)
        if (!r.fields[i].empty() && !read_printed(r.fields[i]))
            return "the answer for " + answers[i - 1] + ", '" + r.fields[i] + "', is not a number like -0.410";
    return {};
}

}  // namespace

GradeSheet read_grade_sheet(std::string_view text, const std::string& file) {
    const CsvText csv = read_csv(text);
    GradeSheet sheet;
    sheet.answers = header_answers(csv, file);
    sheet.header_line = csv.records.front().line;
    for (std::size_t i = 1; i < csv.records.size(); ++i) {
        const CsvRecord& r = csv.records[i];
        if (const std::string fault = row_fault(r, sheet.answers); !fault.empty()) {
            sheet.skipped.push_back({r.line, fault});
            continue;
        }
        sheet.students.push_back({r.line, r.fields.front(), std::vector<std::string>(r.fields.begin() + 1, r.fields.end())});
    }
    for (const auto& f : csv.faults)
        if (f.line > csv.records.front().line) sheet.skipped.push_back(f);
    std::stable_sort(sheet.skipped.begin(), sheet.skipped.end(),
                     [](const CsvFault& a, const CsvFault& b) { return a.line < b.line; });
    return sheet;
}

void check_sheet_answers(const GradeSheet& sheet, const Record& record, const std::string& file) {
    for (const auto& n : sheet.answers) {
        if (record.find(n)) continue;
        std::string what = "header: '" + n + "' names nothing in the problem";
        if (auto guess = closest_name(n, answer_names(record))) what += "; did you mean '" + *guess + "'?";
        throw InputError(file, sheet.header_line, 0, what);
    }
}

}  // namespace nntrace
