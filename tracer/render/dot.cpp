// A computation graph as Graphviz DOT: left to right by layer, named nodes prominent, the local
// derivative on every edge; in a backward view the gradient on every node, the contribution on
// every edge, and the sum written out where a node feeds several others.
#include "dot_diagram.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <vector>

#include "dot_text.hpp"
#include "math.hpp"
#include "number_format.hpp"
#include "user_text.hpp"

namespace nntrace {
namespace {

// Colours of the backward view, kept apart from the values so that a slide shows at a glance
// which numbers flow forward and which flow back.
constexpr const char* gradient_colour = "#b2182b";
constexpr const char* rule_colour = "#666666";

bool is_ascii_alpha(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
bool is_word_char(char c) { return is_ascii_alpha(c) || is_ascii_digit(c) || c == '_'; }

bool is_leaf(const DiagramNode& n) { return n.op == "input" || n.op == "parameter"; }

// A drawing of the named quantities (named_diagram): its edges carry formulas, not rules.
bool is_named_view(const Diagram& d) {
    return std::any_of(d.edges.begin(), d.edges.end(), [](const DiagramEdge& e) { return !e.formula.empty(); });
}

struct Labeller {
    const Diagram& diagram;
    NumberStyle style;
    std::map<std::string, const DiagramNode*> by_id;

    Labeller(const Diagram& d, int digits) : diagram(d), style{digits, Shape::bare_integers, Minus::unicode} {
        for (const DiagramNode& n : d.nodes) by_id[n.id] = &n;
    }
    std::string number(const Num& n) const { return format_number(n.hand, style); }
    // A leaf's value as the setup gives it: w1 = 0.6, not 0.600.
    std::string given(const Num& n) const { return format_number(n.hand, {style.decimals, Shape::trim_zeros, style.minus}); }
    std::string value(const DiagramNode& n) const { return is_leaf(n) ? given(n.value) : number(n.value); }
    // A term of a sum: a negative one bracketed, "27 + (−3)".
    std::string term(const Num& n) const { return n.hand < 0 ? "(" + number(n) + ")" : number(n); }
    const DiagramNode* node(const std::string& id) const {
        const auto it = by_id.find(id);
        return it == by_id.end() ? nullptr : it->second;
    }
    std::string name(const std::string& id) const {
        const DiagramNode* n = node(id);
        return n ? n->name : id;
    }
    // ∂z/∂b, with the diagram's root on top.
    std::string partial(const std::string& of, const std::string& by) const {
        return dot_partial(name(of), name(by));
    }
    std::string gradient_line(const DiagramNode& n) const;
    std::string node_label(const DiagramNode& n) const;
    std::string edge_label(const DiagramEdge& e) const;
};

// "∂z/∂b = 27 + 36 = 63" where b feeds several nodes (the terms are on its outgoing edges, in
// the record's order), "∂z/∂x = 9" otherwise.
std::string Labeller::gradient_line(const DiagramNode& n) const {
    std::vector<std::string> terms;
    for (const DiagramEdge& e : diagram.edges)
        if (e.from == n.id && e.contribution) terms.push_back(term(*e.contribution));
    std::string line = partial(diagram.root, n.id) + " = ";
    if (terms.size() > 1) {
        for (std::size_t i = 0; i < terms.size(); ++i) line += (i ? " + " : "") + terms[i];
        line += " = ";
    }
    return line + number(*n.gradient);
}

std::string Labeller::node_label(const DiagramNode& n) const {
    const std::string name = dot_name(n.name);
    // Named view: the name alone on the first line, so that the boxes stay narrow.
    if (is_named_view(diagram))
        return "<B>" + name + "</B><BR/>= " + value(n) +
               (n.gradient ? "<BR/>" + in_gradient_colour(gradient_line(n)) : "");
    // After bold text the space must not lead the next text piece: SVG drops a leading space.
    std::string label = (n.named ? "<B>" + name + "</B>&#160;= " : name + " = ") + value(n);
    if (n.gradient)
        label += "<BR/>" + in_gradient_colour(gradient_line(n));
    return label;
}

// ∂out_o1/∂l_o1 = out_o1·(1 − out_o1), its value on the line below.
std::string named_edge_label(const Labeller& l, const DiagramEdge& e) {
    const LatexFormula f = latex_formula(e.formula, [&](const Num& n) { return l.number(n); });
    return l.partial(e.to, e.from) + " = " + dot_math(f.symbols) + "<BR/>= " + l.number(e.local);
}

// ∂x/∂(3*b) = 3, the rule below it in grey; in a backward view the contribution that reaches
// the argument: upstream · local = contribution.
std::string Labeller::edge_label(const DiagramEdge& e) const {
    if (!e.formula.empty()) return named_edge_label(*this, e);
    std::string label = partial(e.to, e.from) + " = " + number(e.local);
    if (!e.rule.empty())
        label += std::string("<BR/><FONT COLOR=\"") + rule_colour + "\" POINT-SIZE=\"11\">" +
                 dot_math(latex_rule(e.rule)) + "</FONT>";
    if (e.contribution) {
        const DiagramNode* to = node(e.to);
        const std::string upstream = to && to->gradient ? term(*to->gradient) + " · " + term(e.local) + " = " : "";
        label += "<BR/>" + in_gradient_colour(upstream + number(*e.contribution));
    }
    return label;
}

// DOT's keywords cannot be bare identifiers (`digraph graph {` is a syntax error), in any case.
bool is_dot_keyword(const std::string& id) {
    std::string lower;
    for (char c : id) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const char* k : {"node", "edge", "graph", "digraph", "subgraph", "strict"})
        if (lower == k) return true;
    return false;
}

// The column each node is drawn in: its layer, except that a leaf stands just before the first
// node that uses it. In a network the weights of the output layer then stand beside the hidden
// neurons they multiply instead of all in the first column with the inputs.
std::map<std::string, int> drawn_layers(const Diagram& d) {
    std::map<std::string, int> layer;
    for (const DiagramNode& n : d.nodes) layer[n.id] = n.layer;
    for (const DiagramNode& n : d.nodes) {
        if (!is_leaf(n)) continue;
        int first_use = -1;
        for (const DiagramEdge& e : d.edges)
            if (e.from == n.id && layer.count(e.to))
                first_use = first_use < 0 ? layer[e.to] : std::min(first_use, layer[e.to]);
        if (first_use > 0) layer[n.id] = first_use - 1;
    }
    return layer;
}

std::string node_attributes(const Diagram& d, const DiagramNode& n) {
    if (n.id == d.root) return "class=\"root\", style=\"rounded,filled,bold\", fillcolor=\"#deebf7\", penwidth=2";
    if (n.op == "parameter") return "class=\"parameter\", style=\"rounded,filled\", fillcolor=\"#fdd0a2\"";
    if (n.op == "input") return "class=\"input\", style=\"rounded,filled\", fillcolor=\"#e5f5e0\"";
    if (n.named) return "class=\"named\", style=\"rounded,filled\", fillcolor=\"#deebf7\"";
    return "class=\"intermediate\", shape=ellipse, style=solid, color=\"#999999\", fontsize=12, margin=\"0.04,0.02\"";
}

}  // namespace

std::string dot_opening(const std::string& what, bool backward, const std::string& stem, const std::string& classes) {
    std::string out = "// nntrace: " + what + (backward ? ", backward view (gradients in red)" : "") + ".\n";
    out += "// Draw it with: dot -Tsvg " + stem + ".dot -o " + stem + ".svg\n";
    out += "// Restyle it here: the defaults below, then each kind of node (class = " + classes + ").\n";
    return out + "digraph " + dot_id(stem) + " {\n";
}

namespace {

std::string dot_header(const Diagram& d, const std::string& stem) {
    const bool backward = std::any_of(d.nodes.begin(), d.nodes.end(),
                                      [](const DiagramNode& n) { return n.gradient.has_value(); });
    std::string out = dot_opening("the computation graph \"" + dot_comment(d.key) + "\"", backward, stem,
                                  "root, named,\n// parameter, input, intermediate, edge-label");
    if (is_named_view(d)) {
        // Few nodes, long labels on the edges: the labels themselves part the columns; larger edge text.
        out += "  graph [rankdir=LR, nodesep=0.25, ranksep=0.3, fontname=\"Helvetica\"];\n";
        out += "  node [shape=box, fontname=\"Helvetica\", fontsize=14, margin=\"0.10,0.05\"];\n";
        out += "  edge [fontname=\"Helvetica\", fontsize=12, color=\"#555555\", arrowsize=0.7];\n";
        return out;
    }
    out += "  graph [rankdir=LR, nodesep=0.35, ranksep=0.3, fontname=\"Helvetica\"];\n";
    out += "  node [shape=box, fontname=\"Helvetica\", fontsize=14, margin=\"0.12,0.06\"];\n";
    out += "  edge [fontname=\"Helvetica\", fontsize=12, color=\"#555555\", arrowsize=0.7];\n";
    return out;
}

// One `rank=same` group per column, in the order the columns are read (left to right).
std::string dot_ranks(const Diagram& d) {
    const std::map<std::string, int> layer = drawn_layers(d);
    std::map<int, std::vector<std::string>> columns;
    for (const DiagramNode& n : d.nodes) columns[layer.at(n.id)].push_back(n.id);
    std::string out;
    for (const auto& [column, ids] : columns) {
        out += "  { rank=same;";
        for (const std::string& id : ids) out += " " + dot_id(id) + ";";
        out += " }  // column " + std::to_string(column) + "\n";
    }
    return out;
}

}  // namespace

// The engine's ids ("n12", "neuron_h1") as they are, anything else quoted.
std::string dot_id(const std::string& id) {
    const bool plain = !id.empty() && !is_ascii_digit(id[0]) && !is_dot_keyword(id) &&
                       std::all_of(id.begin(), id.end(), is_word_char);
    if (plain) return id;
    std::string out = "\"";
    for (char c : id) {
        if (c == '"' || c == '\\') out += '\\';
        out += c == '\n' || c == '\r' ? ' ' : c;
    }
    return out + "\"";
}

std::string dot_comment(const std::string& text) { return one_line(text); }

// ∂of/∂by as the pages write it: a compound name in brackets, "∂(3·b)", as on paper.
std::string dot_partial(const std::string& of, const std::string& by) { return dot_math(latex_partial(of, by)); }

std::string in_gradient_colour(const std::string& label_text) {
    return std::string("<FONT COLOR=\"") + gradient_colour + "\">" + label_text + "</FONT>";
}

std::string dot_html_escape(const std::string& text) {
    std::string out;
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += static_cast<unsigned char>(c) < 0x20 || c == 0x7f ? ' ' : c;
        }
    }
    return out;
}

// The id of the node that carries edge `i`'s label: unlike every node of the diagram.
std::string edge_label_id(const Diagram& d, std::size_t i) {
    std::string id = "edge_label_" + std::to_string(i);
    const auto taken = [&d](const std::string& candidate) {
        return std::any_of(d.nodes.begin(), d.nodes.end(), [&](const DiagramNode& n) { return n.id == candidate; });
    };
    while (taken(id)) id += "_";
    return id;
}

std::string diagram_dot(const Diagram& diagram, const std::string& stem, int digits) {
    const Labeller label(diagram, digits);
    std::string out = dot_header(diagram, stem) + "\n" + dot_ranks(diagram) + "\n";
    for (const DiagramNode& n : diagram.nodes)
        out += "  " + dot_id(n.id) + " [" + node_attributes(diagram, n) + ", label=<" + label.node_label(n) + ">];\n";
    out += "\n";
    // Each edge's label is a small box the edge runs through, so that it belongs to one edge
    // beyond doubt: a label Graphviz sets beside an edge can stand as near to the next one.
    out += "  subgraph edge_labels {\n";
    out += "    node [class=\"edge-label\", style=\"rounded,filled\", color=white, fillcolor=\"#f0f0f0\", fontsize=12, "
           "margin=\"0.12,0.04\"];\n";
    for (std::size_t i = 0; i < diagram.edges.size(); ++i)
        out += "    " + edge_label_id(diagram, i) + " [label=<" + label.edge_label(diagram.edges[i]) + ">];\n";
    out += "  }\n";
    for (std::size_t i = 0; i < diagram.edges.size(); ++i) {
        const DiagramEdge& e = diagram.edges[i];
        const std::string on = edge_label_id(diagram, i);
        out += "  " + dot_id(e.from) + " -> " + on + " [arrowhead=none];\n";
        out += "  " + on + " -> " + dot_id(e.to) + ";\n";
    }
    return out + "}\n";
}

}  // namespace nntrace
