// The record's tables as CSV for spreadsheets: RFC 4180 quoting, numbers at their column's
// decimals with ASCII signs, a "# title" line before each table when there are several, and no
// text cell that a spreadsheet would take for a formula.
#include "formats.hpp"
#include "page.hpp"
#include "user_text.hpp"

namespace nntrace {
namespace {

// Whether `text` is a plain decimal number ("-0.410", "+3", "1e-5"), which a spreadsheet reads
// as a number and never as a formula.
bool plain_number(const std::string& text) {
    std::size_t i = text[0] == '-' || text[0] == '+' ? 1 : 0;
    const auto digits = [&] {
        const std::size_t from = i;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
        return i > from;
    };
    const bool whole = digits();
    const bool fraction = i < text.size() && text[i] == '.' && (++i, digits());
    if (!whole && !fraction) return false;
    if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
        ++i;
        if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
        if (!digits()) return false;
    }
    return i == text.size();
}

// A text cell that a spreadsheet (Excel, LibreOffice, Google Sheets) would run as a formula,
// "=HYPERLINK(...)", "+1+cmd|...", "@SUM(...)", gets a leading apostrophe (OWASP's rule for CSV
// injection): it then shows as the text it is. Numbers ("-0.410") are left as they are.
std::string neutralized(const std::string& text) {
    if (text.empty() || std::string("=+-@\t\r").find(text[0]) == std::string::npos || plain_number(text))
        return text;
    return "'" + text;
}

// A field with a comma, a quote or a line break is quoted, its quotes doubled (RFC 4180).
std::string csv_field(const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string out = "\"";
    for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::string csv_line(const std::vector<std::string>& fields) {
    std::string out;
    for (std::size_t i = 0; i < fields.size(); ++i) out += (i ? "," : "") + csv_field(fields[i]);
    return out + "\n";
}

std::string cell_text(const Page& page, const Table& t, std::size_t column, const Cell& cell) {
    if (cell.number) {
        const int decimals = column < t.columns.size() ? page.column_style(t.columns[column]).decimals
                                                       : page.digits;
        return format_number(cell.number->hand, decimals);
    }
    return cell.words ? neutralized(page.words(*cell.words)) : std::string();
}

std::string table_csv(const Page& page, const Table& t) {
    std::vector<std::string> header;
    for (const Column& c : t.columns) header.push_back(neutralized(page.words(c.title)));
    std::string out = csv_line(header);
    for (const auto& row : t.rows) {
        std::vector<std::string> fields;
        for (std::size_t c = 0; c < row.size(); ++c) fields.push_back(cell_text(page, t, c, row[c]));
        out += csv_line(fields);
    }
    return out;
}

}  // namespace

std::string render_csv(const Record& record, const RenderOptions& options) {
    require_catalog(options);
    const Page page(record, options, Minus::ascii);
    const std::vector<const Table*> tables = selected_tables(record, options);
    // A single table asked for by name is plain CSV; several are told apart by their titles.
    if (options.table) return tables.empty() ? std::string() : table_csv(page, *tables.front());
    std::string out;
    for (const Table* t : tables) {
        if (!out.empty()) out += "\n";
        out += "# " + one_line(page.words(t->title)) + "\n" + table_csv(page, *t);
    }
    return out;
}

}  // namespace nntrace
