// [train] through a problem file: the rounds against a hand calculation written out here.
#include <catch2/catch.hpp>

#include <cmath>

#include "support.hpp"

using nntrace::Record;
namespace test = nntrace::test;

namespace {

// Half up at 2 decimals; the values below are never ties, so plain std::round is enough here.
double r2(double v) { return std::round(v * 100) / 100; }

// train-tiny.toml by hand: ŷ = w·x + b, L = (ŷ − y)², x = 2, y = 1, rate 0.333, 2 decimals.
struct Hand {
    double w = 0.5, b = 0.1;
    double loss() const {
        const double e = r2(r2(r2(w * 2) + b) - 1);
        return r2(e * e);
    }
    // One round: ∂L/∂ŷ = 2(ŷ − y), ∂L/∂w = ∂L/∂ŷ·x, ∂L/∂b = ∂L/∂ŷ; p ← p − round(rate·g).
    void update() {
        const double e = r2(r2(r2(w * 2) + b) - 1);
        const double g = r2(2 * e);
        const double gw = r2(g * 2), gb = g;
        w = r2(w - r2(0.333 * gw));
        b = r2(b - r2(0.333 * gb));
    }
};

Record run_tiny() { return nntrace::run_problem(nntrace::read_problem(test::data_file("train-tiny.toml")), {}); }

}  // namespace

TEST_CASE("Problem training: the first update matches a hand calculation", "[problem][train]") {
    Hand h;
    h.update();
    const Record r = run_tiny();
    CHECK(r.find("w+")->hand == h.w);  // 0.5 − round(0.333·0.4) = 0.5 − 0.13
    CHECK(r.find("b+")->hand == h.b);  // 0.1 − round(0.333·0.2) = 0.1 − 0.07
}

TEST_CASE("Problem training: the exact track updates with exact steps", "[problem][train]") {
    const Record r = run_tiny();
    CHECK(r.find("w+")->exact == Approx(0.5 - 0.333 * 0.4).epsilon(1e-12));
    CHECK(r.find("b+")->exact == Approx(0.1 - 0.333 * 0.2).epsilon(1e-12));
}

TEST_CASE("Problem training: the loss after each update", "[problem][train]") {
    Hand h;
    const double l1 = h.loss();
    h.update();
    const double l2 = h.loss();
    h.update();
    const double l3 = h.loss();
    const Record r = run_tiny();
    CHECK(r.find("L@1")->hand == l1);
    CHECK(r.find("L@2")->hand == l2);
    CHECK(r.find("L@3")->hand == l3);
    CHECK(r.find("losses/3/loss")->hand == l3);
}

TEST_CASE("Problem training: the second update is keyed p@2+", "[problem][train]") {
    Hand h;
    h.update();
    h.update();
    const Record r = run_tiny();
    CHECK(r.find("w@2+")->hand == h.w);
    CHECK(r.find("w@3")->hand == h.w);
}

TEST_CASE("Problem training: the first pass is also reachable as name@1", "[problem][train]") {
    const Record r = run_tiny();
    CHECK(r.find("yhat@1")->hand == r.find("yhat")->hand);
    CHECK(r.find("w@1")->hand == 0.5);
}
