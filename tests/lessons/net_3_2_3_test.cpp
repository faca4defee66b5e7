// The lesson net-3-2-3 (004, 反向传播——逐层计算梯度) against the same network differentiated
// here with the textbook's delta formulas in plain doubles.
#include <catch2/catch.hpp>

#include <array>
#include <cmath>

#include "lesson_test_helpers.hpp"

using namespace lesson_test;

namespace {

double sigmoid(double x) { return 1 / (1 + std::exp(-x)); }

// w[1]..w[12] numbered by source: x_i → h_j is w[2(i−1) + j], h_j → o_k is w[6 + 3(j−1) + k].
struct Net323 {
    std::array<double, 4> x{0, 1.0, 0.5, -1.0};
    std::array<double, 4> y{0, 0, 1, 0};
    std::array<double, 13> w{0, 0.1, 0.2, -0.3, 0.4, 0.5, -0.6, 0.7, -0.8, 0.9, -0.1, 0.2, -0.3};

    static std::size_t in(int i, int j) { return static_cast<std::size_t>(2 * (i - 1) + j); }
    static std::size_t out(int j, int k) { return static_cast<std::size_t>(6 + 3 * (j - 1) + k); }

    double h(int j) const {
        double s = 0;
        for (int i = 1; i <= 3; ++i) s += w[in(i, j)] * x[static_cast<std::size_t>(i)];
        return sigmoid(s);
    }
    double o(int k) const { return sigmoid(w[out(1, k)] * h(1) + w[out(2, k)] * h(2)); }
    double loss() const {
        double sum = 0;
        for (int k = 1; k <= 3; ++k) sum += std::pow(y[static_cast<std::size_t>(k)] - o(k), 2);
        return sum / 3;
    }
    // δ_k = ∂L/∂In_ok = (2/3)(ŷk − yk)·ŷk(1 − ŷk); δ_j = (Σk δ_k·w_jk)·h_j(1 − h_j).
    double delta_o(int k) const { return 2.0 / 3 * (o(k) - y[static_cast<std::size_t>(k)]) * o(k) * (1 - o(k)); }
    double delta_h(int j) const {
        double s = 0;
        for (int k = 1; k <= 3; ++k) s += delta_o(k) * w[out(j, k)];
        return s * h(j) * (1 - h(j));
    }
    std::array<double, 13> gradients() const {
        std::array<double, 13> g{};
        for (int j = 1; j <= 2; ++j) {
            for (int i = 1; i <= 3; ++i) g[in(i, j)] = delta_h(j) * x[static_cast<std::size_t>(i)];
            for (int k = 1; k <= 3; ++k) g[out(j, k)] = delta_o(k) * h(j);
        }
        return g;
    }
};

std::string w(int k) { return "w" + std::to_string(k); }

const Record& defaults() { return lesson_test::defaults("net-3-2-3"); }

}  // namespace

TEST_CASE("Net 3-2-3: the forward pass follows the source's table of In and Out", "[lesson][net-3-2-3]") {
    const Net323 net;
    const Record& r = defaults();
    CHECK(value(r, "Out_h1") == Approx(net.h(1)).epsilon(1e-12));
    CHECK(value(r, "Out_h2") == Approx(net.h(2)).epsilon(1e-12));
    for (int k = 1; k <= 3; ++k) CHECK(value(r, "Out_o" + std::to_string(k)) == Approx(net.o(k)).epsilon(1e-12));
    CHECK(value(r, "L") == Approx(net.loss()).epsilon(1e-12));
}

TEST_CASE("Net 3-2-3: all twelve gradients agree with the delta formulas", "[lesson][net-3-2-3]") {
    const auto g = Net323().gradients();
    for (int k = 1; k <= 12; ++k) {
        INFO(w(k));
        CHECK(value(defaults(), "dL/d" + w(k)) == Approx(g[static_cast<std::size_t>(k)]).epsilon(1e-12));
    }
}

TEST_CASE("Net 3-2-3: dL/dw1 is the sum over the three outputs the source writes", "[lesson][net-3-2-3]") {
    const Record& r = defaults();
    double sum = 0;
    for (int k = 1; k <= 3; ++k) {
        const std::string o = "Out_o" + std::to_string(k);
        sum += value(r, "dL/d" + o) * value(r, "d" + o + "/dw1");
    }
    CHECK(value(r, "dL/dw1") == Approx(sum).epsilon(1e-12));
    // ∂ŷ1/∂w1 = ŷ1(1 − ŷ1)·w7·h1(1 − h1)·x1
    const Net323 net;
    CHECK(value(r, "dOut_o1/dw1") == Approx(net.o(1) * (1 - net.o(1)) * net.w[7] * net.h(1) * (1 - net.h(1)) * net.x[1]).epsilon(1e-12));
}

TEST_CASE("Net 3-2-3: the elementary steps show a chain-rule line into every weight", "[lesson][net-3-2-3]") {
    std::set<std::string> targets;
    for (const auto& s : defaults().sections)
        if (s.key == "backward-steps")
            for (const auto& it : s.items)
                if (const auto* c = std::get_if<ChainLine>(&it)) targets.insert(c->target);
    for (int k = 1; k <= 12; ++k) CHECK(targets.count(w(k)));
}

TEST_CASE("Net 3-2-3: the backward pass leads with a textbook chain for every weight", "[lesson][net-3-2-3]") {
    std::set<std::string> chained;
    for (const auto& it : section(defaults(), "backward").items)
        if (const auto* c = std::get_if<NamedChain>(&it)) {
            chained.insert(c->wrt);
            CHECK(c->value.exact == Approx(value(defaults(), "d" + c->of + "/d" + c->wrt)).epsilon(1e-12));
        }
    for (int k = 1; k <= 12; ++k) CHECK(chained.count(w(k)));
}

TEST_CASE("Net 3-2-3: the numbering table shows w3 from x2 to h1 and w7 from h1 to o1", "[lesson][net-3-2-3]") {
    const Table* t = item<Table>(defaults(), "network-numbering");
    REQUIRE(t);
    REQUIRE(t->rows.size() == 12);  // no biases
    auto name = [&](std::size_t row, std::size_t column) { return t->rows[row][column].words->args.at(0).text; };
    CHECK(name(2, 0) == "w3");
    CHECK(name(2, 1) == "x2");
    CHECK(name(2, 2) == "h1");
    CHECK(name(6, 1) == "h1");
    CHECK(name(6, 2) == "o1");
    CHECK(value(defaults(), "network-numbering/12/value") == -0.3);
}

TEST_CASE("Net 3-2-3: --set w7=0 follows the same computation", "[lesson][net-3-2-3]") {
    const Record r = run("net-3-2-3", with_set("w7", "0"));
    Net323 net;
    net.w[7] = 0;
    const auto g = net.gradients();
    CHECK(value(r, "L") == Approx(net.loss()).epsilon(1e-12));
    for (int k = 1; k <= 12; ++k) {
        INFO(w(k));
        CHECK(value(r, "dL/d" + w(k)) == Approx(g[static_cast<std::size_t>(k)]).epsilon(1e-12));
    }
}

TEST_CASE("Net 3-2-3: another class as target moves the gradients with it", "[lesson][net-3-2-3]") {
    RunOptions options;
    options.sets = {{"y2", "0"}, {"y3", "1"}};
    const Record r = run("net-3-2-3", options);
    Net323 net;
    net.y = {0, 0, 0, 1};
    CHECK(value(r, "dL/dw9") == Approx(net.gradients()[9]).epsilon(1e-12));
    CHECK(value(r, "dL/dw1") == Approx(net.gradients()[1]).epsilon(1e-12));
}

TEST_CASE("Net 3-2-3: the conventions are stated and every message has both languages", "[lesson][net-3-2-3]") {
    CHECK(note(defaults(), "convention/own_numbers"));
    CHECK(note(defaults(), "convention/numbering"));
    CHECK(note(defaults(), "convention/mse_mean"));
    check_messages(defaults());
}
