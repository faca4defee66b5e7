// A plain Markdown page: headings for the title and the sections, one list item per line of
// working, pipe tables. Text is escaped so that names such as l_h1 stay as written.
#include "formats.hpp"
#include "people_text.hpp"

namespace nntrace {
namespace {

// Backslash-escapes the characters Markdown would read as markup; inside a table this also
// keeps a '|' in a cell from splitting it.
std::string md_escape(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '\n') { out += ' '; continue; }
        if (std::string("\\`*_[]<>|#").find(c) != std::string::npos) out += '\\';
        out += c;
    }
    return out;
}

std::string pipe_row(const std::vector<std::string>& cells) {
    std::string out = "|";
    for (const std::string& c : cells) out += " " + md_escape(c) + " |";
    return out + "\n";
}

std::string pipe_table(const std::vector<std::string>& header, const std::vector<std::vector<GridCell>>& rows) {
    std::string out = pipe_row(header);
    std::string rule = "|";
    for (std::size_t c = 0; c < header.size(); ++c) {
        bool numbers = false;
        for (const auto& row : rows) numbers = numbers || (c < row.size() && row[c].align == Align::right);
        rule += numbers ? " ---: |" : " --- |";
    }
    out += rule + "\n";
    for (const auto& row : rows) {
        std::vector<std::string> cells(header.size());
        for (std::size_t c = 0; c < row.size() && c < cells.size(); ++c) cells[c] = row[c].text;
        out += pipe_row(cells);
    }
    return out;
}

std::string table_md(const Page& page, const Table& t) {
    return "**" + md_escape(page.words(t.title)) + "**\n\n" + pipe_table(table_header(page, t), table_rows(page, t));
}

std::string item_md(const Page& page, const Item& item) {
    struct Visit {
        const Page& page;
        std::string operator()(const Step& s) const { return "- " + md_escape(step_line(page, s)) + "\n"; }
        std::string operator()(const ChainLine& c) const { return "- " + md_escape(chain_line(page, c)) + "\n"; }
        std::string operator()(const GradientSum& g) const { return "- " + md_escape(sum_line(page, g)) + "\n"; }
        std::string operator()(const Update& u) const { return "- " + md_escape(update_line(page, u)) + "\n"; }
        std::string operator()(const Table& t) const { return "\n" + table_md(page, t) + "\n"; }
        std::string operator()(const Note& n) const { return "\n> " + md_escape(note_line(page, n)) + "\n\n"; }
        std::string operator()(const Diagram& d) const { return "- " + md_escape(drawing_line(page, d.title)) + "\n"; }
        std::string operator()(const Plot& p) const { return "- " + md_escape(drawing_line(page, p.title)) + "\n"; }
    };
    return std::visit(Visit{page}, item);
}

}  // namespace

std::string render_markdown(const Record& record, const RenderOptions& options) {
    require_catalog(options);
    const Page page(record, options, Minus::unicode);
    if (options.table) {
        std::string out;
        for (const Table* t : selected_tables(record, options)) out += table_md(page, *t);
        return out;
    }
    std::string out = "# " + md_escape(page.words(record.title)) + "\n\n";
    for (const std::string& line : header_lines(page)) out += md_escape(line) + "\n\n";
    for (const Section& s : record.sections) {
        out += "## " + md_escape(page.words(s.title)) + "\n\n";
        for (const Item& item : s.items) out += item_md(page, item);
        out += "\n";
    }
    if (!record.comparisons.empty())
        out += "## " + md_escape(page.word("render.comparisons")) + "\n\n" +
               pipe_table(comparison_header(page), comparison_rows(page));
    return collapse_blank_lines(out);
}

}  // namespace nntrace
