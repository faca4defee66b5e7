// Columns and rows first, then each weight's label tried at points along its arrow from the
// source end on, the first spot clear of everything placed so far taken. Where an arrow finds no
// clear spot, the columns move apart and the whole drawing is laid out again.
#include "network_layout.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "core/utf8.hpp"

namespace nntrace {
namespace {

constexpr double label_line_height = 1.2;   // em: Graphviz's line spacing for DejaVu Sans
constexpr double label_char_width = 0.64;   // em: a digit, the widest common character
constexpr double label_script_width = 0.45; // em: ₁, ₕ, ²
constexpr double clearance = 4;       // points kept free around every piece
constexpr double values_gap = 6;      // points between a circle and the values under it

// A character's bytes; a broken byte counts as one.
std::size_t label_char_length(const std::string& text, std::size_t at) {
    return std::max<std::size_t>(1, utf8_length_at(text, at));
}

// The code point starting at `s[i]`, for sizing only (no validation).
unsigned code_point(const std::string& s, std::size_t i, std::size_t n) {
    unsigned c = static_cast<unsigned char>(s[i]) & (n == 1 ? 0x7F : n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07);
    for (std::size_t k = 1; k < n && i + k < s.size(); ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    return c;
}

double em_width(unsigned c) {
    if (c >= 0x300 && c < 0x370) return 0;  // a combining accent (the hat of ŷ)
    const bool script = (c >= 0x2070 && c < 0x20A0) || c == 0xB2 || c == 0xB3 || c == 0xB9 ||
                        (c >= 0x1D62 && c <= 0x1D6A) || c == 0x2C7C;
    if (script) return label_script_width;
    if (c >= 0x2E80) return 1.0;  // CJK
    return label_char_width;
}

// The label's text lines without markup, entities counted as one character.
std::vector<std::string> text_lines(const std::string& label) {
    std::vector<std::string> lines(1);
    for (std::size_t i = 0; i < label.size(); ++i) {
        if (label[i] == '<') {
            const std::size_t end = label.find('>', i);
            if (label.compare(i, 4, "<BR/") == 0) lines.emplace_back();
            i = end == std::string::npos ? label.size() : end;
        } else if (label[i] == '&') {
            const std::size_t end = label.find(';', i);
            lines.back() += 'x';
            i = end == std::string::npos ? i : end;
        } else {
            lines.back() += label[i];
        }
    }
    return lines;
}

bool boxes_overlap(const LayoutBox& a, const LayoutBox& b) {
    return std::abs(a.x - b.x) * 2 < a.width + b.width + 2 * clearance &&
           std::abs(a.y - b.y) * 2 < a.height + b.height + 2 * clearance;
}

LayoutBox box_at(double x, double y, const LayoutBox& size) { return {x, y, size.width, size.height}; }

struct Spacing {
    double column = 0, row = 0;
};

class Layouter {
public:
    Layouter(const std::vector<LayoutNeuron>& neurons, const std::vector<LayoutArrow>& arrows,
             const std::vector<LayoutBias>& biases, LayoutBox loss, double diameter)
        : neurons_(neurons), arrows_(arrows), biases_(biases), loss_(loss), diameter_(diameter) {}

    NetworkLayout run() {
        Spacing s = initial_spacing();
        NetworkLayout best;
        for (int attempt = 0; attempt < 8; ++attempt) {
            NetworkLayout l = place_fixed(s);
            if (place_labels(l, false)) return l;
            s.column *= 1.2;
            s.row *= 1.1;
        }
        NetworkLayout l = place_fixed(s);
        place_labels(l, true);
        return l;
    }

private:
    Spacing initial_spacing() const {
        double widest_label = 0, widest_values = 0, tallest_values = 0;
        for (const LayoutArrow& a : arrows_) widest_label = std::max(widest_label, a.label.width);
        for (const LayoutNeuron& n : neurons_) {
            widest_values = std::max(widest_values, n.values.width);
            tallest_values = std::max(tallest_values, n.values.height);
        }
        // Room for a label beside a circle, and for the values of two columns side by side; the
        // labels that find no room move the columns apart (run).
        const double column = std::max(diameter_ + 1.3 * widest_label, widest_values + 16) + 24;
        const double row = diameter_ + values_gap + tallest_values + 30;
        return {column, row};
    }

    int last_layer() const {
        int last = 0;
        for (const LayoutNeuron& n : neurons_) last = std::max(last, n.layer);
        return last;
    }

    NetworkLayout place_fixed(const Spacing& s) const {
        NetworkLayout l;
        std::map<int, int> count, seen;
        for (const LayoutNeuron& n : neurons_) ++count[n.layer];
        std::map<int, double> bottom;  // per column: the lowest point drawn so far
        for (const LayoutNeuron& n : neurons_) {
            const double x = n.layer * s.column;
            const double y = (seen[n.layer]++ - (count[n.layer] - 1) / 2.0) * s.row;
            l.circles.push_back({x, y, diameter_, diameter_});
            const double values_y = y + diameter_ / 2 + values_gap + n.values.height / 2;
            l.values.push_back(box_at(x, values_y, n.values));
            bottom[n.layer] = std::max(bottom[n.layer], values_y + n.values.height / 2);
        }
        for (const LayoutBias& b : biases_) {
            const double y = bottom[b.layer] + 24 + b.box.height / 2;
            l.biases.push_back(box_at(b.layer * s.column, y, b.box));
            bottom[b.layer] = y + b.box.height / 2;
        }
        if (loss_.width > 0) {
            // Right of the last column's circles and of the values under them.
            double reach = diameter_ / 2 + 24;
            for (const LayoutNeuron& n : neurons_)
                if (n.layer == last_layer()) reach = std::max(reach, n.values.width / 2);
            const double x = last_layer() * s.column + reach + 24 + loss_.width / 2;
            l.loss = box_at(x, 0, loss_);
        }
        return l;
    }

    bool clear(const LayoutBox& box, const NetworkLayout& l, std::size_t labels_placed) const {
        for (const auto* boxes : {&l.circles, &l.values, &l.biases})
            for (const LayoutBox& b : *boxes)
                if (boxes_overlap(box, b)) return false;
        for (std::size_t i = 0; i < labels_placed; ++i)
            if (boxes_overlap(box, l.labels[i])) return false;
        return !(loss_.width > 0 && boxes_overlap(box, l.loss));
    }

    // Each label at the first clear point along its arrow, from near the source on; `force`:
    // where none is clear, at a third of the way.
    bool place_labels(NetworkLayout& l, bool force) const {
        for (const LayoutArrow& a : arrows_) {
            const LayoutBox& from = l.circles[a.from];
            const LayoutBox& to = l.circles[a.to];
            bool placed = false;
            for (double f = 0.18; f <= 0.82 && !placed; f += 0.02) {
                const LayoutBox box = box_at(from.x + f * (to.x - from.x), from.y + f * (to.y - from.y), a.label);
                if (clear(box, l, l.labels.size())) {
                    l.labels.push_back(box);
                    placed = true;
                }
            }
            if (placed) continue;
            if (!force) return false;
            l.labels.push_back(box_at(from.x + (to.x - from.x) / 3, from.y + (to.y - from.y) / 3, a.label));
        }
        return true;
    }

    const std::vector<LayoutNeuron>& neurons_;
    const std::vector<LayoutArrow>& arrows_;
    const std::vector<LayoutBias>& biases_;
    LayoutBox loss_;
    double diameter_;
};

}  // namespace

LayoutBox label_size(const std::string& label, double font_size) {
    const std::vector<std::string> lines = text_lines(label);
    double widest = 0;
    for (const std::string& line : lines) {
        double width = 0;
        for (std::size_t i = 0; i < line.size();) {
            const std::size_t n = label_char_length(line, i);
            width += em_width(code_point(line, i, n));
            i += n;
        }
        widest = std::max(widest, width);
    }
    return {0, 0, widest * font_size, static_cast<double>(lines.size()) * label_line_height * font_size};
}

NetworkLayout layout_network(const std::vector<LayoutNeuron>& neurons, const std::vector<LayoutArrow>& arrows,
                             const std::vector<LayoutBias>& biases, LayoutBox loss, double diameter) {
    return Layouter(neurons, arrows, biases, loss, diameter).run();
}

}  // namespace nntrace
