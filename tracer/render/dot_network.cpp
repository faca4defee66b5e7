// A layered network as Graphviz DOT, drawn the way a textbook draws it: a circle per neuron, one
// column per layer, inputs on the left, an arrow per weight with the weight written on it near
// where it leaves, the values under each circle, each bias a small box below the column before
// the neurons it feeds, the loss on the right. The forward view writes values; the backward view
// writes the gradients of the loss in red, in the same places. Positions come from
// network_layout.cpp and are pinned (neato), so that no label lands where arrows cross.
#include <algorithm>
#include <cstdio>
#include <map>
#include <vector>

#include "dot_diagram.hpp"
#include "dot_text.hpp"
#include "math.hpp"
#include "network_layout.hpp"
#include "number_format.hpp"

namespace nntrace {
namespace {

constexpr const char* loss_id = "loss";
constexpr double circle_diameter = 54;  // points: a name in 18 pt fits, "h₁₂" too
constexpr double text_size = 14;        // points: every number and name outside the circles
constexpr double box_margin_x = 4, box_margin_y = 2;  // points: Graphviz's margin round a label

class NetworkLabels {
public:
    NetworkLabels(const NetworkDiagram& d, int digits)
        : d_(d), result_style_{digits, Shape::bare_integers, Minus::unicode},
          parameter_style_{digits, Shape::trim_zeros, Minus::unicode} {}

    std::string circle(const NetworkNeuron& n) const { return "<B>" + dot_name(n.name) + "</B>"; }

    // Under the circle: the neuron's sum and value (forward), or the loss's gradients with respect
    // to them (backward).
    std::string values(const NetworkNeuron& n) const {
        if (!d_.backward) {
            std::string label;
            if (n.sum) label += result(dot_name(n.sum_name), *n.sum) + "<BR/>";
            // An input is given, as a parameter is: written as the setup writes it (0.1, not 0.100000000).
            if (n.layer == 0) return label + dot_name(n.value_name) + " = " + format_number(n.value.hand, parameter_style_);
            return label + result(dot_name(n.value_name), n.value);
        }
        std::string lines;
        if (n.value_gradient) lines += result(partial(n.value_name), *n.value_gradient);
        if (n.sum_gradient) lines += (lines.empty() ? "" : "<BR/>") + result(partial(n.sum_name), *n.sum_gradient);
        return lines.empty() ? result(dot_name(n.value_name), n.value) : in_gradient_colour(lines);
    }

    // Two lines in the backward view: the labels of a neuron's arrows stand one above the other.
    std::string weight(const NetworkWeight& w) const {
        if (d_.backward && w.gradient) return in_gradient_colour(partial(w.name) + "<BR/>= " + number(*w.gradient));
        return dot_name(w.name) + " = " + format_number(w.value.hand, parameter_style_);
    }

    std::string bias(const NetworkBias& b) const {
        const std::string value = dot_name(b.name) + " = " + format_number(b.value.hand, parameter_style_);
        if (d_.backward && b.gradient) return value + "<BR/>" + in_gradient_colour(result(partial(b.name), *b.gradient));
        return value;
    }

    std::string loss() const {
        const std::string name = "<B>" + dot_name(d_.loss) + "</B>";
        // &#160;: SVG drops the space that leads the text after the bold name.
        return d_.loss_value ? name + "&#160;= " + number(*d_.loss_value) : name;
    }

private:
    std::string number(const Num& n) const { return format_number(n.hand, result_style_); }
    std::string result(const std::string& left, const Num& n) const { return left + " = " + number(n); }
    std::string partial(const std::string& by) const { return dot_partial(d_.loss, by); }

    const NetworkDiagram& d_;
    NumberStyle result_style_;     // values and gradients, as the steps write their results: 0.490
    NumberStyle parameter_style_;  // weights and biases, as the setup gives them: 0.05
};

// Every label of the drawing, in the order of the diagram's pieces.
struct Labels {
    std::vector<std::string> circles, values, weights, biases;
    std::string loss;
};

Labels labels_of(const NetworkDiagram& d, int digits) {
    const NetworkLabels label(d, digits);
    Labels l;
    for (const NetworkNeuron& n : d.neurons) {
        l.circles.push_back(label.circle(n));
        l.values.push_back(label.values(n));
    }
    for (const NetworkWeight& w : d.weights) l.weights.push_back(label.weight(w));
    for (const NetworkBias& b : d.biases) l.biases.push_back(label.bias(b));
    if (!d.loss.empty()) l.loss = label.loss();
    return l;
}

LayoutBox box_size(const std::string& label) {
    LayoutBox b = label_size(label, text_size);
    b.width += 2 * box_margin_x;
    b.height += 2 * box_margin_y;
    return b;
}

NetworkLayout layout_of(const NetworkDiagram& d, const Labels& l) {
    std::map<std::string, std::size_t> index;
    std::vector<LayoutNeuron> neurons;
    for (std::size_t i = 0; i < d.neurons.size(); ++i) {
        index[d.neurons[i].id] = i;
        neurons.push_back({d.neurons[i].layer, box_size(l.values[i])});
    }
    std::vector<LayoutArrow> arrows;
    for (std::size_t i = 0; i < d.weights.size(); ++i)
        arrows.push_back({index.at(d.weights[i].from), index.at(d.weights[i].to), box_size(l.weights[i])});
    std::vector<LayoutBias> biases;
    for (std::size_t i = 0; i < d.biases.size(); ++i) {
        LayoutBias b{{}, d.biases[i].layer, box_size(l.biases[i])};
        b.box.width += 12;  // the rounded box's own margin
        b.box.height += 8;
        for (const std::string& to : d.biases[i].to) b.to.push_back(index.at(to));
        biases.push_back(b);
    }
    LayoutBox loss;
    if (!d.loss.empty()) {
        loss = box_size(l.loss);
        loss.width += 16;
        loss.height += 10;
    }
    return layout_network(neurons, arrows, biases, loss, circle_diameter);
}

// A pinned position: Graphviz's y grows upwards, the layout's downwards.
std::string pos(const LayoutBox& b) {
    char text[64];
    std::snprintf(text, sizeof text, "pos=\"%.1f,%.1f!\"", b.x + 0.0, -b.y + 0.0);  // + 0.0: never "-0.0"
    return text;
}

std::string header(const NetworkDiagram& d, const std::string& stem) {
    std::string out = dot_opening("the network \"" + dot_comment(d.key) + "\", neuron by neuron", d.backward, stem,
                                  "input, neuron,\n// output, values, weight, bias, loss");
    out += "// Every piece stands where pos= pins it (in points); layout=neato keeps it there, so\n"
           "// `dot -Tsvg` and `neato -Tsvg` draw the same picture.\n";
    // edgesfirst: the labels' white boxes cover the arrows they sit on, as printed labels do.
    out += "  graph [layout=neato, inputscale=72, splines=line, outputorder=edgesfirst, pad=0.2, fontname=\"Helvetica\"];\n";
    out += "  node [fontname=\"Helvetica\", fontsize=14, shape=box, style=filled, color=white, fillcolor=white, "
           "margin=\"0.06,0.03\", width=0, height=0];\n";
    out += "  edge [color=\"#555555\", arrowsize=0.8];\n";
    return out;
}

int last_layer(const NetworkDiagram& d) {
    int last = 0;
    for (const NetworkNeuron& n : d.neurons) last = std::max(last, n.layer);
    return last;
}

std::string circle_attributes(const NetworkNeuron& n, int last) {
    const std::string circle = "shape=circle, fixedsize=true, width=0.75, fontsize=18, color=black, ";
    if (n.layer == 0) return "class=\"input\", " + circle + "fillcolor=\"#e5f5e0\"";
    if (n.layer == last) return "class=\"output\", " + circle + "fillcolor=\"#deebf7\", penwidth=2";
    return "class=\"neuron\", " + circle + "fillcolor=\"#deebf7\"";
}

std::string values_id(const NetworkNeuron& n) { return dot_id(n.id + "_values"); }
// By the neurons it joins, never by its name: a name is the user's text, an id is the engine's.
std::string weight_id(const NetworkWeight& w) { return dot_id("weight_" + w.from + "_" + w.to); }

std::string nodes(const NetworkDiagram& d, const Labels& l, const NetworkLayout& at) {
    const int last = last_layer(d);
    std::string out;
    for (std::size_t i = 0; i < d.neurons.size(); ++i) {
        const NetworkNeuron& n = d.neurons[i];
        out += "  " + dot_id(n.id) + " [" + circle_attributes(n, last) + ", " + pos(at.circles[i]) + ", label=<" +
               l.circles[i] + ">];\n";
        out += "  " + values_id(n) + " [class=\"values\", " + pos(at.values[i]) + ", label=<" + l.values[i] + ">];\n";
    }
    for (std::size_t i = 0; i < d.weights.size(); ++i)
        out += "  " + weight_id(d.weights[i]) + " [class=\"weight\", " + pos(at.labels[i]) + ", label=<" +
               l.weights[i] + ">];\n";
    for (std::size_t i = 0; i < d.biases.size(); ++i)
        out += "  " + dot_id(d.biases[i].id) + " [class=\"bias\", style=\"rounded,filled\", color=\"#b07a3c\", " +
               "fillcolor=\"#fdd0a2\", margin=\"0.1,0.05\", " + pos(at.biases[i]) + ", label=<" + l.biases[i] + ">];\n";
    if (!d.loss.empty())
        out += "  " + std::string(loss_id) + " [class=\"loss\", style=\"rounded,filled,bold\", color=black, " +
               "fillcolor=\"#f0f0f0\", margin=\"0.12,0.07\", " + pos(at.loss) + ", label=<" + l.loss + ">];\n";
    return out;
}

std::string arrows(const NetworkDiagram& d) {
    std::string out;
    for (const NetworkWeight& w : d.weights) out += "  " + dot_id(w.from) + " -> " + dot_id(w.to) + ";\n";
    for (const NetworkBias& b : d.biases)
        for (const std::string& to : b.to)
            out += "  " + dot_id(b.id) + " -> " + dot_id(to) + " [style=dashed, color=\"#b07a3c\"];\n";
    const int last = last_layer(d);
    if (!d.loss.empty())
        for (const NetworkNeuron& n : d.neurons)
            if (n.layer == last) out += "  " + dot_id(n.id) + " -> " + loss_id + " [style=dashed];\n";
    return out;
}

}  // namespace

NetworkLayout network_layout(const NetworkDiagram& d, int digits) { return layout_of(d, labels_of(d, digits)); }

std::string network_dot(const NetworkDiagram& d, const std::string& stem, int digits) {
    const Labels labels = labels_of(d, digits);
    const NetworkLayout at = layout_of(d, labels);
    return header(d, stem) + "\n" + nodes(d, labels, at) + "\n" + arrows(d) + "}\n";
}

}  // namespace nntrace
