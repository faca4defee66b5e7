// The lesson net-222 against the figures of its source (002 §2.1–2.2) and against the same
// network computed independently here, with the textbook's formulas in plain doubles.
#include "lesson_test_helpers.hpp"

#include <array>
#include <cmath>

using namespace lesson_test;

namespace {

const Record& defaults() { return lesson_test::defaults("net-222"); }

double sigmoid(double x) { return 1 / (1 + std::exp(-x)); }

// The 2-2-2 network with the textbook's formulas: δ_o = (out_o − t)·out_o(1 − out_o) at an
// output, δ_h = (δ_o1·w_(h→o1) + δ_o2·w_(h→o2))·out_h(1 − out_h) at a hidden unit.
struct Net {
    double i1 = 0.10, i2 = 0.20, t1 = 0.85, t2 = 0.30, b1 = 0.35, b2 = 0.50;
    std::array<double, 9> w{0, 0.05, 0.15, 0.10, 0.20, 0.25, 0.35, 0.30, 0.40};  // w[1]..w[8]

    double h1() const { return sigmoid(w[1] * i1 + w[2] * i2 + b1); }
    double h2() const { return sigmoid(w[3] * i1 + w[4] * i2 + b1); }
    double o1() const { return sigmoid(w[5] * h1() + w[6] * h2() + b2); }
    double o2() const { return sigmoid(w[7] * h1() + w[8] * h2() + b2); }
    double loss() const { return 0.5 * (t1 - o1()) * (t1 - o1()) + 0.5 * (t2 - o2()) * (t2 - o2()); }
    double delta_o1() const { return (o1() - t1) * o1() * (1 - o1()); }
    double delta_o2() const { return (o2() - t2) * o2() * (1 - o2()); }

    std::array<double, 9> gradients() const {
        const double dh1 = (delta_o1() * w[5] + delta_o2() * w[7]) * h1() * (1 - h1());
        const double dh2 = (delta_o1() * w[6] + delta_o2() * w[8]) * h2() * (1 - h2());
        return {0, dh1 * i1, dh1 * i2, dh2 * i1, dh2 * i2,
                delta_o1() * h1(), delta_o1() * h2(), delta_o2() * h1(), delta_o2() * h2()};
    }
    // All at once: every gradient is taken before any weight moves.
    void update(double rate) {
        const auto g = gradients();
        for (int k = 1; k <= 8; ++k) w[static_cast<std::size_t>(k)] -= rate * g[static_cast<std::size_t>(k)];
    }
};

std::string w(int k) { return "w" + std::to_string(k); }

}  // namespace

TEST_CASE("Net 222: the forward pass reproduces every printed value", "[lesson][net-222]") {
    const Record& r = defaults();
    CHECK(printed(r, "l_h1", 3) == 0.385);
    CHECK(printed(r, "l_h2", 3) == 0.400);
    CHECK(printed(r, "out_h1", 9) == 0.595078474);
    CHECK(printed(r, "out_h2", 9) == 0.598687660);
    CHECK(printed(r, "l_o1", 10) == 0.8583102995);
    CHECK(printed(r, "l_o2", 10) == 0.9179986062);
    CHECK(printed(r, "out_o1", 9) == 0.702307507);
    CHECK(printed(r, "out_o2", 9) == 0.714634132);
    CHECK(printed(r, "E_o1", 9) == 0.010906536);
    CHECK(printed(r, "E_total", 9) == 0.096867268);
}

TEST_CASE("Net 222: the backward figures the source rounds correctly are reproduced", "[lesson][net-222]") {
    const Record& r = defaults();
    CHECK(printed(r, "dE_total/dout_o1", 9) == -0.147692493);
    CHECK(printed(r, "dE_o1/dout_h1", 9) == -0.007719579);
    CHECK(printed(r, "dE_o2/dout_h1", 9) == 0.025367174);
    CHECK(printed(r, "dE_total/dout_h1", 9) == 0.017647595);
    CHECK(printed(r, "dout_h1/dl_h1", 9) == 0.240960084);
    CHECK(printed(r, "dE_total/dw1", 9) == 0.000425237);
    CHECK(printed(r, "w1+", 9) == 0.049574763);
}

TEST_CASE("Net 222: five printed figures cut the ninth decimal off instead of rounding", "[lesson][net-222]") {
    const Record& r = defaults();
    // E_o2 = 0.0859607319…, ∂out_o1/∂l_o1 = 0.2090716727…, ∂E/∂w5 = −0.0183750215…
    CHECK(printed(r, "E_o2", 9) == 0.085960732);
    CHECK(printed(r, "dout_o1/dl_o1", 9) == 0.209071673);
    CHECK(printed(r, "dE_total/dw5", 9) == -0.018375022);
    CHECK(printed(r, "w5+", 9) == 0.268375022);
    CHECK(printed(r, "dE_o1/dl_o1", 9) == -0.030878317);
    for (const char* key : {"E_o2", "dout_o1/dl_o1", "dE_total/dw5", "w5+", "dE_o1/dl_o1"}) {
        INFO(key);
        const Comparison& c = comparison(r, key);
        CHECK(c.verdict == Comparison::Verdict::last_digit);
        REQUIRE(c.reason);
        CHECK((c.reason->id == "finder.truncated" || c.reason->id == "finder.by_hand_truncating"));
    }
}

TEST_CASE("Net 222: every other published figure matches", "[lesson][net-222]") {
    const Record& r = defaults();
    const std::set<std::string> cut_off = {"E_o2", "dout_o1/dl_o1", "dE_total/dw5", "w5+", "dE_o1/dl_o1"};
    CHECK(r.comparisons.size() == 22);
    for (const auto& c : r.comparisons) {
        INFO(c.key);
        if (!cut_off.count(c.key)) CHECK(c.verdict == Comparison::Verdict::matches);
    }
}

TEST_CASE("Net 222: all eight weights get their gradient and their update", "[lesson][net-222]") {
    const Record& r = defaults();
    Net net;
    const auto g = net.gradients();
    net.update(1);
    for (int k = 1; k <= 8; ++k) {
        INFO(w(k));
        CHECK(value(r, "dE_total/d" + w(k)) == Approx(g[static_cast<std::size_t>(k)]).epsilon(1e-12));
        CHECK(value(r, w(k) + "+") == Approx(net.w[static_cast<std::size_t>(k)]).epsilon(1e-12));
    }
    CHECK(value(r, "b1@2") == 0.35);  // the biases are not trained
}

TEST_CASE("Net 222: the derivatives of E_o1 and E_o2 come from their own backward passes", "[lesson][net-222]") {
    const Record& r = defaults();
    const Net net;
    CHECK(value(r, "dout_o1/dl_o1") == Approx(net.o1() * (1 - net.o1())).epsilon(1e-12));
    CHECK(value(r, "dE_o1/dl_o1") == Approx(net.delta_o1()).epsilon(1e-12));
    CHECK(value(r, "dE_o1/dout_h1") == Approx(net.delta_o1() * net.w[5]).epsilon(1e-12));
    CHECK(value(r, "dE_o2/dout_h1") == Approx(net.delta_o2() * net.w[7]).epsilon(1e-12));
    CHECK(value(r, "dout_h1/dl_h1") == Approx(net.h1() * (1 - net.h1())).epsilon(1e-12));
}

TEST_CASE("Net 222: the new forward pass and the loss over ten rounds follow the same computation", "[lesson][net-222]") {
    const Record& r = defaults();
    const Table* losses = r.find_table("losses");
    REQUIRE(losses);
    REQUIRE(losses->rows.size() == 11);
    Net net;
    for (int k = 1; k <= 11; ++k) {
        INFO("pass " << k);
        CHECK(value(r, "E_total@" + std::to_string(k)) == Approx(net.loss()).epsilon(1e-12));
        CHECK(value(r, "losses/" + std::to_string(k) + "/loss") == Approx(net.loss()).epsilon(1e-12));
        if (k > 1) CHECK(value(r, "losses/" + std::to_string(k) + "/loss") < value(r, "losses/" + std::to_string(k - 1) + "/loss"));
        net.update(1);
    }
    CHECK(value(r, "out_o1@2") > value(r, "out_o1"));  // one update moves out_o1 toward 0.85
}

TEST_CASE("Net 222: round 1 is written out in full, the others are rows of the rounds table", "[lesson][net-222]") {
    const Record& r = defaults();
    CHECK(find_section(r, "round-1"));
    CHECK_FALSE(find_section(r, "round-2"));
    CHECK_FALSE(find_section(r, "final"));
    const Table* rounds = r.find_table("losses");
    REQUIRE(rounds);
    REQUIRE(rounds->columns.size() == 10);  // pass, loss, w1 … w8
    Net net;
    for (int k = 1; k <= 11; ++k) {
        INFO("pass " << k);
        for (int j = 1; j <= 8; ++j)
            CHECK(value(r, "losses/" + std::to_string(k) + "/" + w(j)) ==
                  Approx(net.w[static_cast<std::size_t>(j)]).epsilon(1e-12));
        net.update(1);
    }
    // A round left out is still found by its keys, from that round's own numbers.
    CHECK(value(r, "w5@5") == value(r, "losses/5/w5"));
    CHECK(r.find("dE_total/dw5@5"));
}

TEST_CASE("Net 222: --set w5=0.3 reruns the network from that weight", "[lesson][net-222]") {
    const Record r = run_with("net-222", {{"w5", "0.3"}});
    Net net;
    net.w[5] = 0.3;
    CHECK(value(r, "out_o1") == Approx(net.o1()).epsilon(1e-12));
    CHECK(value(r, "E_total") == Approx(net.loss()).epsilon(1e-12));
    CHECK(value(r, "dE_total/dw1") == Approx(net.gradients()[1]).epsilon(1e-12));
    CHECK(value(r, "dE_o1/dout_h1") == Approx(net.delta_o1() * 0.3).epsilon(1e-12));
    CHECK(r.parameters.at("w5").hand == 0.3);
}

TEST_CASE("Net 222: --set rate=0.5 halves every step", "[lesson][net-222]") {
    const Record r = run_with("net-222", {{"rate", "0.5"}});
    Net net;
    net.update(0.5);
    for (int k = 1; k <= 8; ++k) {
        INFO(w(k));
        CHECK(value(r, w(k) + "+") == Approx(net.w[static_cast<std::size_t>(k)]).epsilon(1e-12));
    }
    net.update(0.5);
    CHECK(value(r, "E_total@3") == Approx(net.loss()).epsilon(1e-12));
}

TEST_CASE("Net 222: --set rounds=3 gives three rounds and a loss table of four passes", "[lesson][net-222]") {
    const Record r = run_with("net-222", {{"rounds", "3"}});
    const Table* losses = r.find_table("losses");
    REQUIRE(losses);
    CHECK(losses->rows.size() == 4);
    // The last section of the run; after it, the note that the published figures are the source's.
    REQUIRE(r.sections.size() >= 2);
    CHECK(r.sections[r.sections.size() - 2].key == "rounds");
    CHECK(r.sections.back().key == "source-settings");
    CHECK(r.find("E_total@4"));
    CHECK_FALSE(r.find("E_total@5"));
    const Plot* plot = nullptr;
    for (const auto& item : section(r, "rounds").items)
        if (const auto* p = std::get_if<Plot>(&item)) plot = p;
    REQUIRE(plot);
    REQUIRE(plot->series.size() == 1);
    CHECK(plot->series[0].kind == Series::Kind::line);
    CHECK(plot->series[0].x == std::vector<double>{1, 2, 3, 4});
    CHECK(plot->series[0].y[3] == value(r, "losses/4/loss"));
}

TEST_CASE("Net 222: a round count that is not a whole number is refused at its option", "[lesson][net-222]") {
    try {
        run_with("net-222", {{"rounds", "2.5"}});
        FAIL("accepted rounds=2.5");
    } catch (const InputError& e) {
        CHECK(std::string(e.what()).find("--set rounds=2.5") != std::string::npos);
    }
}

TEST_CASE("Net 222: the conventions are stated with the givens", "[lesson][net-222]") {
    std::set<std::string> notes;
    for (const auto& item : section(defaults(), "setup").items)
        if (const auto* n = std::get_if<Note>(&item); n && n->kind == Note::Kind::convention) notes.insert(n->message.id);
    CHECK(notes.count("net-222.shared_biases"));
    CHECK(notes.count("net-222.biases_fixed"));
    CHECK(notes.count("net-222.all_at_once"));
}

TEST_CASE("Net 222: the elementary steps open with the graph, values and gradients on its nodes", "[lesson][net-222]") {
    const auto& items = section(defaults(), "backward-steps").items;
    REQUIRE_FALSE(items.empty());
    const auto* d = std::get_if<Diagram>(&items.front());
    REQUIRE(d);
    bool found = false;
    for (const auto& n : d->nodes) {
        if (n.name != "out_h1") continue;
        found = true;
        REQUIRE(n.gradient);
        CHECK(n.gradient->hand == Approx(value(defaults(), "dE_total/dout_h1")).epsilon(1e-12));
        CHECK(n.value.hand == value(defaults(), "out_h1"));
    }
    CHECK(found);
}

TEST_CASE("Net 222: exact arithmetic by default, --decimals on request", "[lesson][net-222]") {
    CHECK_FALSE(defaults().arithmetic.is_hand());
    RunOptions nine;
    nine.arithmetic = Arithmetic::hand(9);
    const Record r = run("net-222", nine);
    CHECK(r.arithmetic.decimals == 9);
    CHECK(value(r, "out_h1") == 0.595078474);
}

TEST_CASE("Net 222: every message the record uses has English and Chinese text", "[lesson][net-222]") {
    check_messages(defaults());
}

TEST_CASE("Net 2-2-2: values are shown at the source's 9 decimals", "[lessons][net-222]") {
    const Record r = nntrace::run_lesson(std::string(NNTRACE_SOURCE_HOME) + "/lessons", "net-222", {});
    CHECK(r.digits == 9);
}
