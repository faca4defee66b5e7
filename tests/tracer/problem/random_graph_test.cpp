// Random problem files over the whole expression language, from fixed seeds: the engine's
// forward values must agree with an evaluator written here, and its gradients with central
// finite differences of that evaluator.
#include <catch2/catch.hpp>

#include <cmath>
#include <functional>
#include <map>
#include <random>
#include <sstream>

#include "random_problem.hpp"
#include "support.hpp"

using namespace nntrace;

namespace {

using test::Env;
using test::RandomProblem;

// ∂L/∂name by central differences of the evaluator.
double finite_difference(const RandomProblem& g, const std::string& name) {
    const Env base = g.leaves();
    const double h = 1e-6 * std::max(1.0, std::abs(base.at(name)));
    Env up = base, down = base;
    up[name] += h;
    down[name] -= h;
    return (g.evaluate(up).at("L") - g.evaluate(down).at("L")) / (2 * h);
}

}  // namespace

TEST_CASE("Random problems: forward values agree with an independent evaluator", "[problem][random]") {
    for (unsigned seed = 1; seed <= 200; ++seed) {
        const RandomProblem g(seed);
        INFO("seed " << seed << "\n" << g.toml());
        const Record r = run_problem(parse_problem(g.toml(), "random.toml"), {});
        const Env values = g.evaluate(g.leaves());
        for (const auto& [name, v] : values) {
            INFO(name);
            REQUIRE(r.find(name));
            CHECK(r.find(name)->hand == Approx(v).epsilon(1e-12).margin(1e-12));
        }
    }
}

TEST_CASE("Random problems: gradients agree with central finite differences", "[problem][random]") {
    for (unsigned seed = 1; seed <= 200; ++seed) {
        const RandomProblem g(seed);
        INFO("seed " << seed << "\n" << g.toml());
        const Record r = run_problem(parse_problem(g.toml(), "random.toml"), {});
        for (const auto& [name, v] : g.leaves()) {
            INFO("dL/d" << name);
            const auto grad = r.find("dL/d" + name);
            REQUIRE(grad);
            const double fd = finite_difference(g, name);
            CHECK(grad->hand == Approx(fd).epsilon(1e-5).margin(1e-6));
        }
    }
}
