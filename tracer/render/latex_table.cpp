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

// A formatted number's parts: "-12.50" → sign, "12", "50".
struct DecimalParts {
    bool sign = false;
    std::string integer, decimals;
    bool plain = false;  // only digits, at most one point with digits after it
};

DecimalParts decimal_parts(const std::string& text) {
    DecimalParts p;
    p.sign = !text.empty() && text[0] == '-';
    const std::string digits = text.substr(p.sign ? 1 : 0);
    const std::size_t point = digits.find('.');
    p.integer = digits.substr(0, point);
    if (point != std::string::npos) p.decimals = digits.substr(point + 1);
    auto all_digits = [](const std::string& s) { return s.find_first_not_of("0123456789") == std::string::npos; };
    p.plain = !p.integer.empty() && all_digits(p.integer) && all_digits(p.decimals) &&
              (point == std::string::npos || !p.decimals.empty());
    return p;
}

// "0.41", "-12.5", "18": what an S column reads as a number. Anything else ("inf", "1e100") is
// set in braces, which siunitx prints as it is.
bool is_plain_decimal(const std::string& text) { return decimal_parts(text).plain; }

// A number siunitx would not read, as LaTeX: −∞, NaN, 1.5 × 10²⁰.
std::string other_number_tex(const std::string& formatted) {
    if (formatted == "inf") return "$\\infty$";
    if (formatted == "-inf") return "$-\\infty$";
    if (formatted == "nan") return "NaN";
    return "$" + latex_number(formatted) + "$";
}

// Column c's numbers, formatted as the page formats a column: fixed decimals.
std::vector<std::string> formatted_column(const Page& page, const Table& t, std::size_t c) {
    std::vector<std::string> numbers;
    for (const auto& row : t.rows)
        if (c < row.size() && row[c].number)
            numbers.push_back(format_number(row[c].number->hand, page.column_style(t.columns[c])));
    return numbers;
}

// S[table-format=-1.3]: room for the sign, the integer digits and the decimals of the widest
// number, so that the decimal points line up; l for a column of words, r for one of numbers
// siunitx would not read.
std::string column_type(const std::vector<std::string>& numbers) {
    std::size_t integer = 0, decimals = 0;
    bool sign = false, plain = false;
    for (const std::string& n : numbers) {
        const DecimalParts p = decimal_parts(n);
        if (!p.plain) continue;
        plain = true;
        sign = sign || p.sign;
        integer = std::max(integer, p.integer.size());
        decimals = std::max(decimals, p.decimals.size());
    }
    if (!plain) return numbers.empty() ? "l" : "r";
    const std::string format =
        std::string(sign ? "-" : "") + std::to_string(integer) + (decimals ? "." + std::to_string(decimals) : "");
    // Digits ungrouped: the slide shows 0.409735105 as the page and the hand calculation do.
    return "S[table-format=" + format + ", group-digits=none]";
}

bool is_s_column(const std::string& type) { return type[0] == 'S'; }

std::string tex_row(const std::vector<std::string>& cells) {
    std::string out = "  ";
    for (std::size_t i = 0; i < cells.size(); ++i) out += (i ? " & " : "") + cells[i];
    return out + " \\\\\n";
}

// An S column reads its cells as numbers: a title, a word or an unreadable number goes in braces.
std::string in_column(const std::string& tex, const std::string& type) {
    return is_s_column(type) && !tex.empty() && !is_plain_decimal(tex) ? "{" + tex + "}" : tex;
}

std::string cell_tex(const Page& page, const Column& column, const Cell& cell) {
    if (cell.number) {
        const std::string n = format_number(cell.number->hand, page.column_style(column));
        return is_plain_decimal(n) ? n : other_number_tex(n);
    }
    return cell.words ? tex_text(page.words(*cell.words)) : "";
}

struct TableTex {
    std::string tex;
    bool siunitx = false;  // it has an S column
};

TableTex table_tex(const Page& page, const Table& t) {
    std::vector<std::string> types;
    for (std::size_t c = 0; c < t.columns.size(); ++c) types.push_back(column_type(formatted_column(page, t, c)));
    // The title goes in a comment, where a teacher copies it to \frametitle or a \caption.
    const Message title{"render.tex.table", {Arg{page.words(t.title), {}}, Arg{t.key, {}}}};
    std::string out = "% " + one_line(page.words(title)) + "\n\\begin{tabular}{";
    for (const std::string& type : types) out += type;
    out += "}\n  \\toprule\n";
    std::vector<std::string> header;
    for (std::size_t c = 0; c < t.columns.size(); ++c)
        header.push_back(in_column(tex_text(page.words(t.columns[c].title)), types[c]));
    out += tex_row(header) + "  \\midrule\n";
    for (const auto& row : t.rows) {
        std::vector<std::string> cells;
        for (std::size_t c = 0; c < t.columns.size(); ++c)
            cells.push_back(c < row.size() ? in_column(cell_tex(page, t.columns[c], row[c]), types[c]) : "");
        out += tex_row(cells);
    }
    return {out + "  \\bottomrule\n\\end{tabular}\n", std::any_of(types.begin(), types.end(), is_s_column)};
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

// The packages the tables use: amsmath for \operatorname and \text, ctex for Chinese.
std::string packages(const std::string& body, bool siunitx, bool chinese) {
    std::string list = "booktabs";
    if (siunitx) list += ",siunitx";
    if (body.find("\\text{") != std::string::npos || body.find("\\operatorname") != std::string::npos)
        list += ",amsmath";
    if (chinese) list += ",ctex";
    return list;
}

// The note above the tables: what they are, the packages they need, the engines that compile
// them. tests/tracer/render/latex_compile.sh compiles the tables with just these.
std::string tables_note(const Page& page, const std::string& body, bool siunitx) {
    const bool chinese = has_non_ascii_text(body);
    const Record& r = page.record;
    const Message what{"render.tex.tables", {Arg{r.id, {}}, Arg{std::to_string(r.digits), {}}}};
    const Message preamble{"render.tex.preamble", {Arg{"\\usepackage{" + packages(body, siunitx, chinese) + "}", {}}}};
    return "% " + one_line(page.words(what)) + "\n% " + one_line(page.words(preamble)) + "\n% " +
           one_line(page.word(chinese ? "render.tex.engines.xelatex" : "render.tex.engines.any")) + "\n";
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
