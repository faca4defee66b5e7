// replay_graph recomputes a built graph's numbers under another arithmetic: every node's value
// and local derivatives, and the gradients, must be those a build under that arithmetic gives,
// for random problems over the whole expression language.
#include <cmath>

#include <catch2/catch.hpp>

#include "core/backward.hpp"
#include "core/replay_graph.hpp"
#include "problem/run_parts.hpp"
#include "random_problem.hpp"

using namespace nntrace;

namespace {

bool same_num(const Num& a, const Num& b) {
    const auto same = [](double x, double y) { return x == y || (std::isnan(x) && std::isnan(y)); };
    return same(a.exact, b.exact) && same(a.hand, b.hand);
}

}  // namespace

TEST_CASE("Replayed graph: every number equals a build under the same arithmetic", "[problem][replay]") {
    std::size_t compared = 0;
    for (unsigned seed = 1; seed <= 25; ++seed) {
        const Problem p = parse_problem(test::RandomProblem(seed).toml(), "random.toml");
        const auto values = apply_sets(p, {}).values;
        Tape shape;
        const NodeId loss = build_problem_graph(p, shape, values);
        for (int k : {0, 2, 4, 9})
            for (Rounding r : {Rounding::half_up, Rounding::truncate}) {
                INFO("seed " << seed << " at " << k);
                const Arithmetic a = Arithmetic::hand(k, r);
                Tape built(a);
                try {
                    build_problem_graph(p, built, values);
                } catch (const InputError&) {
                    CHECK_THROWS_AS(replay_graph(shape, a, {}, values), NumericFault);  // a fault either way
                    continue;
                }
                const Tape replayed = replay_graph(shape, a, {}, values);
                REQUIRE(replayed.size() == built.size());
                for (NodeId id = 0; id < built.size(); ++id) {
                    CHECK(same_num(replayed[id].value, built[id].value));
                    CHECK(same_num(replayed[id].local[0], built[id].local[0]));
                    CHECK(same_num(replayed[id].local[1], built[id].local[1]));
                }
                CHECK(replayed.find("L") == built.find("L"));
                try {
                    const Gradients g = backward(built, loss);
                    const Gradients h = backward(replayed, loss);
                    for (NodeId id = 0; id < built.size(); ++id) CHECK(same_num(h.of[id], g.of[id]));
                } catch (const NumericFault&) {
                    CHECK_THROWS_AS(backward(replayed, loss), NumericFault);
                }
                ++compared;
            }
    }
    CHECK(compared > 100);
}
