#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <utility>

#include "core/named_diagram.hpp"
#include "core/named_graph.hpp"
#include "named_support.hpp"

using namespace nntrace;

namespace {

// The diagram's node names, by id.
std::map<std::string, std::string> names_by_id(const Diagram& d) {
    std::map<std::string, std::string> out;
    for (const DiagramNode& n : d.nodes) out[n.id] = n.name;
    return out;
}

}  // namespace

TEST_CASE("Named diagram: net-222 has one node per named quantity and no constant", "[named-diagram]") {
    test::Graph g;
    const NodeId loss = test::build_net222(g);
    const Diagram d = named_diagram(g.tape, backward(g.tape, loss), "backward-graph");
    std::set<std::string> drawn;
    for (const DiagramNode& n : d.nodes) {
        CHECK(n.op != "constant");
        CHECK(drawn.insert(n.name).second);
    }
    std::set<std::string> declared;  // every name the problem declares: all of them reach E_total
    for (const auto& [name, id] : g.scope.names) declared.insert(name);
    CHECK(drawn == declared);
    CHECK(d.root == "n" + std::to_string(loss));
}

TEST_CASE("Named diagram: net-222's edges are its named local derivatives, with their values", "[named-diagram]") {
    test::Graph g;
    const NodeId loss = test::build_net222(g);
    const Gradients grad = backward(g.tape, loss);
    const Diagram d = named_diagram(g.tape, grad, "backward-graph");
    const auto name = names_by_id(d);
    std::set<std::pair<std::string, std::string>> drawn;
    for (const DiagramEdge& e : d.edges) {
        const std::string of = name.at(e.to), wrt = name.at(e.from);
        CHECK(drawn.insert({of, wrt}).second);
        CHECK_FALSE(e.formula.empty());
        CHECK(e.rule.empty());
        const NamedLocal l = named_local(g.tape, g.id(of), g.id(wrt));
        CHECK(e.local.exact == Approx(l.value.exact).epsilon(1e-12));
        CHECK(test::symbols(e.formula) == test::symbols(formula_of(l.formula, [&](const Sym& s) { return g.tape[s.node].value; })));
    }
    // Independently: each named node is linked to exactly the names its expression reads.
    const std::set<std::pair<std::string, std::string>> expected = {
        {"l_h1", "w1"}, {"l_h1", "i1"}, {"l_h1", "w2"}, {"l_h1", "i2"}, {"l_h1", "b1"},
        {"l_h2", "w3"}, {"l_h2", "i1"}, {"l_h2", "w4"}, {"l_h2", "i2"}, {"l_h2", "b1"},
        {"out_h1", "l_h1"}, {"out_h2", "l_h2"},
        {"l_o1", "w5"}, {"l_o1", "out_h1"}, {"l_o1", "w6"}, {"l_o1", "out_h2"}, {"l_o1", "b2"},
        {"l_o2", "w7"}, {"l_o2", "out_h1"}, {"l_o2", "w8"}, {"l_o2", "out_h2"}, {"l_o2", "b2"},
        {"out_o1", "l_o1"}, {"out_o2", "l_o2"},
        {"E_o1", "t1"}, {"E_o1", "out_o1"}, {"E_o2", "t2"}, {"E_o2", "out_o2"},
        {"E_total", "E_o1"}, {"E_total", "E_o2"}};
    CHECK(drawn == expected);
    for (const DiagramEdge& e : d.edges)
        if (name.at(e.to) == "out_o1") {
            const double out = g.tape[g.id("out_o1")].value.exact;
            CHECK(e.local.exact == Approx(out * (1 - out)).epsilon(1e-12));
        }
    for (const DiagramNode& n : d.nodes) {
        REQUIRE(n.gradient);
        CHECK(n.gradient->exact == grad.of[g.id(n.name)].exact);
        CHECK(n.value.exact == g.tape[g.id(n.name)].value.exact);
    }
}
