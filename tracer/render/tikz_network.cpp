// The network's pieces as TikZ nodes at the positions network_layout gives (in points, y down),
// the arrows as straight lines between them, the labels drawn after the arrows with a white
// fill, as in the SVG.
#include "tikz_network.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "dot_diagram.hpp"
#include "math.hpp"
#include "number_format.hpp"
#include "user_text.hpp"

namespace nntrace {
namespace {

class TikzLabels {
public:
    TikzLabels(const NetworkDiagram& d, int digits)
        : d_(d), result_{digits, Shape::bare_integers, Minus::ascii}, given_{digits, Shape::trim_zeros, Minus::ascii} {}

    std::string values(const NetworkNeuron& n) const {
        if (!d_.backward) {
            std::string label;
            if (n.sum) label += math(latex_name(n.sum_name) + " = " + result(*n.sum)) + " \\\\ ";
            const std::string value = n.layer == 0 ? given(n.value) : result(n.value);
            return label + math(latex_name(n.value_name) + " = " + value);
        }
        std::string lines;
        if (n.value_gradient) lines += gradient(n.value_name, *n.value_gradient);
        if (n.sum_gradient) lines += (lines.empty() ? "" : " \\\\ ") + gradient(n.sum_name, *n.sum_gradient);
        return lines.empty() ? math(latex_name(n.value_name) + " = " + result(n.value)) : lines;
    }

    std::string weight(const NetworkWeight& w) const {
        // Two lines, as in the SVG, whose label sizes placed it; coloured line by line, since a
        // line break cannot stand inside \textcolor.
        if (d_.backward && w.gradient)
            return coloured(math(latex_partial(d_.loss, w.name))) + " \\\\ " + coloured(math("= " + result(*w.gradient)));
        return math(latex_name(w.name) + " = " + given(w.value));
    }

    std::string bias(const NetworkBias& b) const {
        const std::string value = math(latex_name(b.name) + " = " + given(b.value));
        return d_.backward && b.gradient ? value + " \\\\ " + gradient(b.name, *b.gradient) : value;
    }

    std::string loss() const {
        return math(latex_name(d_.loss) + (d_.loss_value ? " = " + result(*d_.loss_value) : ""));
    }

private:
    static std::string math(const std::string& tex) { return "$" + tex + "$"; }
    std::string result(const Num& n) const { return latex_number(format_number(n.hand, result_)); }
    std::string given(const Num& n) const { return latex_number(format_number(n.hand, given_)); }
    static std::string coloured(const std::string& text) { return "\\textcolor{nntracegradient}{" + text + "}"; }
    std::string gradient(const std::string& by, const Num& n) const {
        return coloured(math(latex_partial(d_.loss, by) + " = " + result(n)));
    }

    const NetworkDiagram& d_;
    NumberStyle result_, given_;
};

// A TikZ node name: letters, digits and '-' only, so that any id will do.
std::string tikz_name(const std::string& id) {
    std::string out = "n-";
    for (char c : id) {
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        out += plain ? c : '-';
    }
    return out;
}

std::string at(const LayoutBox& b) {
    char text[64];
    std::snprintf(text, sizeof text, "(%.1f,%.1f)", b.x + 0.0, -b.y + 0.0);  // + 0.0: never "-0.0"
    return text;
}

std::string node(const std::string& style, const std::string& name, const LayoutBox& b, const std::string& label) {
    return "  \\node[" + style + "] (" + name + ") at " + at(b) + " {" + label + "};\n";
}

// The width of the picture at scale 1, in points: from the leftmost piece's edge to the rightmost's.
int natural_width(const NetworkLayout& at) {
    double left = 0, right = 0;
    bool any = false;
    auto take = [&](const LayoutBox& b) {
        if (b.width <= 0) return;
        left = any ? std::min(left, b.x - b.width / 2) : b.x - b.width / 2;
        right = any ? std::max(right, b.x + b.width / 2) : b.x + b.width / 2;
        any = true;
    };
    for (const auto* boxes : {&at.circles, &at.values, &at.labels, &at.biases})
        for (const LayoutBox& b : *boxes) take(b);
    take(at.loss);
    return static_cast<int>(std::ceil(right - left));
}

std::string preamble(const NetworkDiagram& d, const std::string& stem, int width) {
    std::string out = "% nntrace: the network \"" + one_line(d.key) + "\", neuron by neuron" +
                      (d.backward ? ", backward view (gradients in red)" : "") + ".\n";
    out += "% In a Beamer frame: \\input{" + stem + ".tex}, with \\usepackage{tikz} in the preamble.\n";
    // \resizebox would shrink the text with the picture, to a size the back row cannot read.
    out += "% To resize it, scale the distances and keep the text: \\def\\nntracescale{0.6} before the\n";
    out += "% \\input (it is " + std::to_string(width) + "pt wide at scale 1; a 4:3 Beamer frame is about 300pt).\n";
    out += "% The circles and labels keep their size, so below about 0.7 they may meet: then lower the\n";
    out += "% font= and minimum size= keys below as well.\n";
    out += "% Restyle it with \\tikzset{nntrace neuron/.style={...}} and the other styles below.\n";
    out += "\\providecommand{\\nntracescale}{1}\n";
    out += "\\definecolor{nntracegradient}{HTML}{B2182B}\n";
    out += "\\begin{tikzpicture}[x=\\nntracescale pt, y=\\nntracescale pt, font=\\large,\n";
    out += "  nntrace neuron/.style={circle, draw, fill=blue!8, minimum size=54pt, inner sep=0pt, font=\\Large},\n";
    out += "  nntrace input/.style={nntrace neuron, fill=green!8},\n";
    out += "  nntrace output/.style={nntrace neuron, line width=1.2pt},\n";
    out += "  nntrace label/.style={fill=white, inner sep=1.5pt, align=center},\n";
    out += "  nntrace bias/.style={draw=brown, fill=orange!25, rounded corners, inner sep=3pt, align=center},\n";
    out += "  nntrace loss/.style={draw, fill=gray!10, rounded corners, line width=1pt, inner sep=4pt},\n";
    out += "  nntrace arrow/.style={->, >=stealth, draw=black!70},\n";
    out += "  nntrace bias arrow/.style={nntrace arrow, dashed, draw=brown}]\n";
    return out;
}

}  // namespace

std::string network_tikz(const NetworkDiagram& d, const std::string& stem, int digits) {
    const NetworkLayout at = network_layout(d, digits);
    const TikzLabels label(d, digits);
    int last = 0;
    for (const NetworkNeuron& n : d.neurons) last = std::max(last, n.layer);
    std::string out = preamble(d, stem, natural_width(at));
    for (std::size_t i = 0; i < d.neurons.size(); ++i) {
        const NetworkNeuron& n = d.neurons[i];
        const std::string style = n.layer == 0 ? "nntrace input" : n.layer == last ? "nntrace output" : "nntrace neuron";
        out += node(style, tikz_name(n.id), at.circles[i], "$" + latex_name(n.name) + "$");
    }
    for (std::size_t i = 0; i < d.biases.size(); ++i)
        out += node("nntrace bias", tikz_name(d.biases[i].id), at.biases[i], label.bias(d.biases[i]));
    if (!d.loss.empty()) out += node("nntrace loss", "n-loss", at.loss, label.loss());
    // The arrows first, then the labels over them.
    for (const NetworkWeight& w : d.weights)
        out += "  \\draw[nntrace arrow] (" + tikz_name(w.from) + ") -- (" + tikz_name(w.to) + ");\n";
    for (const NetworkBias& b : d.biases)
        for (const std::string& to : b.to)
            out += "  \\draw[nntrace bias arrow] (" + tikz_name(b.id) + ") -- (" + tikz_name(to) + ");\n";
    if (!d.loss.empty())
        for (const NetworkNeuron& n : d.neurons)
            if (n.layer == last) out += "  \\draw[nntrace arrow, dashed] (" + tikz_name(n.id) + ") -- (n-loss);\n";
    for (std::size_t i = 0; i < d.neurons.size(); ++i)
        out += node("nntrace label", tikz_name(d.neurons[i].id + "-values"), at.values[i], label.values(d.neurons[i]));
    for (std::size_t i = 0; i < d.weights.size(); ++i)
        out += node("nntrace label", tikz_name("weight-" + d.weights[i].name + "-" + d.weights[i].to), at.labels[i],
                    label.weight(d.weights[i]));
    return out + "\\end{tikzpicture}\n";
}

}  // namespace nntrace
