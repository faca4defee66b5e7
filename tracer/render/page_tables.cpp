// The data of a page's tables: the record's tables and the published-figure comparisons.
#include "page_data.hpp"
#include "people_text.hpp"
#include "user_text.hpp"

namespace nntrace {
namespace {

// In Markdown a '|' would end the cell and a line break the row: the template's escape
// (markdown_text) keeps both as text, as it does for every other value.
TemplateData cell(const std::string& text, bool numeric) {
    TemplateData d;
    d.set("text", text);
    d.set("numeric", numeric);
    return d;
}

TemplateData columns_data(const std::vector<std::string>& titles, const std::vector<bool>& numeric) {
    std::vector<TemplateData> columns;
    for (std::size_t c = 0; c < titles.size(); ++c) columns.push_back(cell(titles[c], numeric[c]));
    return list_of(std::move(columns));
}

const char* verdict_class(Comparison::Verdict v) {
    switch (v) {
        case Comparison::Verdict::matches: return "matches";
        case Comparison::Verdict::last_digit: return "last-digit";
        case Comparison::Verdict::differs: return "differs";
        case Comparison::Verdict::another_row: return "another-row";
        case Comparison::Verdict::missing: return "missing";
    }
    return "missing";
}

bool names_a_step(const Record& record, const std::string& key) {
    for (const Section& s : record.sections)
        for (const Item& item : s.items)
            if (const auto* step = std::get_if<Step>(&item); step && step->key == key) return true;
    return false;
}

TemplateData comparison_row(const Page& page, const Comparison& c) {
    const bool missing = c.verdict == Comparison::Verdict::missing;
    TemplateData d;
    d.set("label", c.label.empty() ? c.key : page.label(c.label));
    d.set("has_href", names_a_step(page.record, c.key));
    d.set("href", "#" + anchor(c.key));
    d.set("published", printed_figure(c.published, page.minus));
    d.set("computed", missing ? "—" : format_number(c.computed.hand, NumberStyle{c.digits, Shape::fixed, page.minus}));
    d.set("mark", verdict_mark(c.verdict));
    d.set("verdict", page.word(verdict_id(c.verdict)));
    d.set("class", verdict_class(c.verdict));
    d.set("has_reason", c.reason.has_value());
    d.set("reason", c.reason ? page.words(*c.reason) : "");
    return d;
}

// One row of a table's body as markup. The body is written here, not through the template: a
// class of 100,000 students is a million cells, and as template data each cell would be an
// object copied at every level of the page's data (the Mustache library copies whatever it is
// given): 17 KB a row at the peak, ten times the time. Each cell's text is escaped as the
// template escapes a value.
void append_row(std::string& out, const std::vector<GridCell>& row, std::size_t columns, Markup markup) {
    if (!out.empty()) out += '\n';
    out += markup == Markup::html ? "<tr>" : "|";
    for (std::size_t c = 0; c < columns; ++c) {
        const std::string& text = c < row.size() ? row[c].text : std::string();
        if (markup == Markup::markdown) {
            out += " " + markdown_text(text) + " |";
            continue;
        }
        out += c < row.size() && row[c].align == Align::right ? "<td class=\"num\">" : "<td>";
        out += kainjow::mustache::html_escape(text) + "</td>";
    }
    if (markup == Markup::html) out += "</tr>";
}

}  // namespace

TemplateData table_data(const Page& page, const Table& t, Markup markup) {
    const std::vector<std::vector<GridCell>> grid = table_rows(page, t);
    const std::vector<std::string> header = table_header(page, t);
    std::vector<bool> numeric(header.size(), false);  // a column of numbers is right-aligned
    for (const auto& row : grid)
        for (std::size_t c = 0; c < row.size() && c < numeric.size(); ++c)
            numeric[c] = numeric[c] || row[c].align == Align::right;
    std::string rows;
    for (const auto& row : grid) append_row(rows, row, header.size(), markup);
    TemplateData d;
    d.set("anchor", anchor(t.key));
    d.set("captioned", true);
    d.set("title", page.words(t.title));
    d.set("columns", columns_data(header, numeric));
    d.set("has_rows", !grid.empty());
    d.set("rows_markup", rows);
    return d;
}

TemplateData comparisons_data(const Page& page, Markup) {
    std::vector<TemplateData> rows;
    for (const Comparison& c : page.record.comparisons) rows.push_back(comparison_row(page, c));
    TemplateData d;
    d.set("heading", page.word("render.comparisons"));
    d.set("intro", page.word("pages.comparisons.intro"));
    d.set("columns", columns_data(comparison_header(page), {false, true, true, false, false}));
    d.set("rows", list_of(std::move(rows)));
    return d;
}

}  // namespace nntrace
