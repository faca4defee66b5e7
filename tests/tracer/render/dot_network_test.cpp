// A network as DOT: weights on the arrows, values (or gradients) in the neurons, one column per
// layer, the same bytes every time, and names that cannot break out of their labels.
#include <catch2/catch.hpp>

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

}  // namespace

TEST_CASE("DOT network: each weight labels its arrow with its name and value", "[render][dot][network]") {
    const std::string dot = network_dot(small_network(false), "n", 4);
    CHECK(has(dot, "neuron_i1 -> neuron_h1 [label=<w<SUB><FONT POINT-SIZE=\"9\">1</FONT></SUB> = 0.05>];"));
}

TEST_CASE("DOT network: a neuron shows its weighted sum and its value after the forward pass", "[render][dot][network]") {
    const std::string dot = network_dot(small_network(false), "n", 4);
    CHECK(has(dot, "<B>h<SUB><FONT POINT-SIZE=\"9\">1</FONT></SUB></B><BR/>l<SUB><FONT POINT-SIZE=\"9\">h1</FONT></SUB> = 0.385<BR/>out<SUB><FONT POINT-SIZE=\"9\">h1</FONT></SUB> = 0.595"));
    CHECK(has(dot, "label=<<B>i<SUB><FONT POINT-SIZE=\"9\">1</FONT></SUB></B> = 0.1>"));  // an input is titled by its value
    CHECK(has(dot, "label=<b<SUB><FONT POINT-SIZE=\"9\">1</FONT></SUB> = 0.35>"));
    CHECK(has(dot, "<B>E<SUB><FONT POINT-SIZE=\"9\">total</FONT></SUB></B> = 0.0968"));
    CHECK_FALSE(has(dot, "∂"));  // a forward view has no gradients
}

TEST_CASE("DOT network: the backward view writes the loss's gradients in red", "[render][dot][network]") {
    const std::string dot = network_dot(small_network(true), "n", 4);
    CHECK(has(dot, "[label=<<FONT COLOR=\"#b2182b\">∂E<SUB><FONT POINT-SIZE=\"9\">total</FONT></SUB>/∂w<SUB><FONT POINT-SIZE=\"9\">1</FONT></SUB> =<BR/>0.0004</FONT>>]"));
    CHECK(has(dot, "∂E<SUB><FONT POINT-SIZE=\"9\">total</FONT></SUB>/∂out<SUB><FONT POINT-SIZE=\"9\">h1</FONT></SUB> = 0.0176<BR/>∂E<SUB><FONT POINT-SIZE=\"9\">total</FONT></SUB>/∂l<SUB><FONT POINT-SIZE=\"9\">h1</FONT></SUB> = −0.25"));
    CHECK(has(dot, "∂E<SUB><FONT POINT-SIZE=\"9\">total</FONT></SUB>/∂b<SUB><FONT POINT-SIZE=\"9\">1</FONT></SUB> = 0.0098"));
    CHECK_FALSE(has(dot, "w<SUB><FONT POINT-SIZE=\"9\">1</FONT></SUB> = 0.05"));  // the weights' values belong to the forward view
}

TEST_CASE("DOT network: each layer is one column, ordered top to bottom, biases below", "[render][dot][network]") {
    const std::string dot = network_dot(small_network(false), "n", 4);
    CHECK(has(dot, "rankdir=LR"));
    CHECK(has(dot, "{ rank=same; neuron_i1; bias_b1; neuron_i1 -> bias_b1 [style=invis]; }  // layer 0"));
    CHECK(has(dot, "{ rank=same; neuron_h1; }  // layer 1"));
    CHECK(has(dot, "{ rank=same; loss; }  // layer 2"));
    CHECK(has(dot, "bias_b1 -> neuron_h1 [style=dashed"));
    CHECK(has(dot, "neuron_h1 -> loss [style=dashed]"));
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
