// Where each piece of a network drawing stands, in points, worked out here rather than left to
// Graphviz: a textbook draws a network as columns of circles with each weight written on its
// arrow near where the arrow leaves, and dot's own placement puts edge labels midway, where the
// arrows of a layer cross. Private to the render library (dot_network.cpp).
#pragma once

#include <string>
#include <vector>

namespace nntrace {

// A rectangle by its centre and size, in points, y growing downwards.
struct LayoutBox {
    double x = 0, y = 0, width = 0, height = 0;
};

// The width and height Graphviz will give an HTML-like label at `font_size` points: an estimate
// that errs wide (DejaVu Sans, the font Helvetica resolves to on Linux, sets digits 0.64 em wide).
LayoutBox label_size(const std::string& label, double font_size);

struct LayoutNeuron {
    int layer = 0;
    LayoutBox values;  // the size of the text written under the circle
};

struct LayoutArrow {
    std::size_t from = 0, to = 0;  // indexes of neurons
    LayoutBox label;               // the size of the weight's label
};

struct LayoutBias {
    std::vector<std::size_t> to;  // the neurons it feeds
    int layer = 0;                // the column it stands in
    LayoutBox box;                // its size
};

struct NetworkLayout {
    std::vector<LayoutBox> circles, values, labels, biases;
    LayoutBox loss;
};

// Positions for every piece: neurons as circles of `diameter` in one column per layer, inputs on
// the left, the values under each circle, each bias below the column before the neurons it feeds,
// each weight's label on its arrow as near the arrow's start as it can stand clear of every other
// piece, and a loss box of size `loss` (width 0: none) to the right of the last layer.
NetworkLayout layout_network(const std::vector<LayoutNeuron>& neurons, const std::vector<LayoutArrow>& arrows,
                             const std::vector<LayoutBias>& biases, LayoutBox loss, double diameter);

}  // namespace nntrace
