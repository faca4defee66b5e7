// The record for a terminal: a header, each section under its title, one line per step, tables
// in aligned columns, and the published figures set beside the computed ones.
#include "formats.hpp"
#include "people_text.hpp"

namespace nntrace {
namespace {

constexpr const char* indent = "  ";

std::string underlined(const std::string& title, char rule) {
    return title + "\n" + std::string(display_width(title), rule) + "\n";
}

std::string table_block(const Page& page, const Table& t) {
    return indent + page.words(t.title) + "\n" +
           layout_grid(table_header(page, t), table_rows(page, t), indent);
}

// One item; tables are set off by blank lines since they span several lines.
std::string item_text(const Page& page, const Item& item) {
    struct Visit {
        const Page& page;
        std::string operator()(const Step& s) const { return indent + step_line(page, s) + "\n"; }
        std::string operator()(const ChainLine& c) const { return indent + chain_line(page, c) + "\n"; }
        std::string operator()(const GradientSum& g) const { return indent + sum_line(page, g) + "\n"; }
        std::string operator()(const NamedChain& c) const {
            std::string out;
            for (const std::string& line : named_chain_text(page, c)) out += indent + line + "\n";
            return out;
        }
        std::string operator()(const Update& u) const { return indent + update_line(page, u) + "\n"; }
        std::string operator()(const Table& t) const { return "\n" + table_block(page, t) + "\n"; }
        std::string operator()(const Note& n) const { return indent + note_line(page, n) + "\n"; }
        // Drawings live in their own files (.dot, .svg) beside the pages; a terminal names them.
        std::string operator()(const Diagram& d) const { return indent + drawing_line(page, d.title) + "\n"; }
        std::string operator()(const NetworkDiagram& n) const { return indent + drawing_line(page, n.title) + "\n"; }
        std::string operator()(const Plot& p) const { return indent + drawing_line(page, p.title) + "\n"; }
    };
    return std::visit(Visit{page}, item);
}

std::string section_text(const Page& page, const Section& s) {
    // A folded subsection (the elementary steps behind the chains) is underlined more lightly.
    std::string out = "\n" + underlined(page.words(s.title), s.folded ? '.' : '-');
    for (const Item& item : s.items) out += item_text(page, item);
    return out;
}

std::string comparisons_text(const Page& page) {
    if (page.record.comparisons.empty()) return {};
    return "\n" + underlined(page.word("render.comparisons"), '-') +
           layout_grid(comparison_header(page), comparison_rows(page), indent);
}

}  // namespace

std::string render_text(const Record& record, const RenderOptions& options) {
    require_catalog(options);
    const Page page(record, options, Minus::unicode);
    if (options.table) {
        std::string out;
        for (const Table* t : selected_tables(record, options)) out += table_block(page, *t);
        return out;
    }
    std::string out = underlined(page.words(record.title), '=');
    for (const std::string& line : header_lines(page)) out += line + "\n";
    for (const Section& s : record.sections) out += section_text(page.in_section(s), s);
    out += comparisons_text(page);
    return collapse_blank_lines(out);
}

}  // namespace nntrace
