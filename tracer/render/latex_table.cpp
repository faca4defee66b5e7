// The record's tables as LaTeX for lecture slides: one booktabs tabular per table, ready to
// \input into a Beamer frame. Numbers stand in siunitx S columns, aligned on the decimal point;
// names and formulas are math ($\partial J/\partial x$), words are escaped text, so that English
// tables compile with pdflatex as with xelatex. The note at the top names the packages and the
// engines; tests/tracer/render/latex_compile.sh compiles every lesson's tables by that note.
#include <algorithm>

#include "formats.hpp"
#include "latex_escape.hpp"
#include "math.hpp"
#include "page.hpp"
#include "user_text.hpp"

namespace nntrace {
namespace {

// "0.41", "-12.5", "18": what an S column reads as a number. Anything else ("inf", "1e100", a
// word) is set in braces, which siunitx prints as it is.
bool is_plain_decimal(const std::string& text) {
    const std::size_t digits = !text.empty() && text[0] == '-' ? 1 : 0;
    const std::size_t point = text.find('.');
    const std::string integer = text.substr(digits, point == std::string::npos ? std::string::npos : point - digits);
    const std::string decimals = point == std::string::npos ? "" : text.substr(point + 1);
    auto all_digits = [](const std::string& s) { return s.find_first_not_of("0123456789") == std::string::npos; };
    return !integer.empty() && all_digits(integer) && all_digits(decimals) && (point == std::string::npos || !decimals.empty());
}

// A number siunitx would not read, as LaTeX: −∞, NaN, 1.5 × 10²⁰.
std::string other_number_tex(const std::string& formatted) {
    if (formatted == "inf" || formatted == "-inf") return std::string("$") + (formatted[0] == '-' ? "-" : "") + "\\infty$";
    if (formatted == "nan") return "NaN";
    return "$" + latex_number(formatted) + "$";
}

std::vector<std::string> formatted_column(const Page& page, const Table& t, std::size_t c) {
    std::vector<std::string> numbers;
    for (const auto& row : t.rows)
        if (c < row.size() && row[c].number) numbers.push_back(format_number(row[c].number->hand, page.column_style(t.columns[c])));
    return numbers;
}

// S[table-format=-1.3]: room for the sign, the integer digits and the decimals of the widest
// number, so that the decimal points line up; l for a column of words.
std::string column_type(const std::vector<std::string>& numbers) {
    std::size_t integer = 0, decimals = 0;
    bool sign = false, plain = false;
    for (const std::string& n : numbers) {
        if (!is_plain_decimal(n)) continue;
        plain = true;
        sign = sign || n[0] == '-';
        const std::size_t begin = n[0] == '-' ? 1 : 0;
        const std::size_t point = n.find('.');
        integer = std::max(integer, (point == std::string::npos ? n.size() : point) - begin);
        if (point != std::string::npos) decimals = std::max(decimals, n.size() - point - 1);
    }
    if (!plain) return numbers.empty() ? "l" : "r";
    const std::string format = std::string(sign ? "-" : "") + std::to_string(integer) +
                               (decimals ? "." + std::to_string(decimals) : "");
    // Digits ungrouped: the slide shows 0.409735105 as the page and the hand calculation do.
    return "S[table-format=" + format + ", group-digits=none]";
}

std::string tex_row(const std::vector<std::string>& cells) {
    std::string out = "  ";
    for (std::size_t i = 0; i < cells.size(); ++i) out += (i ? " & " : "") + cells[i];
    return out + " \\\\\n";
}

// An S column reads its cells as numbers: everything else goes in braces.
std::string cell_tex(const std::string& tex, bool s_column, bool number) {
    return s_column && !number ? "{" + tex + "}" : tex;
}

struct TableTex {
    std::string tex;
    bool siunitx = false;
};

TableTex table_tex(const Page& page, const Table& t) {
    std::vector<std::string> types;
    for (std::size_t c = 0; c < t.columns.size(); ++c) types.push_back(column_type(formatted_column(page, t, c)));
    auto s_column = [&](std::size_t c) { return types[c][0] == 'S'; };
    // The title goes in a comment, where a teacher copies it to \frametitle or a \caption.
    std::string out = "% " + one_line(page.words(Message{"render.tex.table", {Arg{page.words(t.title), {}}, Arg{t.key, {}}}})) + "\n";
    std::string spec;
    for (const std::string& type : types) spec += type;
    out += "\\begin{tabular}{" + spec + "}\n  \\toprule\n";
    std::vector<std::string> header;
    for (std::size_t c = 0; c < t.columns.size(); ++c) header.push_back(cell_tex(tex_text(page.words(t.columns[c].title)), s_column(c), false));
    out += tex_row(header) + "  \\midrule\n";
    for (const auto& row : t.rows) {
        std::vector<std::string> cells;
        for (std::size_t c = 0; c < t.columns.size(); ++c) {
            std::string cell;
            bool number = false;
            if (c < row.size() && row[c].number) {
                const std::string n = format_number(row[c].number->hand, page.column_style(t.columns[c]));
                number = is_plain_decimal(n) && s_column(c);
                cell = number ? n : other_number_tex(n);
            } else if (c < row.size() && row[c].words) {
                cell = tex_text(page.words(*row[c].words));
            }
            cells.push_back(cell.empty() ? cell : cell_tex(cell, s_column(c), number));
        }
        out += tex_row(cells);
    }
    return {out + "  \\bottomrule\n\\end{tabular}\n", std::any_of(types.begin(), types.end(), [](const std::string& type) { return type[0] == 'S'; })};
}

// Whether a line that is not a comment holds a non-ASCII byte: Chinese words, set by ctex.
bool has_non_ascii_text(const std::string& tex) {
    bool comment = false, line_start = true;
    for (char c : tex) {
        if (line_start) comment = c == '%';
        line_start = c == '\n';
        if (!comment && static_cast<unsigned char>(c) >= 0x80) return true;
    }
    return false;
}

// The note above the tables: what they are, the packages they need, the engines that compile
// them. The test compiles the tables with exactly these packages and engines.
std::string tables_note(const Page& page, const std::string& body, bool siunitx) {
    const bool chinese = has_non_ascii_text(body);
    std::string packages = "booktabs";
    if (siunitx) packages += ",siunitx";
    if (body.find("\\text{") != std::string::npos || body.find("\\operatorname") != std::string::npos) packages += ",amsmath";
    if (chinese) packages += ",ctex";
    const Record& r = page.record;
    std::string out = "% " + one_line(page.words(Message{"render.tex.tables", {Arg{r.id, {}}, Arg{std::to_string(r.digits), {}}}})) + "\n";
    out += "% " + one_line(page.words(Message{"render.tex.preamble", {Arg{"\\usepackage{" + packages + "}", {}}}})) + "\n";
    out += "% " + one_line(page.word(chinese ? "render.tex.engines.xelatex" : "render.tex.engines.any")) + "\n";
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
    bool siunitx = false;
    for (const Table* t : selected_tables(record, options)) {
        const TableTex table = table_tex(page, *t);
        body += (body.empty() ? "" : "\n") + table.tex;
        siunitx = siunitx || table.siunitx;
    }
    if (body.empty()) body = "% " + page.word("render.tex.no_tables") + "\n";
    return tables_note(page, body, siunitx) + "\n" + body;
}

}  // namespace nntrace
