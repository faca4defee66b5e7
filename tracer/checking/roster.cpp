// The class list: CSV → students whose ids are safe folder names.
#include "checking/roster.hpp"

#include <algorithm>
#include <map>

#include "checking/csv.hpp"
#include "core/errors.hpp"
#include "core/utf8.hpp"

namespace nntrace {
namespace {

// Characters no folder name may hold on one of the systems a teacher uses.
constexpr std::string_view forbidden_in_folder_names = "/\\:*?\"<>|";

std::string ascii_lower(std::string text) {
    for (char& c : text)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return text;
}

// Where `text` breaks UTF-8, as a line and a column (in characters), for the message.
std::pair<int, int> line_and_column(std::string_view text, std::size_t at) {
    int line = 1, column = 1;
    for (std::size_t i = 0; i < at;) {
        if (text[i] == '\n') ++line, column = 1, ++i;
        else ++column, i += std::max<std::size_t>(1, utf8_length_at(text, i));
    }
    return {line, column};
}

std::size_t column_named(const CsvRecord& header, const std::string& name, const std::string& file) {
    const auto it = std::find(header.fields.begin(), header.fields.end(), name);
    if (it == header.fields.end())
        throw InputError(file, header.line, 1, "the roster's header needs a column named '" + name +
                                                   "' (the header is: id,name,… — one row per student below)");
    return static_cast<std::size_t>(it - header.fields.begin());
}

}  // namespace

std::optional<std::string> folder_name_problem(std::string_view id) {
    if (id.empty()) return "is empty";
    if (id == "." || id == "..") return "is '" + std::string(id) + "', which names a folder already";
    if (id.front() == ' ' || id.back() == ' ') return "begins or ends with a space";
    for (std::size_t i = 0; i < id.size();) {
        const std::size_t length = utf8_length_at(id, i);
        if (length == 0) return "is not UTF-8";
        if (is_control_at(id, i, length)) return "contains a control character";
        if (forbidden_in_folder_names.find(id[i]) != std::string_view::npos)
            return "contains '" + std::string(1, id[i]) + "', which a folder name cannot hold";
        i += length;
    }
    return std::nullopt;
}

Roster read_roster(std::string_view text, const std::string& file) {
    // Spreadsheets save "CSV UTF-8" with a byte order mark, which would stick to the first name.
    constexpr std::string_view byte_order_mark = "\xEF\xBB\xBF";
    if (text.substr(0, byte_order_mark.size()) == byte_order_mark) text.remove_prefix(byte_order_mark.size());
    if (const auto bad = first_invalid_utf8(text)) {
        const auto [line, column] = line_and_column(text, *bad);
        throw InputError(file, line, column, "the roster is not UTF-8 text (save it as UTF-8)");
    }
    const CsvText csv = read_csv(text);
    if (!csv.faults.empty()) throw InputError(file, csv.faults.front().line, csv.faults.front().column, csv.faults.front().what);
    if (csv.records.empty()) throw InputError(file, 1, 1, "the roster is empty: it needs a header (id,name) and a row per student");
    const CsvRecord& header = csv.records.front();
    for (std::size_t c = 0; c < header.fields.size(); ++c)
        if (std::count(header.fields.begin(), header.fields.end(), header.fields[c]) > 1)
            throw InputError(file, header.line, header.columns[c], "the roster's header names '" + header.fields[c] + "' twice");
    const std::size_t id_column = column_named(header, "id", file), name_column = column_named(header, "name", file);
    Roster roster;
    for (std::size_t c = 0; c < header.fields.size(); ++c)
        if (c != id_column && c != name_column) roster.other_columns.push_back(header.fields[c]);
    std::map<std::string, int> seen;  // lower-case id → its line
    for (auto row = csv.records.begin() + 1; row != csv.records.end(); ++row) {
        if (row->fields.size() != header.fields.size())
            throw InputError(file, row->line, 1, "this row has " + std::to_string(row->fields.size()) + " cells; the header has " +
                                                      std::to_string(header.fields.size()));
        RosterStudent s{row->line, row->fields[id_column], row->fields[name_column], {}};
        const int id_at = row->columns[id_column];
        if (const auto problem = folder_name_problem(s.id))
            throw InputError(file, row->line, id_at, "the student id '" + s.id + "' " + *problem + "; each id becomes a folder name");
        const auto [it, fresh] = seen.emplace(ascii_lower(s.id), row->line);
        if (!fresh)
            throw InputError(file, row->line, id_at, "the student id '" + s.id + "' is given twice (first at line " +
                                                         std::to_string(it->second) + "); each id needs a folder of its own");
        for (std::size_t c = 0; c < row->fields.size(); ++c)
            if (c != id_column && c != name_column) s.other.push_back(row->fields[c]);
        roster.students.push_back(std::move(s));
    }
    if (roster.students.empty()) throw InputError(file, header.line, 1, "the roster has a header but no student");
    return roster;
}

}  // namespace nntrace
