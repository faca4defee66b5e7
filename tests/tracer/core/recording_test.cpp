#include <catch2/catch.hpp>

#include "core/builder.hpp"
#include "core/recording.hpp"

using namespace nntrace;

namespace {

struct Linear {
    Tape tape;
    Scope scope;
    NodeId z;
    Linear() {
        scope.names["w"] = tape.parameter("w", 3);
        scope.names["b"] = tape.parameter("b", 4);
        add("x", "2*w + 3*b");
        add("y", "2*b + 1");
        z = add("z", "x*y");
    }
    NodeId add(const std::string& name, const std::string& expr) {
        return scope.names[name] = build_named(tape, name, parse_expression(expr), expr, scope);
    }
};

}  // namespace

TEST_CASE("Recording: a forward step substitutes the values of its symbols", "[recording]") {
    Linear g;
    const Step s = step_of(g.tape, g.scope.names["x"], "forward/");
    CHECK(s.key == "forward/x");
    CHECK(s.value.exact == 18.0);
    std::string symbols;
    double w_value = 0;
    for (const Piece& p : s.formula) {
        symbols += p.text;
        if (p.text == "w" && p.value) w_value = p.value->exact;
    }
    CHECK(symbols == "2*w + 3*b");
    CHECK(w_value == 3.0);
}

TEST_CASE("Recording: the sum at b lists both paths and totals 63", "[recording]") {
    Linear g;
    const Gradients grad = backward(g.tape, g.z);
    const auto items = chain_lines(g.tape, grad, "");
    const GradientSum* sum = nullptr;
    for (const Item& i : items)
        if (const auto* s = std::get_if<GradientSum>(&i); s && s->target == "b") sum = s;
    REQUIRE(sum != nullptr);
    CHECK(sum->terms.size() == 2);
    CHECK(sum->total.exact == 3 * 9 + 2 * 18);  // ∂z/∂b = 3y + 2x
}

TEST_CASE("Recording: the diagram has one edge per non-constant argument", "[recording]") {
    Linear g;
    const Gradients grad = backward(g.tape, g.z);
    const Diagram d = diagram_of(g.tape, g.z, &grad, "graph");
    // Nodes: w, b, 2*w, 3*b, x, 2*b, y, z. Edges: w→2*w, b→3*b, 2*w→x, 3*b→x, b→2*b, 2*b→y, x→z, y→z.
    CHECK(d.nodes.size() == 8);
    CHECK(d.edges.size() == 8);
    for (const DiagramEdge& e : d.edges) CHECK(e.contribution.has_value());
    for (const DiagramNode& n : d.nodes)
        if (n.name == "z") CHECK(n.layer == 3);
}

TEST_CASE("Recording: diagram ids follow the tape and repeat from run to run", "[recording]") {
    Linear a, b;
    const Diagram da = diagram_of(a.tape, a.z, nullptr, "g");
    const Diagram db = diagram_of(b.tape, b.z, nullptr, "g");
    REQUIRE(da.nodes.size() == db.nodes.size());
    for (std::size_t i = 0; i < da.nodes.size(); ++i) CHECK(da.nodes[i].id == db.nodes[i].id);
    CHECK(da.root == "n" + std::to_string(a.z));
}

TEST_CASE("Recording: a user function's rule is its derivative written out at its argument", "[recording][functions]") {
    Tape tape;
    Scope scope;
    scope.functions["s"] = tape.add_function(make_user_function("s", "x", "x^2"));
    scope.names["z"] = tape.parameter("z", 0.75);
    const NodeId h = build_named(tape, "h", parse_expression("s(z)"), "s(z)", scope);
    const Gradients grad = backward(tape, h);
    const auto items = chain_lines(tape, grad, "");
    const ChainLine* line = nullptr;
    for (const Item& i : items)
        if (const auto* c = std::get_if<ChainLine>(&i); c && c->target == "z") line = c;
    REQUIRE(line != nullptr);
    CHECK(line->rule == "s′(x) = 2·x");  // not "s′(x) = d/dx (x^2)"
    // The local formula is the same derivative at the argument: 2·z, z carrying its value.
    std::string names;
    double z_value = 0;
    for (const Piece& p : line->local_formula) {
        names += p.text;
        if (p.text == "z" && p.value) z_value = p.value->exact;
    }
    CHECK(names.find('z') != std::string::npos);
    CHECK(names.find("s′") == std::string::npos);
    CHECK(z_value == 0.75);
    CHECK(line->local.exact == 2 * 0.75);
}
