// A network as DOT: circles in one column per layer, weights on the arrows, values (or
// gradients) under the neurons, the same bytes every time, and names that cannot break out of
// their labels.
#include <catch2/catch.hpp>

#include <cstdio>
#include <utility>

#include "dot_diagram.hpp"
#include "drawings.hpp"

using namespace nntrace;

namespace {

// One input, one hidden neuron with a sum and a value, one bias, a loss. The numbers stand for
// what an engine run would put there; the renderer only writes them.
NetworkDiagram small_network(bool backward) {
    auto grad = [&](double v) { return backward ? std::optional<Num>(Num::both(v)) : std::nullopt; };
    NetworkDiagram d;
    d.key = backward ? "backward-network" : "forward-network";
    d.backward = backward;
    d.neurons = {{"neuron_i1", "i1", 0, "i1", Num::both(0.1), "", std::nullopt, grad(0.0007), std::nullopt},
                 {"neuron_h1", "h1", 1, "out_h1", Num::both(0.595), "l_h1", Num::both(0.385), grad(0.0176), grad(-0.25)}};
    d.weights = {{"w1", "neuron_i1", "neuron_h1", Num::both(0.05), grad(0.000425)}};
    d.biases = {{"bias_b1", "b1", 0, {"neuron_h1"}, Num::both(0.35), grad(0.0098)}};
    d.loss = "E_total";
    d.loss_value = Num::both(0.0968);
    return d;
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The pinned position of a node: its x and y in points (Graphviz's y grows upwards).
std::pair<double, double> position(const std::string& dot, const std::string& id) {
    const auto line = dot.find("\n  " + id + " [");
    REQUIRE(line != std::string::npos);
    const auto at = dot.find("pos=\"", line);
    REQUIRE(at != std::string::npos);
    double x = 0, y = 0;
    REQUIRE(std::sscanf(dot.c_str() + at, "pos=\"%lf,%lf!", &x, &y) == 2);
    return {x, y};
}

}  // namespace

TEST_CASE("DOT network: each neuron is a circle with its name, its values under it", "[render][dot][network]") {
    const std::string dot = network_dot(small_network(false), "n", 4);
    CHECK(has(dot, "neuron_h1 [class=\"output\", shape=circle"));
    CHECK(has(dot, "label=<<B>h₁</B>>];"));
    // Results as the steps write them (four decimals), the given input as the setup gives it.
    CHECK(has(dot, "label=<lₕ₁ = 0.3850<BR/>outₕ₁ = 0.5950>];"));
    CHECK(has(dot, "label=<i₁ = 0.1>];"));
    const auto circle = position(dot, "neuron_h1");
    const auto values = position(dot, "neuron_h1_values");
    CHECK(values.first == circle.first);
    CHECK(values.second < circle.second);  // under it
    CHECK_FALSE(has(dot, "∂"));            // a forward view has no gradients
}

TEST_CASE("DOT network: each weight is written on its arrow, near where the arrow leaves", "[render][dot][network]") {
    const std::string dot = network_dot(small_network(false), "n", 4);
    CHECK(has(dot, "neuron_i1 -> neuron_h1;"));
    CHECK(has(dot, "[class=\"weight\", pos="));
    CHECK(has(dot, "label=<w₁ = 0.05>];"));
    const auto from = position(dot, "neuron_i1");
    const auto to = position(dot, "neuron_h1");
    const auto label = position(dot, "weight_neuron_i1_neuron_h1");
    CHECK(label.first > from.first);
    CHECK(label.first - from.first < (to.first - from.first) / 2);  // in the arrow's first half
}

TEST_CASE("DOT network: biases and the loss keep their values", "[render][dot][network]") {
    const std::string dot = network_dot(small_network(false), "n", 4);
    CHECK(has(dot, "label=<b₁ = 0.35>];"));
    CHECK(has(dot, "label=<<B>Eₜₒₜₐₗ</B>&#160;= 0.0968>];"));
    CHECK(has(dot, "bias_b1 -> neuron_h1 [style=dashed"));
    CHECK(has(dot, "neuron_h1 -> loss [style=dashed]"));
}

TEST_CASE("DOT network: the backward view writes the loss's gradients in red", "[render][dot][network]") {
    const std::string dot = network_dot(small_network(true), "n", 4);
    CHECK(has(dot, "label=<<FONT COLOR=\"#b2182b\">∂Eₜₒₜₐₗ/∂w₁<BR/>= 0.0004</FONT>>];"));
    CHECK(has(dot, "∂Eₜₒₜₐₗ/∂outₕ₁ = 0.0176<BR/>∂Eₜₒₜₐₗ/∂lₕ₁ = −0.2500"));
    CHECK(has(dot, "∂Eₜₒₜₐₗ/∂b₁ = 0.0098"));
    CHECK_FALSE(has(dot, "w₁ = 0.05"));  // the weights' values belong to the forward view
}

TEST_CASE("DOT network: inputs on the left, one column per layer, the loss on the right", "[render][dot][network]") {
    const std::string dot = network_dot(small_network(false), "n", 4);
    CHECK(has(dot, "layout=neato"));
    const double input = position(dot, "neuron_i1").first;
    const double hidden = position(dot, "neuron_h1").first;
    CHECK(input < hidden);
    CHECK(position(dot, "bias_b1").first == input);  // the bias stands in the column before its neuron
    CHECK(position(dot, "loss").first > hidden);
}

TEST_CASE("DOT network: the same record gives the same bytes", "[render][dot][network]") {
    Record r;
    r.digits = 4;
    r.sections.push_back(Section{"forward", Message{"t", {}}, {small_network(false), small_network(true)}});
    const auto a = drawing_sources(r);
    const auto b = drawing_sources(r);
    REQUIRE(a.size() == 2);
    REQUIRE(b.size() == 2);
    CHECK(a[0].script == b[0].script);
    CHECK(a[1].script == b[1].script);
    CHECK(a[0].stem == "forward-network");
    CHECK(a[1].tool == DrawingSource::Tool::dot);
    CHECK(has(a[1].script, "digraph \"backward-network\" {"));
}

TEST_CASE("DOT network: hostile names stay text inside labels and ids", "[render][dot][network]") {
    NetworkDiagram d = small_network(true);
    d.neurons[1].name = "<b>\"h\"&";
    d.neurons[1].id = "graph";  // a DOT keyword must be quoted to stand as an id
    d.weights[0].to = "graph";
    d.biases[0].to = {"graph"};
    d.weights[0].name = "w<1>";
    d.loss = "E\nnext";
    const std::string dot = network_dot(d, "n", 4);
    CHECK_FALSE(has(dot, "<b>"));
    CHECK(has(dot, "&lt;b&gt;&quot;h&quot;&amp;"));
    CHECK(has(dot, "∂(w&lt;1&gt;)"));
    CHECK(has(dot, "\"graph\" [class=\"output\""));
    CHECK(has(dot, "neuron_i1 -> \"graph\""));
    CHECK_FALSE(has(dot, "E\nnext"));
}
