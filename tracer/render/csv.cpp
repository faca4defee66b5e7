// The record's tables as CSV for spreadsheets: RFC 4180 quoting, numbers at their column's
// decimals with ASCII signs, a "# title" line before each table when there are several.
#include "formats.hpp"
#include "page.hpp"

namespace nntrace {
namespace {

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
    return cell.words ? page.words(*cell.words) : std::string();
}

std::string table_csv(const Page& page, const Table& t) {
    std::vector<std::string> header;
    for (const Column& c : t.columns) header.push_back(page.words(c.title));
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
        out += "# " + page.words(t->title) + "\n" + table_csv(page, *t);
    }
    return out;
}

}  // namespace nntrace
