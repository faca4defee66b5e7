#include "people_text.hpp"

#include <algorithm>
#include <cmath>

#include "chain_lines.hpp"
#include "dot_text.hpp"
#include "formula_text.hpp"

namespace nntrace {
namespace {

std::string partial(const std::string& of, const std::string& by) { return "∂" + symbol_text(of) + "/∂" + symbol_text(by); }

// Joins the parts of an equation with " = ", leaving out an empty part (a step with no formula)
// and a part that repeats the one before (a formula that is a bare number has nothing to
// substitute).
std::string equation(const std::vector<std::string>& parts) {
    std::string out;
    std::string previous;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (parts[i].empty() || parts[i] == previous) continue;
        previous = parts[i];
        out += (out.empty() ? "" : " = ") + parts[i];
    }
    return out;
}

std::string value_text(const Page& page, const Num& n) { return format_number(n.hand, page.value_style()); }

}  // namespace

std::string symbol_text(const std::string& name) {
    std::string out;
    bool compound = false;
    for (char c : name) {
        if (c == '*') out += "·";
        else out += c;
        compound = compound || c == '*' || c == '/' || c == '+' || c == '-' || c == '^' || c == ' ' || c == '(';
    }
    return compound ? "(" + out + ")" : out;
}

std::string result_text(const Page& page, const Num& n) {
    std::string out = format_number(n.hand, page.result_style());
    const std::string exact = page.exact_if_different(n);
    if (!exact.empty()) out += " " + page.words(Message{"render.exact_beside", {Arg{exact, {}}}});
    return out;
}

std::string step_line(const Page& page, const Step& s) {
    const FormulaText f = formula_text(s.formula, page.value_style());
    // "y = c = 1.177" says all; writing c's value twice, once trimmed, would only add noise.
    const bool one_value = s.formula.size() == 1 && s.formula[0].value;
    std::string line = one_value ? equation({s.name, f.symbols, result_text(page, s.value)})
                     : is_update(s) ? s.name + " ← " + equation({f.symbols, f.substituted, result_text(page, s.value)})
                                    : equation({s.name, f.symbols, f.substituted, result_text(page, s.value)});
    if (s.label) line += " — " + page.words(*s.label);
    return line;
}

std::string chain_line(const Page& page, const ChainLine& c) {
    const std::string rule = "   [" + c.rule + "]";
    const std::string result = result_text(page, c.contribution);
    // The first link of a chain (∂L/∂ŷ, from L itself): the local derivative alone, not
    // "∂L/∂L · ∂L/∂ŷ = 1 · …".
    if (c.through == c.root) {
        const FormulaText local = formula_text(c.local_formula, page.value_style());
        // A constant rule ("0.5") says nothing the value does not.
        if (local.symbols == local.substituted) return equation({partial(c.root, c.target), result}) + rule;
        return equation({partial(c.root, c.target), local.symbols, local.substituted, result}) + rule;
    }
    const std::string symbols = partial(c.root, c.through) + " · " + partial(c.through, c.target);
    const std::string values = product_text(value_text(page, c.upstream), value_text(page, c.local));
    // One path of several: named as that path's share ("via y: …"); the sum carries ∂z/∂b.
    if (page.is_contribution(c))
        return page.words(Message{"render.chain.via", {Arg{symbol_text(c.through), {}}}}) + " " +
               equation({symbols, values, result}) + rule;
    return equation({partial(c.root, c.target), symbols, values, result}) + rule;
}

std::string sum_line(const Page& page, const GradientSum& g) {
    std::string symbols, values;
    for (std::size_t i = 0; i < g.through.size(); ++i) {
        symbols += (i ? " + " : "") + partial(g.root, g.through[i]) + "·" + partial(g.through[i], g.target);
        if (i < g.terms.size()) {
            const std::string v = value_text(page, g.terms[i]);
            values += i ? " + " + parenthesize_negative(v) : v;
        }
    }
    return equation({partial(g.root, g.target), symbols, values, result_text(page, g.total)});
}

std::vector<std::string> named_chain_text(const Page& page, const NamedChain& c) {
    ChainNotation n;
    n.partial = partial;
    n.delta = [](const std::string& name) { return "δ_" + name; };
    n.operand = [&](const Num& v) { return parenthesize_negative(value_text(page, v)); };
    n.result = [&](const Num& v) { return format_number(v.hand, page.result_style()); };
    n.formula = [&](const Formula& f) {
        const FormulaText t = formula_text(f, page.value_style());
        return std::make_pair(t.symbols, t.substituted);
    };
    n.times = " · ";
    n.tight_times = "·";
    std::vector<std::string> out;
    for (const ChainText& line : chain_lines(c, n)) {
        std::string text = std::string(static_cast<std::size_t>(4 * line.depth), ' ');
        if (line.words) text += page.words(*line.words);
        text += line.math;
        const std::string exact = line.result ? page.exact_if_different(*line.result) : "";
        if (!exact.empty()) text += " " + page.words(Message{"render.exact_beside", {Arg{exact, {}}}});
        out.push_back(std::move(text));
    }
    return out;
}

std::string update_line(const Page& page, const Update& u) {
    const std::string loss = u.loss.empty() ? "L" : u.loss;
    const std::string symbols = u.param + " − η·" + partial(loss, u.param);
    const std::string values = value_text(page, u.before) + " − " +
                               parenthesize_negative(value_text(page, u.rate)) + "·" +
                               parenthesize_negative(value_text(page, u.gradient));
    return u.param + " ← " + equation({symbols, values, result_text(page, u.after)});
}

Spans note_spans(const Page& page, const Note& n) {
    const std::string text = page.words(n.message);
    // A convention is stated by the tool's catalogs or a lesson's own strings, never by a user's
    // file (a problem's title is user text, and a warning may quote it); user text may still
    // come in through an argument.
    const bool authored = n.kind == Note::Kind::convention &&
                          std::none_of(n.message.args.begin(), n.message.args.end(),
                                       [](const Arg& a) { return !a.text.empty(); });
    return authored ? math_spans(text) : Spans{Span{Span::Kind::text, text}};
}

std::string note_line(const Page& page, const Note& n) {
    std::string text;
    for (const Span& s : note_spans(page, n)) text += s.kind == Span::Kind::math ? plain_math(s.text) : s.text;
    const std::string prefix = note_prefix_id(n.kind);
    return prefix.empty() ? text : page.words(Message{prefix, {Arg{text, {}}}});
}

std::string drawing_line(const Page& page, const Message& title) {
    return page.words(Message{"render.drawing", {Arg{page.words(title), {}}}});
}

std::vector<std::string> header_lines(const Page& page) {
    const Record& r = page.record;
    std::vector<std::string> lines{page.words(convention_message(r))};
    std::string parameters;
    for (const auto& [name, value] : page.parameters_in_order())
        parameters += (parameters.empty() ? "" : ", ") + name + " = " + format_number(value.hand, page.parameter_style());
    if (!parameters.empty()) lines.push_back(page.words(Message{"render.parameters", {Arg{parameters, {}}}}));
    std::string settings;
    for (const auto& [name, value] : page.settings_for_readers()) settings += (settings.empty() ? "" : ", ") + name + " = " + value;
    if (!settings.empty()) lines.push_back(page.words(Message{"render.settings", {Arg{settings, {}}}}));
    return lines;
}

std::vector<std::string> table_header(const Page& page, const Table& t) {
    std::vector<std::string> header;
    for (const Column& c : t.columns) header.push_back(page.words(c.title));
    return header;
}

namespace {

// In exact arithmetic, a column holding whole numbers only (a perceptron's weights, the points
// of an OR gate) shows them as integers: "2", not "2.000000". A column with any fraction keeps
// its fixed decimals so that it lines up; a hand calculation keeps them all, as written by hand.
std::vector<bool> whole_columns(const Page& page, const Table& t) {
    std::vector<bool> whole(t.columns.size(), page.record.arithmetic.rounding == Rounding::exact);
    for (const auto& row : t.rows)
        for (std::size_t c = 0; c < row.size() && c < whole.size(); ++c)
            if (row[c].number && std::trunc(row[c].number->hand) != row[c].number->hand) whole[c] = false;
    return whole;
}

}  // namespace

std::vector<std::vector<GridCell>> table_rows(const Page& page, const Table& t) {
    std::vector<std::vector<GridCell>> rows;
    const std::vector<bool> whole = whole_columns(page, t);
    for (const auto& row : t.rows) {
        std::vector<GridCell> cells;
        for (std::size_t c = 0; c < row.size(); ++c) {
            const Cell& cell = row[c];
            NumberStyle style = c < t.columns.size() ? page.column_style(t.columns[c])
                                                     : NumberStyle{page.digits, Shape::fixed, page.minus};
            if (c < whole.size() && whole[c]) style.shape = Shape::bare_integers;
            if (cell.number) cells.push_back({format_number(cell.number->hand, style), Align::right});
            else if (cell.words) cells.push_back({page.words(*cell.words), Align::left});
            else cells.push_back({"", Align::left});
        }
        rows.push_back(std::move(cells));
    }
    return rows;
}

std::vector<std::string> comparison_header(const Page& page) {
    return {page.word("render.column.figure"), page.word("render.column.published"),
            page.word("render.column.computed"), page.word("render.column.verdict"),
            page.word("render.column.reason")};
}

std::vector<std::vector<GridCell>> comparison_rows(const Page& page) {
    std::vector<std::vector<GridCell>> rows;
    for (const Comparison& c : page.record.comparisons) {
        const bool missing = c.verdict == Comparison::Verdict::missing;
        const NumberStyle at_printed{c.digits, Shape::fixed, page.minus};
        rows.push_back({{c.label.empty() ? c.key : page.label(c.label), Align::left},
                        {printed_figure(c.published, page.minus), Align::right},
                        {missing ? "—" : format_number(c.computed.hand, at_printed), Align::right},
                        {verdict_mark(c.verdict) + " " + page.word(verdict_id(c.verdict)), Align::left},
                        {c.reason ? page.words(*c.reason) : "", Align::left}});
    }
    return rows;
}

std::string collapse_blank_lines(const std::string& page) {
    std::string out;
    for (char c : page) {
        if (c == '\n' && out.size() >= 2 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') continue;
        if (c == '\n' && out.empty()) continue;
        out += c;
    }
    while (out.size() >= 2 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') out.pop_back();
    return out;
}

}  // namespace nntrace
