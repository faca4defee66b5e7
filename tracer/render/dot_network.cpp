// A layered network as Graphviz DOT, drawn the way a textbook draws it: one column per layer,
// inputs on the left, a neuron per box, an arrow per weight with the weight on it, each bias a
// small box beside the layer it feeds, the loss on the right. The forward view writes values;
// the backward view writes the gradients of the loss in red, on the same boxes and arrows.
#include <algorithm>
#include <map>
#include <vector>

#include "dot_diagram.hpp"
#include "number_format.hpp"

namespace nntrace {
namespace {

constexpr const char* loss_id = "loss";

class NetworkLabels {
public:
    NetworkLabels(const NetworkDiagram& d, int digits) : d_(d), style_{digits, Shape::trim_zeros, Minus::unicode} {}

    // The neuron's sum and value (forward), or the loss's gradients with respect to them (backward).
    std::string neuron(const NetworkNeuron& n) const {
        const std::string title = "<B>" + dot_html_name(n.name) + "</B>";
        if (!d_.backward) {
            // A neuron whose value carries its own name (an input, h1 in "h1 = s(z1)") is titled
            // by its value line; out_h1 has a title line above: h1.
            const bool own = n.value_name == n.name;
            std::string label = own ? "" : title + "<BR/>";
            if (n.sum) label += equals(dot_html_name(n.sum_name), *n.sum) + "<BR/>";
            return label + equals(own ? title : dot_html_name(n.value_name), n.value);
        }
        const std::string& label = title;
        std::string lines;
        if (n.value_gradient) lines += equals(partial(n.value_name), *n.value_gradient);
        if (n.sum_gradient) lines += "<BR/>" + equals(partial(n.sum_name), *n.sum_gradient);
        return lines.empty() ? label : label + "<BR/>" + in_gradient_colour(lines);
    }

    std::string weight(const NetworkWeight& w) const {
        // Two lines: the arrows of a layer stand side by side, and a long label widens the column gap.
        if (d_.backward && w.gradient) return in_gradient_colour(partial(w.name) + " =<BR/>" + number(*w.gradient));
        return equals(dot_html_name(w.name), w.value);
    }

    std::string bias(const NetworkBias& b) const {
        const std::string value = equals(dot_html_name(b.name), b.value);
        if (d_.backward && b.gradient) return value + "<BR/>" + in_gradient_colour(equals(partial(b.name), *b.gradient));
        return value;
    }

    std::string loss() const {
        const std::string name = "<B>" + dot_html_name(d_.loss) + "</B>";
        return d_.loss_value ? equals(name, *d_.loss_value) : name;
    }

private:
    std::string number(const Num& n) const { return format_number(n.hand, style_); }
    std::string equals(const std::string& left, const Num& n) const { return left + " = " + number(n); }
    std::string partial(const std::string& by) const { return dot_partial(d_.loss, by); }

    const NetworkDiagram& d_;
    NumberStyle style_;
};

std::string header(const NetworkDiagram& d, const std::string& stem) {
    std::string out = dot_opening("the network \"" + dot_comment(d.key) + "\", neuron by neuron", d.backward, stem,
                                  "input, neuron,\n// output, bias, loss");
    // Wide gaps between the columns leave room for the weights written on the crossing arrows.
    out += "  graph [rankdir=LR, nodesep=0.6, ranksep=1.6, fontname=\"Helvetica\"];\n";
    out += "  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=14, margin=\"0.14,0.08\"];\n";
    // decorate: a line joins each label to its arrow, which matters where arrows cross.
    out += "  edge [fontname=\"Helvetica\", fontsize=11, color=\"#555555\", arrowsize=0.7, decorate=true];\n";
    return out;
}

int last_layer(const NetworkDiagram& d) {
    int last = 0;
    for (const NetworkNeuron& n : d.neurons) last = std::max(last, n.layer);
    return last;
}

std::string neuron_attributes(const NetworkNeuron& n, int last) {
    if (n.layer == 0) return "class=\"input\", fillcolor=\"#e5f5e0\"";
    if (n.layer == last) return "class=\"output\", fillcolor=\"#deebf7\", penwidth=2";
    return "class=\"neuron\", fillcolor=\"#deebf7\"";
}

// One `rank=same` group per layer: its neurons, then the biases that feed the next layer; the
// loss alone in the last column.
std::string ranks(const NetworkDiagram& d) {
    std::map<int, std::vector<std::string>> columns;
    for (const NetworkNeuron& n : d.neurons) columns[n.layer].push_back(n.id);
    for (const NetworkBias& b : d.biases) columns[b.layer].push_back(b.id);
    if (!d.loss.empty()) columns[last_layer(d) + 1].push_back(loss_id);
    std::string out;
    for (const auto& [column, ids] : columns) {
        out += "  { rank=same;";
        for (const std::string& id : ids) out += " " + dot_id(id) + ";";
        // Invisible arrows inside a column keep its order from top to bottom: the neurons as
        // numbered, the bias below them (Graphviz would otherwise move it between them).
        if (ids.size() > 1) {
            out += " ";
            for (std::size_t i = 0; i < ids.size(); ++i) out += (i ? " -> " : "") + dot_id(ids[i]);
            out += " [style=invis];";
        }
        out += " }  // layer " + std::to_string(column) + "\n";
    }
    return out;
}

}  // namespace

std::string network_dot(const NetworkDiagram& d, const std::string& stem, int digits) {
    const NetworkLabels label(d, digits);
    const int last = last_layer(d);
    std::string out = header(d, stem) + "\n" + ranks(d) + "\n";
    for (const NetworkNeuron& n : d.neurons)
        out += "  " + dot_id(n.id) + " [" + neuron_attributes(n, last) + ", label=<" + label.neuron(n) + ">];\n";
    for (const NetworkBias& b : d.biases)
        out += "  " + dot_id(b.id) + " [class=\"bias\", fillcolor=\"#fdd0a2\", fontsize=12, label=<" + label.bias(b) + ">];\n";
    if (!d.loss.empty())
        out += "  " + std::string(loss_id) + " [class=\"loss\", shape=ellipse, style=\"filled,bold\", fillcolor=\"#f0f0f0\", label=<" +
               label.loss() + ">];\n";
    out += "\n";
    for (const NetworkWeight& w : d.weights)
        out += "  " + dot_id(w.from) + " -> " + dot_id(w.to) + " [label=<" + label.weight(w) + ">];\n";
    for (const NetworkBias& b : d.biases)
        for (const std::string& to : b.to)
            out += "  " + dot_id(b.id) + " -> " + dot_id(to) + " [style=dashed, color=\"#b07a3c\"];\n";
    if (!d.loss.empty())
        for (const NetworkNeuron& n : d.neurons)
            if (n.layer == last) out += "  " + dot_id(n.id) + " -> " + loss_id + " [style=dashed];\n";
    return out + "}\n";
}

}  // namespace nntrace
