// The data of each kind of item on a lesson page. Formulas become LaTeX (math.hpp); numbers
// are formatted here, in the page's styles.
#include "chain_lines.hpp"
#include "drawings.hpp"
#include "math.hpp"
#include "page_data.hpp"
#include "user_text.hpp"
#include "people_text.hpp"

namespace nntrace {
namespace {

const char* const item_flags[] = {"is_step",  "is_chain", "is_sum",    "is_named_chain",
                                   "is_update", "is_table", "is_note", "is_figure"};

// Every flag is set on every item: Mustache looks a missing name up in the enclosing context.
TemplateData flagged(const std::string& flag) {
    TemplateData d;
    for (const char* f : item_flags) d.set(f, flag == f);
    return d;
}

std::string value_tex(const Page& page, const Num& n) { return latex_number(format_number(n.hand, page.value_style())); }
std::string operand_tex(const Page& page, const Num& n) { return latex_operand(format_number(n.hand, page.value_style())); }
std::string result_tex(const Page& page, const Num& n) { return latex_number(format_number(n.hand, page.result_style())); }

// Parts of an equation joined with " = ", leaving out a part that repeats the one before.
std::string equation(const std::vector<std::string>& parts) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (parts[i].empty() || (i > 0 && parts[i] == parts[i - 1])) continue;
        out += (out.empty() ? "" : " = ") + parts[i];
    }
    return out;
}

// In a hand calculation, the exact value beside the rounded one used: "(exact 0.7225)".
void set_exact(TemplateData& d, const Page& page, const Num& n) {
    const std::string exact = page.exact_if_different(n);
    d.set("has_exact", !exact.empty());
    d.set("exact", exact.empty() ? "" : page.words(Message{"render.exact_beside", {Arg{exact, {}}}}));
}

TemplateData step_data(const Page& page, const Step& s) {
    const LatexFormula f = latex_formula(s.formula, [&](const Num& n) { return format_number(n.hand, page.value_style()); });
    TemplateData d = flagged("is_step");
    d.set("anchor", anchor(s.key));
    const std::string result = result_tex(page, s.value);
    d.set("tex", is_update(s) ? latex_name(s.name) + " \\leftarrow " + equation({f.symbols, f.substituted, result})
                              : equation({latex_name(s.name), f.symbols, f.substituted, result}));
    set_exact(d, page, s.value);
    d.set("has_label", s.label.has_value());
    d.set("label", s.label ? page.words(*s.label) : "");
    return d;
}

TemplateData chain_data(const Page& page, const ChainLine& c) {
    const LatexFormula local = latex_formula(c.local_formula, [&](const Num& n) { return format_number(n.hand, page.value_style()); });
    const std::string upstream = value_tex(page, c.upstream);
    const std::string derivative = latex_partial(c.root, c.target);
    const std::string result = result_tex(page, c.contribution);
    std::string tex;
    if (c.through == c.root) {
        // The first link of a chain (∂L/∂ŷ, from L itself): the local derivative alone, not
        // "∂L/∂L · ∂L/∂ŷ = 1 · …".
        // A constant rule ("0.5") says nothing the value does not.
        tex = local.symbols == local.substituted ? equation({derivative, result})
                                                 : equation({derivative, local.symbols, local.substituted, result});
    } else {
        // "1 · y = 1 · 9": the local derivative's symbols first, where they say more than its value.
        const std::string with_symbols = local.symbols != local.substituted && !local.symbols.empty()
                                             ? upstream + " \\cdot " + local.symbols : "";
        // One path of several is named as that path's share ("via y"); the sum carries ∂z/∂b.
        tex = equation({page.is_contribution(c) ? "" : derivative,
                        latex_partial(c.root, c.through) + " \\cdot " + latex_partial(c.through, c.target),
                        with_symbols, upstream + " \\cdot " + operand_tex(page, c.local), result});
    }
    TemplateData d = flagged("is_chain");
    d.set("anchor", anchor(c.key));
    d.set("tex", tex);
    d.set("has_via", c.through != c.root && page.is_contribution(c));
    d.set("via", page.words(Message{"render.chain.via", {Arg{symbol_text(c.through), {}}}}));
    d.set("rule_tex", latex_rule(c.rule));
    d.set("rule_label", page.word("pages.rule"));
    set_exact(d, page, c.contribution);
    return d;
}

TemplateData sum_data(const Page& page, const GradientSum& g) {
    std::string symbols, values;
    for (std::size_t i = 0; i < g.through.size(); ++i) {
        symbols += (i ? " + " : "") + latex_partial(g.root, g.through[i]) + latex_partial(g.through[i], g.target);
        if (i < g.terms.size()) values += i ? " + " + operand_tex(page, g.terms[i]) : value_tex(page, g.terms[i]);
    }
    TemplateData d = flagged("is_sum");
    d.set("anchor", anchor(g.key));
    d.set("tex", equation({latex_partial(g.root, g.target), symbols, values, result_tex(page, g.total)}));
    set_exact(d, page, g.total);
    return d;
}

// The textbook's chain: one math line each (chain_lines.hpp), the lines under it marked `sub`.
TemplateData named_chain_data(const Page& page, const NamedChain& c) {
    ChainNotation n;
    n.partial = latex_partial;
    n.delta = [](const std::string& name) { return "\\delta_{" + latex_name(name) + "}"; };
    n.operand = [&](const Num& v) { return operand_tex(page, v); };
    n.result = [&](const Num& v) { return result_tex(page, v); };
    n.formula = [&](const Formula& f) {
        const LatexFormula t = latex_formula(f, [&](const Num& v) { return format_number(v.hand, page.value_style()); });
        return std::make_pair(t.symbols, t.substituted);
    };
    n.times = " \\cdot ";
    n.tight_times = " \\cdot ";
    std::vector<TemplateData> lines;
    for (const ChainText& line : chain_lines(c, n)) {
        TemplateData l;
        l.set("sub", line.depth > 0);
        l.set("has_tex", !line.math.empty());
        l.set("tex", line.math);
        l.set("has_words", line.words.has_value());
        l.set("words", line.words ? page.words(*line.words) : "");
        set_exact(l, page, line.result.value_or(Num{}));
        lines.push_back(std::move(l));
    }
    TemplateData d = flagged("is_named_chain");
    d.set("anchor", anchor(c.key));
    d.set("lines", list_of(std::move(lines)));
    return d;
}

TemplateData update_data(const Page& page, const Update& u) {
    const std::string param = latex_name(u.param);
    const std::string symbols = param + " - \\eta \\cdot " + latex_partial(u.loss.empty() ? "L" : u.loss, u.param);
    const std::string values = value_tex(page, u.before) + " - " + operand_tex(page, u.rate) + " \\cdot " +
                               operand_tex(page, u.gradient);
    TemplateData d = flagged("is_update");
    d.set("anchor", anchor(u.key));
    d.set("tex", param + " \\leftarrow " + equation({symbols, values, result_tex(page, u.after)}));
    set_exact(d, page, u.after);
    return d;
}

TemplateData note_data(const Page& page, const Note& n) {
    static const char* const kinds[] = {"info", "convention", "warning", "fault"};
    TemplateData d = flagged("is_note");
    d.set("kind", kinds[static_cast<int>(n.kind)]);
    const std::string prefix = note_prefix_id(n.kind);
    d.set("has_prefix", !prefix.empty());
    // The kind's word alone ("Warning"), so that a page can set it in bold before the text.
    d.set("prefix", prefix.empty() ? "" : page.words(Message{prefix, {Arg{"", {}}}}));
    d.set("text", page.words(n.message));
    return d;
}

std::string figure_path(const RenderOptions& options, const std::string& stem) {
    return options.figures_href.empty() ? stem : options.figures_href + "/" + stem;
}

// A drawing as an image of its SVG, or, where the SVG was not drawn, a link to its source.
TemplateData figure_data(const Page& page, const std::string& key, const Message& title, bool diagram) {
    const std::string stem = drawing_stem(key);
    const std::string base = figure_path(page.options, stem);
    const std::string tool = diagram ? "Graphviz" : "gnuplot";
    TemplateData d = flagged("is_figure");
    d.set("anchor", anchor(key));
    d.set("title", page.words(title));
    d.set("drawn", page.options.drawn.count(stem) > 0);
    d.set("diagram", diagram);
    d.set("src", figure_src(page.options, stem));
    d.set("source_href", link_target(base + (diagram ? ".dot" : ".gp")));
    d.set("source_label", page.words(Message{"pages.figure.source", {Arg{tool, {}}}}));
    return d;
}

}  // namespace

TemplateData item_data(const Page& page, const Item& item, Markup markup) {
    struct Visit {
        const Page& page;
        Markup markup;
        TemplateData operator()(const Step& s) const { return step_data(page, s); }
        TemplateData operator()(const ChainLine& c) const { return chain_data(page, c); }
        TemplateData operator()(const GradientSum& g) const { return sum_data(page, g); }
        TemplateData operator()(const NamedChain& c) const { return named_chain_data(page, c); }
        TemplateData operator()(const Update& u) const { return update_data(page, u); }
        TemplateData operator()(const Table& t) const {
            TemplateData d = table_data(page, t, markup);
            for (const char* f : item_flags) d.set(f, std::string(f) == "is_table");
            return d;
        }
        TemplateData operator()(const Note& n) const { return note_data(page, n); }
        TemplateData operator()(const Diagram& g) const { return figure_data(page, g.key, g.title, true); }
        TemplateData operator()(const NetworkDiagram& n) const { return figure_data(page, n.key, n.title, true); }
        TemplateData operator()(const Plot& p) const { return figure_data(page, p.key, p.title, false); }
    };
    return std::visit(Visit{page, markup}, item);
}

std::string figure_src(const RenderOptions& options, const std::string& stem) {
    return link_target(figure_path(options, stem) + ".svg");
}

std::string anchor(const std::string& key) {
    std::string out;
    for (char c : key) {
        const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
        out += keep ? c : '-';
    }
    return out;
}

}  // namespace nntrace
