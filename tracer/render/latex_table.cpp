// The record's tables as LaTeX for lecture slides: one booktabs tabular per table, ready to
// paste into a Beamer frame. Numbers are right-aligned at their column's decimals, so that a
// column's decimal points line up without siunitx; every text cell is escaped.
#include "formats.hpp"
#include "latex_escape.hpp"
#include "page.hpp"
#include "user_text.hpp"

namespace nntrace {
namespace {

bool has_non_ascii(const std::string& text) {
    for (char c : text)
        if (static_cast<unsigned char>(c) >= 0x80) return true;
    return false;
}

// A number as LaTeX: a minus sign in math mode ("$-$0.41"), since a '-' in text is a hyphen.
std::string tex_number(const std::string& formatted) {
    if (!formatted.empty() && formatted.front() == '-') return "$-$" + formatted.substr(1);
    return formatted;
}

// r for a column with numbers (right-aligned, decimals line up), l for words.
std::string column_spec(const Table& t) {
    std::string spec;
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
        bool numbers = false;
        for (const auto& row : t.rows) numbers = numbers || (c < row.size() && row[c].number);
        spec += numbers ? 'r' : 'l';
    }
    return spec;
}

std::string tex_row(const std::vector<std::string>& cells) {
    std::string out = "  ";
    for (std::size_t i = 0; i < cells.size(); ++i) out += (i ? " & " : "") + cells[i];
    return out + " \\\\\n";
}

std::vector<std::string> row_cells(const Page& page, const Table& t, const std::vector<Cell>& row) {
    std::vector<std::string> cells;
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
        if (c >= row.size()) { cells.emplace_back(); continue; }
        const Cell& cell = row[c];
        if (cell.number) cells.push_back(tex_number(format_number(cell.number->hand, page.column_style(t.columns[c]))));
        else if (cell.words) cells.push_back(latex_escape(page.words(*cell.words)));
        else cells.emplace_back();
    }
    return cells;
}

// The title goes in a comment, where a teacher copies it to \frametitle or a \caption.
std::string table_tex(const Page& page, const Table& t) {
    std::string out = "% " + one_line(page.words(t.title) + " (table \"" + t.key + "\")") + "\n";
    out += "\\begin{tabular}{" + column_spec(t) + "}\n  \\toprule\n";
    std::vector<std::string> header;
    for (const Column& c : t.columns) header.push_back(latex_escape(page.words(c.title)));
    out += tex_row(header) + "  \\midrule\n";
    for (const auto& row : t.rows) out += tex_row(row_cells(page, t, row));
    return out + "  \\bottomrule\n\\end{tabular}\n";
}

std::string preamble_comment(const Record& record, const std::string& body) {
    std::string out = "% nntrace: tables of \"" + one_line(record.id) + "\", numbers at " +
                      std::to_string(record.digits) + " decimals (change with nntrace run --decimals N).\n";
    out += "% Needs \\usepackage{booktabs} in the preamble.\n";
    if (has_non_ascii(body))
        out += "% The text is UTF-8: compile with xelatex (Chinese also needs \\usepackage{ctex}).\n";
    return out;
}

}  // namespace

std::string latex_escape(const std::string& text) {
    std::string out;
    for (char c : text) {
        switch (c) {
            case '\\': out += "\\textbackslash{}"; break;
            case '{': out += "\\{"; break;
            case '}': out += "\\}"; break;
            case '$': out += "\\$"; break;
            case '&': out += "\\&"; break;
            case '#': out += "\\#"; break;
            case '%': out += "\\%"; break;
            case '_': out += "\\_"; break;
            case '^': out += "\\textasciicircum{}"; break;
            case '~': out += "\\textasciitilde{}"; break;
            // Without T1 fonts these would print as ¡ ¿ and an em dash.
            case '<': out += "\\textless{}"; break;
            case '>': out += "\\textgreater{}"; break;
            case '|': out += "\\textbar{}"; break;
            default: out += c;
        }
    }
    return one_line(out);
}

std::string render_tex(const Record& record, const RenderOptions& options) {
    require_catalog(options);
    const Page page(record, options, Minus::ascii);
    std::string body;
    for (const Table* t : selected_tables(record, options)) body += (body.empty() ? "" : "\n") + table_tex(page, *t);
    if (body.empty()) body = "% (this lesson has no tables)\n";
    return preamble_comment(record, body) + "\n" + body;
}

}  // namespace nntrace
