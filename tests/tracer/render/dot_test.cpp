#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "core/builder.hpp"
#include "core/recording.hpp"
#include "dot_diagram.hpp"
#include "drawings.hpp"

using namespace nntrace;

namespace {

// z = x·y, x = 2w + 3b, y = 2b + 1 at w = 3, b = 4 (worked example 2), built on a real tape.
struct LinearTape {
    Tape tape;
    Scope scope;
    NodeId z;
    LinearTape() {
        scope.names["w"] = tape.parameter("w", 3);
        scope.names["b"] = tape.parameter("b", 4);
        add("x", "2*w + 3*b");
        add("y", "2*b + 1");
        z = add("z", "x*y");
    }
    NodeId add(const std::string& name, const std::string& expr) {
        return scope.names[name] = build_named(tape, name, parse_expression(expr), expr, scope);
    }
    Diagram diagram(bool backward_view) const {
        const Gradients g = backward(tape, z);
        return diagram_of(tape, z, backward_view ? &g : nullptr, "linear/graph");
    }
};

Record record_with(const Diagram& d) {
    Record r;
    r.id = "linear";
    r.digits = 4;
    r.sections.push_back(Section{"graph", Message{"t", {}}, {d}});
    return r;
}

// A diagram whose names are hostile to DOT and HTML: markup, quotes, ampersands, Chinese,
// a Unicode subscript.
Diagram hostile_diagram() {
    Diagram d;
    d.key = "hostile";
    d.root = "n1";
    d.nodes = {{"n0", "<script>\"x\"&", "input", true, 0, Num::both(1), {}},
               {"n1", "权重·w₁", "mul", true, 1, Num::both(2), {}}};
    d.edges = {{"n0", "n1", "∂(u·v)/∂u = v & <b>", Num::both(2), {}}};
    return d;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Compares `text` with a golden file byte for byte; NNTRACE_UPDATE_GOLDEN=1 rewrites the file.
void check_golden(const std::string& name, const std::string& text) {
    const std::string path = NNTRACE_SOURCE_HOME "/tests/golden/dot/" + name;
    const char* update = std::getenv("NNTRACE_UPDATE_GOLDEN");
    if (update && std::string(update) == "1") std::ofstream(path, std::ios::binary) << text;
    const std::string golden = read_file(path);
    INFO("golden file " << path << " (regenerate with NNTRACE_UPDATE_GOLDEN=1)");
    CHECK(text == golden);
}

}  // namespace

TEST_CASE("DOT: names are escaped for HTML-like labels", "[render][dot]") {
    CHECK(dot_html_escape("<script>\"x\"&") == "&lt;script&gt;&quot;x&quot;&amp;");
    CHECK(dot_html_escape("权重 w₁") == "权重 w₁");  // UTF-8 kept as it is
    CHECK(dot_html_escape("a\nb") == "a b");
}

TEST_CASE("DOT: hostile names never reach the DOT text unescaped", "[render][dot]") {
    const std::string dot = diagram_dot(hostile_diagram(), "hostile", 4);
    CHECK(dot.find("<script>") == std::string::npos);
    CHECK(dot.find("&lt;script&gt;&quot;x&quot;&amp;") != std::string::npos);
    CHECK(dot.find("权重 · w₁") != std::string::npos);
    CHECK(dot.find("= v &amp; &lt;b&gt;") != std::string::npos);
}

TEST_CASE("DOT: the same record gives the same bytes", "[render][dot]") {
    const auto a = drawing_sources(record_with(LinearTape().diagram(true)));
    const auto b = drawing_sources(record_with(LinearTape().diagram(true)));
    REQUIRE(a.size() == 1);
    REQUIRE(b.size() == 1);
    CHECK(a[0].script == b[0].script);
    CHECK(a[0].stem == "linear-graph");
    CHECK(a[0].tool == DrawingSource::Tool::dot);
}

TEST_CASE("DOT: a node with several consumers shows the sum of their contributions", "[render][dot]") {
    const std::string dot = diagram_dot(LinearTape().diagram(true), "g", 4);
    CHECK(dot.find("∂z/∂b = 27 + 36 = 63") != std::string::npos);  // y·3 + x·2
    CHECK(dot.find("∂z/∂w = 18") != std::string::npos);
    CHECK(dot.find("∂z/∂z = 1") != std::string::npos);
}

TEST_CASE("DOT: each layer is one rank, left to right", "[render][dot]") {
    const std::string dot = diagram_dot(LinearTape().diagram(false), "g", 4);
    CHECK(dot.find("rankdir=LR") != std::string::npos);
    CHECK(dot.find("{ rank=same; n0; n1; }") != std::string::npos);  // w and b, the leaves
    CHECK(dot.find("gradient") == std::string::npos);              // a forward view: no gradients
}

TEST_CASE("DOT: z = x·y at w = 3, b = 4 matches its golden file", "[render][dot][golden]") {
    check_golden("linear-forward.dot", diagram_dot(LinearTape().diagram(false), "linear-forward", 4));
    check_golden("linear-backward.dot", diagram_dot(LinearTape().diagram(true), "linear-backward", 4));
}

TEST_CASE("Drawings: a stem is file-safe and stable", "[render][drawings]") {
    CHECK(drawing_stem("iterate/b") == "iterate-b");
    CHECK(drawing_stem("forward/graph_1.v2") == "forward-graph_1.v2");
    const std::string chinese = drawing_stem("权重/图");
    CHECK(chinese == drawing_stem("权重/图"));
    CHECK(chinese != drawing_stem("偏置/图"));  // non-ASCII keys stay apart through a hash
    for (const char* key : {"a b", "../etc/passwd", "", ".hidden", "权重", "-rf"}) {
        const std::string stem = drawing_stem(key);
        INFO(key << " -> " << stem);
        CHECK(!stem.empty());
        CHECK(stem.front() != '.');
        CHECK(stem.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.") ==
              std::string::npos);
    }
}

TEST_CASE("DOT: a drawing keyed by a DOT keyword is still a valid graph name", "[render][dot]") {
    Diagram d;
    d.key = "graph";
    Record r;
    r.sections.push_back(Section{"s", Message{"t", {}}, {d}});
    const auto sources = drawing_sources(r);
    REQUIRE(sources.size() == 1);
    CHECK(sources[0].script.find("digraph \"graph\" {") != std::string::npos);
}

TEST_CASE("DOT: each edge runs through its own label, so no label is read against another edge", "[render][dot]") {
    const Diagram d = LinearTape().diagram(true);
    const std::string dot = diagram_dot(d, "g", 4);
    // Graphviz sets an edge's `label` beside it, where it may stand as near to the next edge:
    // here no edge carries one, and each edge's label is a node between its two ends.
    CHECK(dot.find("] -> ") == std::string::npos);
    CHECK(dot.find("subgraph edge_labels {\n    node [class=\"edge-label\"") != std::string::npos);
    for (std::size_t i = 0; i < d.edges.size(); ++i) {
        const std::string on = "edge_label_" + std::to_string(i);
        INFO(on);
        CHECK(dot.find("    " + on + " [label=<") != std::string::npos);  // in the subgraph of edge labels
        CHECK(dot.find("  " + d.edges[i].from + " -> " + on + " [arrowhead=none];\n") != std::string::npos);
        CHECK(dot.find("  " + on + " -> " + d.edges[i].to + ";\n") != std::string::npos);
    }
}

TEST_CASE("DOT: an edge's label node never takes a node's id", "[render][dot]") {
    Diagram d = hostile_diagram();
    d.nodes[0].id = "edge_label_0";
    d.edges[0].from = "edge_label_0";
    const std::string dot = diagram_dot(d, "g", 4);
    CHECK(dot.find("  edge_label_0 -> edge_label_0_ [arrowhead=none];\n") != std::string::npos);
}
