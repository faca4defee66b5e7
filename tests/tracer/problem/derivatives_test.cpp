// Derivatives besides the loss's (∂A/∂B for any node A), the computation graph of the backward
// pass, and the loss curve of a training run.
#include <catch2/catch.hpp>

#include <cmath>

#include "support.hpp"

using nntrace::Record;
using nntrace::RunOptions;
namespace test = nntrace::test;

namespace {

// u = a·x, v = u², L = (v − 1)²: small enough to differentiate by hand below.
const char* chain = R"(
[inputs]
x = 3
[params]
a = 0.5
[nodes]
u = "a*x"
v = "u^2"
L = "(v - 1)^2"
[loss]
node = "L"
)";

nntrace::Problem chain_with(std::vector<nntrace::DerivativeRequest> asked) {
    nntrace::Problem p = nntrace::parse_problem(chain, "chain.toml");
    p.derivatives = std::move(asked);
    return p;
}

template <typename T>
std::vector<const T*> items_of(const Record& r, const std::string& section) {
    std::vector<const T*> out;
    for (const auto& s : r.sections)
        if (s.key == section)
            for (const auto& item : s.items)
                if (const auto* t = std::get_if<T>(&item)) out.push_back(t);
    return out;
}

}  // namespace

TEST_CASE("Problem derivatives: dA/dB names split into the two names", "[problem][derivatives]") {
    const auto d = nntrace::parse_derivative_name("dE_o1/dout_h1");
    REQUIRE(d);
    CHECK(d->of == "E_o1");
    CHECK(d->wrt == "out_h1");
    CHECK_FALSE(nntrace::parse_derivative_name("E/dw"));
    CHECK_FALSE(nntrace::parse_derivative_name("dE/dw/dx"));
    CHECK_FALSE(nntrace::parse_derivative_name("dL/dw7@2"));
    CHECK_FALSE(nntrace::parse_derivative_name("w7+"));
}

TEST_CASE("Problem derivatives: a node's derivative with respect to another node", "[problem][derivatives]") {
    const Record r = nntrace::run_problem(chain_with({{"v", "u"}, {"v", "a"}}), {});
    // u = 1.5, v = u², so ∂v/∂u = 2u = 3 and ∂v/∂a = 2u·x = 9.
    REQUIRE(r.find("dv/du"));
    CHECK(r.find("dv/du")->hand == 3);
    REQUIRE(r.find("dv/da"));
    CHECK(r.find("dv/da")->hand == 9);
}

TEST_CASE("Problem derivatives: their chain-rule lines stay on the way between the two names", "[problem][derivatives]") {
    const Record r = nntrace::run_problem(chain_with({{"v", "u"}}), {});
    const auto lines = items_of<nntrace::ChainLine>(r, "derivatives-steps");
    REQUIRE(lines.size() == 1);  // v reaches u in one link; the links down to a and x are not shown
    CHECK(lines[0]->key == "dv/du/via/v");
}

TEST_CASE("Problem derivatives: answers named dA/dB are computed without being listed", "[problem][derivatives]") {
    std::string text = chain;
    text += "[answers]\n\"dv/du\" = \"3\"\n\"dL/da\" = \"1\"\n";
    const Record r = nntrace::run_problem(nntrace::parse_problem(text, "answers.toml"), {});
    REQUIRE(r.find("dv/du"));
    CHECK(r.find("dv/du")->hand == 3);
    // The loss's own gradients are not repeated in the derivatives section.
    for (const auto* s : items_of<nntrace::Step>(r, "derivatives")) CHECK(s->key != "dL/da");
}

TEST_CASE("Problem derivatives: a hand calculation rounds them like every other product", "[problem][derivatives]") {
    RunOptions hand;
    hand.arithmetic = nntrace::Arithmetic::hand(1);
    nntrace::Problem p = chain_with({{"L", "u"}});
    p.loss.reset();  // L is then an ordinary node
    p.train.reset();
    const Record r = nntrace::run_problem(p, hand);
    // At one decimal v = 2.25 is written 2.3, so ∂L/∂v = 2·(2.3 − 1) = 2.6 and ∂L/∂u = 2.6·2u = 7.8;
    // exactly, ∂L/∂u = 2·1.25·3 = 7.5.
    REQUIRE(r.find("dL/du"));
    CHECK(r.find("dL/du")->hand == Approx(7.8).epsilon(1e-12));
    CHECK(r.find("dL/du")->exact == Approx(2 * 1.25 * 3).epsilon(1e-12));
}

TEST_CASE("Problem derivatives: a request that names no node is refused", "[problem][derivatives]") {
    const nntrace::Problem p = nntrace::parse_problem(chain, "chain.toml");
    CHECK(nntrace::derivative_problem(p, {"x", "a"}));   // an input is not differentiated
    CHECK(nntrace::derivative_problem(p, {"w", "a"}));   // no such node
    CHECK(nntrace::derivative_problem(p, {"v", "zz"}));  // no such name
    CHECK_FALSE(nntrace::derivative_problem(p, {"v", "x"}));
    CHECK_THROWS_AS(nntrace::run_problem(chain_with({{"x", "a"}}), {}), nntrace::InputError);
}

TEST_CASE("Problem record: the elementary steps open with the graph, gradients on its nodes", "[problem][record][diagram]") {
    const Record r = nntrace::run_problem(nntrace::parse_problem(chain, "chain.toml"), {});
    const auto diagrams = items_of<nntrace::Diagram>(r, "backward-steps");
    REQUIRE(diagrams.size() == 1);
    const nntrace::Diagram& d = *diagrams[0];
    CHECK(d.key == "backward-graph-elementary");
    CHECK(d.title.id == "problem.diagram.backward");
    bool seen_a = false;
    for (const auto& n : d.nodes) {
        REQUIRE(n.gradient);
        if (n.name != "a") continue;
        seen_a = true;
        CHECK(n.gradient->hand == Approx(r.find("dL/da")->hand).epsilon(1e-12));
    }
    CHECK(seen_a);
    CHECK_FALSE(d.edges.empty());
}

TEST_CASE("Problem record: the backward section draws the named graph first", "[problem][record][diagram]") {
    const Record r = nntrace::run_problem(nntrace::parse_problem(chain, "chain.toml"), {});
    const auto diagrams = items_of<nntrace::Diagram>(r, "backward");
    REQUIRE(diagrams.size() == 1);
    const nntrace::Diagram& d = *diagrams[0];
    CHECK(d.key == "backward-graph");
    CHECK(d.title.id == "problem.diagram.backward_named");
    for (const auto& e : d.edges) CHECK_FALSE(e.formula.empty());
    for (const auto& n : d.nodes) CHECK(n.named);
}

TEST_CASE("Problem record: training ends with a loss curve beside the loss table", "[problem][record][train]") {
    const Record r = nntrace::run_problem(nntrace::read_problem(test::data_file("train-tiny.toml")), {});
    const auto plots = items_of<nntrace::Plot>(r, "rounds");
    REQUIRE(plots.size() == 1);
    const nntrace::Table* losses = r.find_table("losses");
    REQUIRE(losses);
    REQUIRE(plots[0]->series.size() == 1);
    const nntrace::Series& curve = plots[0]->series[0];
    CHECK(curve.kind == nntrace::Series::Kind::line);
    REQUIRE(curve.y.size() == losses->rows.size());
    for (std::size_t k = 0; k < curve.y.size(); ++k) {
        CHECK(curve.x[k] == static_cast<double>(k + 1));
        CHECK(curve.y[k] == losses->rows[k][1].number->hand);
    }
    CHECK(plots[0]->y_label == "L");
}

TEST_CASE("Problem record: without training there is no loss curve", "[problem][record]") {
    const Record r = nntrace::run_problem(nntrace::parse_problem(chain, "chain.toml"), {});
    for (const auto& s : r.sections)
        for (const auto& item : s.items) CHECK_FALSE(std::holds_alternative<nntrace::Plot>(item));
}

TEST_CASE("Problem derivatives: an asked derivative leads with its chain over named quantities", "[problem][derivatives][named-chain]") {
    const Record r = nntrace::run_problem(chain_with({{"L", "a"}, {"v", "a"}}), {});
    const auto chains = items_of<nntrace::NamedChain>(r, "derivatives");
    REQUIRE(chains.size() == 1);  // dL/da is the loss's: its chain is in the backward section
    CHECK(chains[0]->key == "dv/da/chain");
    REQUIRE(chains[0]->factors.size() == 2);  // ∂v/∂u · ∂u/∂a = 2u · x
    CHECK(chains[0]->factors[0].value.exact == 2 * 1.5);
    CHECK(chains[0]->factors[1].value.exact == 3);
    CHECK(chains[0]->value.exact == r.find("dv/da")->exact);
}

TEST_CASE("Problem record: gradients with respect to the data are not listed, yet found", "[problem][record]") {
    const Record r = nntrace::run_problem(nntrace::parse_problem(chain, "chain.toml"), {});
    for (const auto* s : items_of<nntrace::Step>(r, "gradients")) CHECK(s->key != "dL/dx");
    REQUIRE(r.find("dL/dx"));
    CHECK(r.find("dL/dx")->exact == r.find("dL/du")->exact * 0.5);  // ∂u/∂x = a
}
