// A network as a TikZ picture for slides: the pieces of the DOT drawing at the same places,
// names as the pages' LaTeX, gradients in their colour.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "dot_diagram.hpp"
#include "drawings.hpp"
#include "tikz_network.hpp"

using namespace nntrace;

namespace {

NetworkDiagram tikz_network(bool backward) {
    auto grad = [&](double v) { return backward ? std::optional<Num>(Num::both(v)) : std::nullopt; };
    NetworkDiagram d;
    d.key = "net";
    d.backward = backward;
    d.neurons = {{"neuron_i1", "i1", 0, "i1", Num::both(0.1), "", std::nullopt, grad(0.0007), std::nullopt},
                 {"neuron_h1", "h1", 1, "out_h1", Num::both(0.595), "l_h1", Num::both(0.385), grad(0.0176), grad(-0.25)}};
    d.weights = {{"w1", "neuron_i1", "neuron_h1", Num::both(0.05), grad(0.000425)}};
    d.biases = {{"bias_b1", "b1", 0, {"neuron_h1"}, Num::both(0.35), grad(0.0098)}};
    d.loss = "E_total";
    d.loss_value = Num::both(0.0968);
    return d;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("TikZ network: a picture with a style per kind of piece", "[render][tikz][network]") {
    const std::string tex = network_tikz(tikz_network(false), "net", 4);
    CHECK(contains(tex, "\\begin{tikzpicture}"));
    CHECK(contains(tex, "\\end{tikzpicture}\n"));
    CHECK(contains(tex, "\\input{net.tex}"));
    for (const char* style : {"nntrace neuron/.style", "nntrace label/.style", "nntrace bias/.style"})
        CHECK(contains(tex, style));
}

TEST_CASE("TikZ network: the pieces stand where the DOT drawing pins them", "[render][tikz][network]") {
    const NetworkDiagram d = tikz_network(false);
    const NetworkLayout at = network_layout(d, 4);
    const std::string tex = network_tikz(d, "net", 4);
    char h1[128];
    std::snprintf(h1, sizeof h1, "\\node[nntrace output] (n-neuron-h1) at (%.1f,%.1f) {$h_{1}$};", at.circles[1].x,
                  -at.circles[1].y + 0.0);
    CHECK(contains(tex, h1));
    CHECK(contains(tex, "\\draw[nntrace arrow] (n-neuron-i1) -- (n-neuron-h1);"));
    CHECK(contains(tex, "\\draw[nntrace bias arrow] (n-bias-b1) -- (n-neuron-h1);"));
}

TEST_CASE("TikZ network: names and numbers as the pages write them", "[render][tikz][network]") {
    const std::string forward = network_tikz(tikz_network(false), "net", 4);
    CHECK(contains(forward, "{$w_{1} = 0.05$}"));
    CHECK(contains(forward, "{$l_{h1} = 0.3850$ \\\\ $\\mathrm{out}_{h1} = 0.5950$}"));
    CHECK(contains(forward, "{$E_{\\mathrm{total}} = 0.0968$}"));
    const std::string backward = network_tikz(tikz_network(true), "net", 4);
    CHECK(contains(backward, "\\textcolor{nntracegradient}{$\\frac{\\partial E_{\\mathrm{total}}}{\\partial w_{1}}$} \\\\ "
                                "\\textcolor{nntracegradient}{$= 0.0004$}"));
    CHECK(contains(backward, "$\\frac{\\partial E_{\\mathrm{total}}}{\\partial l_{h1}} = -0.2500$"));
}

TEST_CASE("TikZ network: written beside the DOT source only for --plot-format tikz", "[render][tikz][network]") {
    Record r;
    r.digits = 4;
    r.sections.push_back(Section{"forward", Message{"t", {}}, {tikz_network(false)}});
    CHECK(drawing_sources(r)[0].tikz.empty());
    const auto tikz = drawing_sources(r, PlotFormat::tikz);
    CHECK(tikz[0].tikz == network_tikz(tikz_network(false), "net", 4));
    CHECK(tikz[0].tikz == drawing_sources(r, PlotFormat::tikz)[0].tikz);  // the same bytes every time
}

TEST_CASE("TikZ network: resizing scales the distances and keeps the text", "[render][tikz][network]") {
    const NetworkDiagram d = tikz_network(false);
    const std::string tex = network_tikz(d, "net", 4);
    // \resizebox would shrink the labels with the picture: the header offers \nntracescale instead.
    CHECK_FALSE(contains(tex, "\\resizebox{"));
    CHECK(contains(tex, "\\def\\nntracescale{0.6}"));
    CHECK(contains(tex, "\\providecommand{\\nntracescale}{1}\n"));
    CHECK(contains(tex, "\\begin{tikzpicture}[x=\\nntracescale pt, y=\\nntracescale pt, font=\\large,"));
    // The header says how wide the picture is at scale 1, from the layout's outermost pieces.
    const NetworkLayout at = network_layout(d, 4);
    double left = at.loss.x - at.loss.width / 2, right = at.loss.x + at.loss.width / 2;
    for (const auto* boxes : {&at.circles, &at.values, &at.labels, &at.biases})
        for (const LayoutBox& b : *boxes) {
            left = std::min(left, b.x - b.width / 2);
            right = std::max(right, b.x + b.width / 2);
        }
    CHECK(contains(tex, "it is " + std::to_string(static_cast<int>(std::ceil(right - left))) + "pt wide at scale 1"));
}
