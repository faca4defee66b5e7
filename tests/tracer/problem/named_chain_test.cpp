// The textbook chains of problem runs: on random problem files every chain's exact value is the
// tape's gradient, and by hand a chain either agrees with the tape or says why not.
#include <catch2/catch.hpp>

#include <cmath>
#include <set>

#include "random_problem.hpp"
#include "support.hpp"

using namespace nntrace;

namespace {

std::vector<NamedChain> chains_in(const Record& r, const std::string& section) {
    std::vector<NamedChain> out;
    for (const auto& s : r.sections)
        if (s.key == section)
            for (const auto& item : s.items)
                if (const auto* c = std::get_if<NamedChain>(&item)) out.push_back(*c);
    return out;
}

// The routes' and factors' own arithmetic: a product is its factors multiplied from the left.
double product_exact(const std::vector<ChainFactor>& factors) {
    double p = 1;
    for (const ChainFactor& f : factors) p *= f.value.exact;
    return p;
}

}  // namespace

TEST_CASE("Problem chains: on random problems every chain's exact value is the tape's gradient", "[problem][random][named-chain]") {
    for (unsigned seed = 1; seed <= 200; ++seed) {
        const test::RandomProblem g(seed);
        INFO("seed " << seed << "\n" << g.toml());
        const Record r = run_problem(parse_problem(g.toml(), "random.toml"), {});
        for (const NamedChain& c : chains_in(r, "backward")) {
            INFO(c.key);
            const auto grad = r.find("dL/d" + c.wrt);
            REQUIRE(grad);
            CHECK(c.tape.exact == grad->exact);
            CHECK(c.value.exact == Approx(grad->exact).epsilon(1e-9).margin(1e-12));
            CHECK(c.value.exact == Approx(product_exact(c.factors)).epsilon(1e-12).margin(1e-15));
            CHECK(c.agrees);
        }
    }
}

TEST_CASE("Problem chains: every param of a random problem that the loss depends on has its chain", "[problem][random][named-chain]") {
    for (unsigned seed = 1; seed <= 200; ++seed) {
        const test::RandomProblem g(seed);
        INFO("seed " << seed << "\n" << g.toml());
        const Record r = run_problem(parse_problem(g.toml(), "random.toml"), {});
        std::set<std::string> chained;
        for (const NamedChain& c : chains_in(r, "backward")) chained.insert(c.wrt);
        // A param with a gradient other than 0 is read by the loss, through some route.
        for (const char* p : {"p1", "p2", "p3", "p4"})
            if (r.find("dL/d" + std::string(p))->exact != 0) CHECK(chained.count(p));
    }
}

TEST_CASE("Problem chains: by hand a chain agrees with the tape's gradient or carries the reason", "[problem][random][named-chain]") {
    RunOptions hand;
    hand.arithmetic = Arithmetic::hand(4);
    int differing = 0;
    for (unsigned seed = 1; seed <= 200; ++seed) {
        const test::RandomProblem g(seed);
        INFO("seed " << seed << "\n" << g.toml());
        const Record r = run_problem(parse_problem(g.toml(), "random.toml"), hand);
        for (const NamedChain& c : chains_in(r, "backward")) {
            INFO(c.key);
            CHECK(c.tape.hand == r.find("dL/d" + c.wrt)->hand);
            const bool same = std::fabs(c.value.hand - c.tape.hand) < 0.5e-4;
            CHECK(c.agrees == same);
            if (!same) {
                ++differing;
                REQUIRE(c.reason);
                CHECK(c.reason->id == "chain.reason.rounding_order");
            }
            CHECK(c.value.exact == Approx(c.tape.exact).epsilon(1e-9).margin(1e-12));
            // Written down as a student does: every hand value has at most 4 decimals.
            CHECK(c.value.hand == Approx(std::round(c.value.hand * 1e4) / 1e4).margin(1e-12));
        }
    }
    WARN(differing << " chains differ from the tape in the last digit");
}
