// The layout of a network drawing: columns left to right, and every weight's label on its arrow,
// clear of every other piece.
#include <catch2/catch.hpp>

#include "network_layout.hpp"

using namespace nntrace;

namespace {

bool apart(const LayoutBox& a, const LayoutBox& b) {
    return std::abs(a.x - b.x) * 2 >= a.width + b.width || std::abs(a.y - b.y) * 2 >= a.height + b.height;
}

// A 2-3-1 network, every weight's label as wide as a backward view's.
struct Network {
    std::vector<LayoutNeuron> neurons;
    std::vector<LayoutArrow> arrows;
    std::vector<LayoutBias> biases;
    Network() {
        const LayoutBox values = label_size("out = 0.123456789<BR/>l = 0.123456789", 14);
        const LayoutBox label = label_size("∂E/∂w₁₀<BR/>= −0.123456789", 14);
        for (int layer : {0, 0, 1, 1, 1, 2}) neurons.push_back({layer, values});
        for (std::size_t to : {2, 3, 4})
            for (std::size_t from : {0, 1}) arrows.push_back({from, to, label});
        for (std::size_t from : {2, 3, 4}) arrows.push_back({from, 5, label});
        biases.push_back({{2, 3, 4}, 0, label_size("b₁ = 0.35", 14)});
    }
};

}  // namespace

TEST_CASE("Network layout: a label's size grows with its text and its lines", "[render][dot][network]") {
    const LayoutBox one = label_size("w₁ = 0.05", 14);
    CHECK(label_size("w₁ = 0.0500", 14).width > one.width);
    CHECK(label_size("w₁ = 0.05<BR/>w₁ = 0.05", 14).height == Approx(2 * one.height));
    CHECK(label_size("<B>w₁</B> = 0.05", 14).width == Approx(one.width));  // markup takes no room
    CHECK(label_size("w₁ = 0.05", 28).width == Approx(2 * one.width));
}

TEST_CASE("Network layout: layers stand in columns from left to right", "[render][dot][network]") {
    const Network n;
    const NetworkLayout l = layout_network(n.neurons, n.arrows, n.biases, label_size("L = 0.19", 14), 54);
    CHECK(l.circles[0].x == l.circles[1].x);
    CHECK(l.circles[0].x < l.circles[2].x);
    CHECK(l.circles[2].x < l.circles[5].x);
    CHECK(l.circles[5].x < l.loss.x);
    CHECK(l.values[5].x + l.values[5].width / 2 < l.loss.x - l.loss.width / 2);  // clear of the last values
    CHECK(l.biases[0].x == l.circles[0].x);
    CHECK(l.biases[0].y > l.values[1].y);  // below the column's last values
}

TEST_CASE("Network layout: every weight's label stands on its arrow, clear of all else", "[render][dot][network]") {
    const Network n;
    const NetworkLayout l = layout_network(n.neurons, n.arrows, n.biases, label_size("L = 0.19", 14), 54);
    REQUIRE(l.labels.size() == n.arrows.size());
    for (std::size_t i = 0; i < l.labels.size(); ++i) {
        INFO("label " << i);
        const LayoutBox& from = l.circles[n.arrows[i].from];
        const LayoutBox& to = l.circles[n.arrows[i].to];
        const double along = (l.labels[i].x - from.x) / (to.x - from.x);
        CHECK(along > 0);
        CHECK(along < 1);
        CHECK(l.labels[i].y == Approx(from.y + along * (to.y - from.y)));  // on the straight arrow
        for (const auto* boxes : {&l.circles, &l.values, &l.biases})
            for (const LayoutBox& b : *boxes) CHECK(apart(l.labels[i], b));
        for (std::size_t k = 0; k < i; ++k) CHECK(apart(l.labels[i], l.labels[k]));
    }
}
