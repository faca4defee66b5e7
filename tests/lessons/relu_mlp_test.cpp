// The lesson relu-mlp (004, 梯度推导例题) against its source's figures, and against the same
// network differentiated by hand here.
#include "lesson_test_helpers.hpp"

#include <cmath>

using namespace lesson_test;

namespace {

const Record& defaults() { return lesson_test::defaults("relu-mlp"); }

// s = Wx, h = ReLU(s), y = V·h, L = ½(y − t)²; backward: ∂L/∂y = y − t, ∂L/∂V_i = ∂L/∂y·h_i,
// ∂L/∂W_ij = ∂L/∂y·V_i·[s_i > 0]·x_j.
struct Relu {
    double W[2][2] = {{1, -1}, {0, 2}};
    double V[2] = {-1, 1};
    double x[2] = {1, -1};
    double t = 1;

    double s(int i) const { return W[i][0] * x[0] + W[i][1] * x[1]; }
    double h(int i) const { return s(i) > 0 ? s(i) : 0; }
    double y() const { return V[0] * h(0) + V[1] * h(1); }
    double dL_dV(int i) const { return (y() - t) * h(i); }
    double dL_dW(int i, int j) const { return (y() - t) * V[i] * (s(i) > 0 ? 1 : 0) * x[j]; }
};

}  // namespace

TEST_CASE("ReLU MLP: the forward pass gives s = (2, -2), h = (2, 0), y = -2", "[lesson][relu-mlp]") {
    const Record& r = defaults();
    CHECK(value(r, "s0") == 2);
    CHECK(value(r, "s1") == -2);
    CHECK(value(r, "h0") == 2);
    CHECK(value(r, "h1") == 0);
    CHECK(value(r, "y") == -2);
}

TEST_CASE("ReLU MLP: dL/dV = [-6, 0] and dL/dW = [[3, -3], [0, 0]]", "[lesson][relu-mlp]") {
    const Record& r = defaults();
    CHECK(value(r, "dL/dV0") == -6);
    CHECK(value(r, "dL/dV1") == 0);
    CHECK(value(r, "dL/dW00") == 3);
    CHECK(value(r, "dL/dW01") == -3);
    CHECK(value(r, "dL/dW10") == 0);
    CHECK(value(r, "dL/dW11") == 0);
}

TEST_CASE("ReLU MLP: every published figure is judged a match", "[lesson][relu-mlp]") {
    const Record& r = defaults();
    REQUIRE(r.comparisons.size() == 11);
    for (const auto& c : r.comparisons) {
        INFO(c.key);
        CHECK(c.verdict == Comparison::Verdict::matches);
    }
}

TEST_CASE("ReLU MLP: the gradients blocked by ReLU are plain zeros, not minus zeros", "[lesson][relu-mlp]") {
    // ∂L/∂W10 = 3 · 0 · 1 and ∂L/∂W11 = 3 · 0 · (−1): a page must not print "-0".
    CHECK_FALSE(std::signbit(value(defaults(), "dL/dW10")));
    CHECK_FALSE(std::signbit(value(defaults(), "dL/dW11")));
}

TEST_CASE("ReLU MLP: --set W11=-2 opens the second unit, as a hand derivation says", "[lesson][relu-mlp]") {
    const Record r = run_with("relu-mlp", {{"W11", "-2"}});
    Relu net;
    net.W[1][1] = -2;
    CHECK(value(r, "s1") == net.s(1));
    CHECK(value(r, "y") == net.y());
    for (int i = 0; i < 2; ++i) {
        CHECK(value(r, "dL/dV" + std::to_string(i)) == net.dL_dV(i));
        for (int j = 0; j < 2; ++j) {
            INFO("W" << i << j);
            CHECK(value(r, "dL/dW" + std::to_string(i) + std::to_string(j)) == net.dL_dW(i, j));
        }
    }
}

TEST_CASE("ReLU MLP: --set t=0 moves the target", "[lesson][relu-mlp]") {
    const Record r = run_with("relu-mlp", {{"t", "0"}});
    Relu net;
    net.t = 0;
    CHECK(value(r, "L") == 0.5 * net.y() * net.y());
    CHECK(value(r, "dL/dV0") == net.dL_dV(0));
    CHECK(value(r, "dL/dW01") == net.dL_dW(0, 1));
}

TEST_CASE("ReLU MLP: in the graph the edge through the closed unit carries a zero slope", "[lesson][relu-mlp]") {
    const Diagram* d = nullptr;
    for (const auto& s : defaults().sections)
        for (const auto& item : s.items)
            if (const auto* g = std::get_if<Diagram>(&item)) d = g;
    REQUIRE(d);
    std::string s1, h1;
    for (const auto& n : d->nodes) {
        if (n.name == "s1") s1 = n.id;
        if (n.name == "h1") h1 = n.id;
    }
    bool found = false;
    for (const auto& e : d->edges)
        if (e.from == s1 && e.to == h1) {
            found = true;
            CHECK(e.local.hand == 0);
        }
    CHECK(found);
}

TEST_CASE("ReLU MLP: the gradients are assembled into ∂L/∂W and ∂L/∂V, laid out as the source prints them", "[lesson][relu-mlp]") {
    const Record& r = defaults();
    const Table* dW = r.find_table("dL_dW");
    const Table* dV = r.find_table("dL_dV");
    REQUIRE(dW);
    REQUIRE(dV);
    CHECK(dW->rows.size() == 2);
    CHECK(dV->rows.size() == 1);
    // Row i, column j holds ∂L/∂W_(i−1)(j−1): the same number as the entry's own gradient.
    for (int i = 1; i <= 2; ++i)
        for (int j = 1; j <= 2; ++j)
            CHECK(value(r, "dL_dW/" + std::to_string(i) + "/" + std::to_string(j)) ==
                  value(r, "dL/dW" + std::to_string(i - 1) + std::to_string(j - 1)));
    CHECK(value(r, "dL_dV/1/1") == value(r, "dL/dV0"));
    CHECK(value(r, "dL_dV/1/2") == value(r, "dL/dV1"));
}

TEST_CASE("ReLU MLP: there is no training, so no rounds", "[lesson][relu-mlp]") {
    for (const auto& s : defaults().sections) CHECK(s.key.rfind("round-", 0) != 0);
    CHECK_THROWS_AS(run_with("relu-mlp", {{"rounds", "3"}}), InputError);
}

TEST_CASE("ReLU MLP: every message the record uses has English and Chinese text", "[lesson][relu-mlp]") {
    check_messages(defaults());
}
