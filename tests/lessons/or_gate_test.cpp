// The lesson or-gate: the OR neuron of the lecture (004) and the perceptron rule on XOR.
#include "lesson_test_helpers.hpp"

#include <cmath>

using namespace lesson_test;

namespace {

const Record& defaults() { return lesson_test::defaults("or-gate"); }

double sigma(double z) { return 1 / (1 + std::exp(-z)); }

}  // namespace

TEST_CASE("OR gate: σ(−10 + 20x₁ + 20x₂) on the four inputs", "[lesson][or-gate]") {
    const double inputs[4][2] = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
    const Table* t = defaults().find_table("or");
    REQUIRE(t);
    REQUIRE(t->rows.size() == 4);
    for (int r = 1; r <= 4; ++r) {
        const double z = -10 + 20 * inputs[r - 1][0] + 20 * inputs[r - 1][1];
        const std::string row = "or/" + std::to_string(r) + "/";
        CHECK(value(defaults(), row + "z") == z);
        CHECK(value(defaults(), row + "a") == Approx(sigma(z)).epsilon(1e-12));
        CHECK(value(defaults(), "or/row" + std::to_string(r) + "/a") == value(defaults(), row + "a"));
    }
}

TEST_CASE("OR gate: the printed ≈ 0, ≈ 1, ≈ 1, ≈ 1 all match", "[lesson][or-gate]") {
    CHECK(defaults().comparisons.size() == 4);
    for (const auto& c : defaults().comparisons) {
        INFO(c.key);
        CHECK(c.verdict == Comparison::Verdict::matches);
    }
}

TEST_CASE("OR gate: the plot shows the line z = 0 between (0, 0) and the rest", "[lesson][or-gate]") {
    const Plot* plot = nullptr;
    for (const auto& s : defaults().sections)
        for (const auto& item : s.items)
            if (const auto* p = std::get_if<Plot>(&item); p && p->key == "or-plot") plot = p;
    REQUIRE(plot);
    REQUIRE(plot->series.size() == 3);
    CHECK(plot->series[0].x.size() == 3);  // z > 0
    CHECK(plot->series[1].x.size() == 1);  // z ≤ 0: (0, 0)
    const Series& line = plot->series[2];
    REQUIRE(line.x.size() == 2);
    for (std::size_t i = 0; i < 2; ++i) CHECK(-10 + 20 * line.x[i] + 20 * line.y[i] == Approx(0).margin(1e-9));
}

TEST_CASE("OR gate: the perceptron rule on XOR falls into a cycle and does not separate", "[lesson][or-gate]") {
    const Note* end = note(defaults(), "xor/end");
    REQUIRE(end);
    CHECK(end->message.id == "perceptron.end.cycle");
    // Swept in turn from 0: b = −1; w2 = 1, b = 0; w1 = 1, b = 1; all back to 0; then b = −1
    // again before (0, 1): check 5 repeats the state after check 1.
    REQUIRE(end->message.args.size() == 4);
    CHECK(end->message.args[0].number->hand == 5);
    CHECK(end->message.args[1].number->hand == 1);
    const Table* t = defaults().find_table("xor-checks");
    REQUIRE(t);
    CHECK(t->rows.size() == 5);
    CHECK(note(defaults(), "xor/final/verdict")->message.id == "perceptron.does_not_separate");
    CHECK(note(defaults(), "xor/note/xor_theorem"));
}

TEST_CASE("OR gate: restarting after each update also loops on XOR", "[lesson][or-gate]") {
    RunOptions options;
    options.sets = {{"order", "restart"}};
    const Record r = run("or-gate", options);
    CHECK(note(r, "xor/end")->message.id == "perceptron.end.cycle");
    CHECK(note(r, "xor/final/verdict")->message.id == "perceptron.does_not_separate");
}

TEST_CASE("OR gate: --set b=-30 turns the neuron into AND", "[lesson][or-gate]") {
    RunOptions options;
    options.sets = {{"b", "-30"}};
    const Record r = run("or-gate", options);
    CHECK(value(r, "or/2/a") < 0.01);
    CHECK(value(r, "or/4/a") == Approx(sigma(10)));
    // The published figures are the source's (b = -10): judged against its run, they still match.
    for (const auto& c : r.comparisons) CHECK(c.verdict == Comparison::Verdict::matches);
}
