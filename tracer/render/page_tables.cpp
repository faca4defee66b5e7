// The data of a page's tables: the record's tables and the published-figure comparisons.
#include "page_data.hpp"
#include "people_text.hpp"

namespace nntrace {
namespace {

// A cell's text: in Markdown a '|' would end the cell and a line break the row.
std::string cell_text(const std::string& text, Markup markup) {
    if (markup == Markup::html) return text;
    std::string out;
    for (char c : text) {
        if (c == '|') out += "\\|";
        else out += c == '\n' ? ' ' : c;
    }
    return out;
}

TemplateData cell(const std::string& text, bool numeric, Markup markup) {
    TemplateData d;
    d.set("text", cell_text(text, markup));
    d.set("numeric", numeric);
    return d;
}

TemplateData columns_data(const std::vector<std::string>& titles, const std::vector<bool>& numeric, Markup markup) {
    std::vector<TemplateData> columns;
    for (std::size_t c = 0; c < titles.size(); ++c) columns.push_back(cell(titles[c], numeric[c], markup));
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

TemplateData comparison_row(const Page& page, const Comparison& c, Markup markup) {
    const bool missing = c.verdict == Comparison::Verdict::missing;
    TemplateData d;
    d.set("label", cell_text(c.label.empty() ? c.key : c.label, markup));
    d.set("has_href", names_a_step(page.record, c.key));
    d.set("href", "#" + anchor(c.key));
    d.set("published", cell_text(c.published, markup));
    d.set("computed", missing ? "—" : format_number(c.computed.hand, NumberStyle{c.digits, Shape::fixed, page.minus}));
    d.set("mark", verdict_mark(c.verdict));
    d.set("verdict", page.word(verdict_id(c.verdict)));
    d.set("class", verdict_class(c.verdict));
    d.set("has_reason", c.reason.has_value());
    d.set("reason", c.reason ? cell_text(page.words(*c.reason), markup) : "");
    return d;
}

}  // namespace

TemplateData table_data(const Page& page, const Table& t, Markup markup) {
    const std::vector<std::vector<GridCell>> grid = table_rows(page, t);
    const std::vector<std::string> header = table_header(page, t);
    std::vector<bool> numeric(header.size(), false);  // a column of numbers is right-aligned
    for (const auto& row : grid)
        for (std::size_t c = 0; c < row.size() && c < numeric.size(); ++c)
            numeric[c] = numeric[c] || row[c].align == Align::right;
    std::vector<TemplateData> rows;
    for (const auto& row : grid) {
        std::vector<TemplateData> cells;
        for (std::size_t c = 0; c < header.size(); ++c)
            cells.push_back(c < row.size() ? cell(row[c].text, row[c].align == Align::right, markup)
                                           : cell("", false, markup));
        TemplateData r;
        r.set("cells", list_of(std::move(cells)));
        rows.push_back(std::move(r));
    }
    TemplateData d;
    d.set("anchor", anchor(t.key));
    d.set("captioned", true);
    d.set("title", page.words(t.title));
    d.set("columns", columns_data(header, numeric, markup));
    d.set("rows", list_of(std::move(rows)));
    return d;
}

TemplateData comparisons_data(const Page& page, Markup markup) {
    std::vector<TemplateData> rows;
    for (const Comparison& c : page.record.comparisons) rows.push_back(comparison_row(page, c, markup));
    TemplateData d;
    d.set("heading", page.word("render.comparisons"));
    d.set("intro", page.word("pages.comparisons.intro"));
    d.set("columns", columns_data(comparison_header(page), {false, true, true, false, false}, markup));
    d.set("rows", list_of(std::move(rows)));
    return d;
}

}  // namespace nntrace
