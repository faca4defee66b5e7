#include <catch2/catch.hpp>

#include "core/named_chain.hpp"
#include "named_support.hpp"

using namespace nntrace;

namespace {

// The 2-2-2 sigmoid network of the lesson net-222, written out as named nodes.
struct Net222 {
    test::Graph g;
    NodeId loss;
    explicit Net222(Arithmetic a = Arithmetic::exact()) : g(a) { loss = test::build_net222(g); }
    std::vector<NamedChain> chains(const std::vector<std::string>& names) const {
        const Gradients grad = backward(g.tape, loss);
        std::vector<NodeId> wrt;
        for (const auto& n : names) wrt.push_back(g.id(n));
        std::vector<Item> items = named_chain_items(g.tape, grad, wrt, "");
        std::vector<NamedChain> out;
        for (const Item& i : items) out.push_back(std::get<NamedChain>(i));
        return out;
    }
    double value(const std::string& name) const { return g.tape[g.id(name)].value.exact; }
};

std::vector<std::string> labels(const std::vector<ChainFactor>& factors) {
    std::vector<std::string> out;
    for (const ChainFactor& f : factors) out.push_back(f.of + "/" + f.wrt);
    return out;
}

}  // namespace

TEST_CASE("Named chain: dE_total/dw5 is the source's three factors", "[named-chain]") {
    const Net222 n;
    const NamedChain c = n.chains({"w5"}).at(0);
    CHECK(c.key == "dE_total/dw5/chain");
    CHECK(labels(c.factors) == std::vector<std::string>{"E_total/out_o1", "out_o1/l_o1", "l_o1/w5"});
    const double out = n.value("out_o1");
    CHECK(c.factors[0].value.exact == Approx(-(n.value("t1") - out)));
    CHECK(test::symbols(c.factors[0].formula) == "-(t1 - out_o1)");
    CHECK(c.factors[1].value.exact == Approx(out * (1 - out)));
    CHECK(c.factors[2].value.exact == Approx(n.value("out_h1")));
    CHECK(c.value.exact == Approx(c.tape.exact).epsilon(1e-12));
    CHECK(c.agrees);
}

TEST_CASE("Named chain: dE_total/dw1 goes through the sum at out_h1 of its two routes", "[named-chain]") {
    const Net222 n;
    const NamedChain c = n.chains({"w1"}).at(0);
    CHECK(labels(c.factors) == std::vector<std::string>{"E_total/out_h1", "out_h1/l_h1", "l_h1/w1"});
    const ChainFactor& sum = c.factors[0];
    REQUIRE(sum.paths.size() == 2);
    CHECK(sum.paths[0].whole_of == "E_o1");
    CHECK(sum.paths[1].whole_of == "E_o2");
    CHECK(labels(sum.paths[0].factors) == std::vector<std::string>{"E_o1/out_o1", "out_o1/l_o1", "l_o1/out_h1"});
    CHECK(sum.value.exact == Approx(sum.paths[0].value.exact + sum.paths[1].value.exact));
    CHECK(c.value.exact == Approx(c.tape.exact).epsilon(1e-12));
}

TEST_CASE("Named chain: a shared product is a delta, written out where first used", "[named-chain]") {
    const Net222 n;
    const auto chains = n.chains({"w5", "w6", "w7"});
    REQUIRE(chains.size() == 3);
    REQUIRE(chains[0].factors[1].delta);
    CHECK(chains[0].factors[1].delta->name == "l_o1");
    CHECK(chains[0].factors[1].delta->first);
    REQUIRE(chains[1].factors[1].delta);
    CHECK_FALSE(chains[1].factors[1].delta->first);
    CHECK_FALSE(chains[1].factors[0].first);  // its formula was written in the w5 chain
    CHECK_FALSE(chains[2].factors[1].delta);  // l_o2's product is used by w7 alone here
}

TEST_CASE("Named chain: the loss is never differentiated by itself and factors are never circular", "[named-chain]") {
    const Net222 n;
    for (const NamedChain& c : n.chains({"w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8", "b1", "b2", "E_o1"})) {
        INFO(c.key);
        for (const ChainFactor& f : c.factors) {
            CHECK(f.of != f.wrt);
            for (const ChainPath& p : f.paths)
                for (const ChainFactor& pf : p.factors) CHECK(pf.of != pf.wrt);
        }
        CHECK(c.value.exact == Approx(c.tape.exact).epsilon(1e-12));
    }
}

TEST_CASE("Named chain: dz/db of the linear example is the sum of its routes via x and via y", "[named-chain]") {
    test::Graph g;
    g.param("w", 3);
    g.param("b", 4);
    g.node("x", "2*w + 3*b");
    g.node("y", "2*b + 1");
    const NodeId z = g.node("z", "x*y");
    const Gradients grad = backward(g.tape, z);
    const auto items = named_chain_items(g.tape, grad, {g.id("b")}, "");
    const NamedChain& c = std::get<NamedChain>(items.at(0));
    REQUIRE(c.factors.size() == 1);
    const auto& routes = c.factors[0].paths;
    REQUIRE(routes.size() == 2);
    CHECK(routes[0].through == std::vector<std::string>{"z", "x", "b"});
    CHECK(routes[0].factors[0].value.exact == g.tape[g.id("y")].value.exact);
    CHECK(routes[0].factors[1].value.exact == 3);
    CHECK(test::symbols(routes[0].factors[1].formula) == "3");
    CHECK(routes[1].factors[1].value.exact == 2);
    CHECK(c.value.exact == grad.of[g.id("b")].exact);
}

TEST_CASE("Named chain: by hand the chain agrees with the tape or says why not", "[named-chain]") {
    for (int decimals : {2, 3, 4, 6}) {
        const Net222 n(Arithmetic::hand(decimals));
        for (const NamedChain& c : n.chains({"w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8", "b1", "b2"})) {
            INFO(c.key << " at " << decimals << " decimals");
            CHECK(c.agrees == (c.value.hand == c.tape.hand));
            if (!c.agrees) {
                REQUIRE(c.reason);
                CHECK(c.reason->id == "chain.reason.rounding_order");
            }
            CHECK(c.value.exact == Approx(c.tape.exact).epsilon(1e-9));
        }
    }
}

TEST_CASE("Named chain: parameters are put in order from the output toward the inputs", "[named-chain]") {
    const Net222 n;
    const NamedGraph graph(n.g.tape, n.loss);
    const auto order = output_first(graph, {n.g.id("w1"), n.g.id("b1"), n.g.id("w5"), n.g.id("b2"), n.g.id("w8")});
    std::vector<std::string> names;
    for (NodeId id : order) names.emplace_back(n.g.tape.name(id));
    CHECK(names == std::vector<std::string>{"w5", "b2", "w8", "w1", "b1"});
}
