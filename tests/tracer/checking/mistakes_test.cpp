// Each mistake of the table, named for a wrong answer computed here in plain doubles, the way
// the student would have computed it: never by the engine's own variant.
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace nntrace;
using nntrace::test::judge_one;
using nntrace::test::names;
using nntrace::test::sigmoid;
using nntrace::test::written;

namespace {

// One sigmoid neuron, exact arithmetic: z = w·x + b, o = σ(z), L = ½(t − o)², trained on w.
const char* neuron = R"toml(
[inputs]
x = 0.5
t = 1
[params]
w = 0.8
b = 0.2
[nodes]
z = "w*x + b"
o = "sigmoid(z)"
L = "0.5*(t - o)^2"
[loss]
node = "L"
wrt = ["w"]
[train]
rate = 0.5
)toml";

constexpr double x = 0.5, t = 1, w = 0.8, b = 0.2, rate = 0.5;

// ∂L/∂w = −(t − o)·o(1 − o)·x at z = w·x + b.
double dL_dw(double bias) {
    const double o = sigmoid(w * x + bias);
    return -(t - o) * o * (1 - o) * x;
}

// Three sigmoid outputs added up: E = E1 + E2 + E3, each ½(t − o)².
const char* three_outputs = R"toml(
[inputs]
x = 0.5
t1 = 1
t2 = 0
t3 = 1
[params]
w1 = 0.8
w2 = -0.3
w3 = 0.1
[nodes]
o1 = "sigmoid(w1*x)"
o2 = "sigmoid(w2*x)"
o3 = "sigmoid(w3*x)"
E1 = "0.5*(t1 - o1)^2"
E2 = "0.5*(t2 - o2)^2"
E3 = "0.5*(t3 - o3)^2"
E = "E1 + E2 + E3"
[loss]
node = "E"
)toml";

double dE_dw1() {
    const double o1 = sigmoid(0.8 * x);
    return -(1 - o1) * o1 * (1 - o1) * x;
}

}  // namespace

TEST_CASE("Mistakes: the sign of (t - o) flipped", "[check][mistakes]") {
    CHECK(names(judge_one(neuron, "dL/dw", written(-dL_dw(b), 6)), "sign_flipped"));
}

TEST_CASE("Mistakes: sigma' taken at the pre-activation", "[check][mistakes]") {
    const double z = w * x + b, o = sigmoid(z);
    const double slipped = -(t - o) * z * (1 - z) * x;
    CHECK(names(judge_one(neuron, "dL/dw", written(slipped, 6)), "sigmoid_slope_at_preactivation"));
}

TEST_CASE("Mistakes: the loss without its half", "[check][mistakes]") {
    CHECK(names(judge_one(neuron, "dL/dw", written(2 * dL_dw(b), 6)), "loss_without_half"));
}

TEST_CASE("Mistakes: a bias forgotten", "[check][mistakes]") {
    CHECK(names(judge_one(neuron, "dL/dw", written(dL_dw(0), 6)), "bias_forgotten b"));
    CHECK(names(judge_one(neuron, "o", written(sigmoid(w * x), 6)), "bias_forgotten b"));
}

TEST_CASE("Mistakes: the learning rate left out", "[check][mistakes]") {
    CHECK(names(judge_one(neuron, "w+", written(w - dL_dw(b), 6)), "rate_left_out"));
}

TEST_CASE("Mistakes: a bias updated that should not be", "[check][mistakes]") {
    const double o = sigmoid(w * x + b);
    const double w2 = w - rate * dL_dw(b);
    const double b2 = b - rate * (-(t - o) * o * (1 - o));
    const double o2 = sigmoid(w2 * x + b2);
    const double L2 = 0.5 * (t - o2) * (t - o2);
    CHECK(names(judge_one(neuron, "L@2", written(L2, 6)), "bias_updated b"));
}

TEST_CASE("Mistakes: the loss divided by n", "[check][mistakes]") {
    CHECK(names(judge_one(three_outputs, "dE/dw1", written(dE_dw1() / 3, 6)), "loss_mean 3"));
}

TEST_CASE("Mistakes: the loss as a mean squared error, 1/n without the half", "[check][mistakes]") {
    CHECK(names(judge_one(three_outputs, "dE/dw1", written(2 * dE_dw1() / 3, 6)), "loss_mean_without_half 3"));
}

TEST_CASE("Mistakes: an earlier layer differentiated with the updated weights", "[check][mistakes]") {
    const char* two_layers = R"toml(
[inputs]
x = 0.5
t = 1
[params]
w1 = 0.8
w2 = -0.6
[nodes]
h = "sigmoid(w1*x)"
o = "sigmoid(w2*h)"
L = "0.5*(t - o)^2"
[loss]
node = "L"
[train]
rate = 0.5
)toml";
    const double h = sigmoid(0.8 * x), o = sigmoid(-0.6 * h);
    const double delta = -(t - o) * o * (1 - o);
    const double w2_new = -0.6 - 0.5 * delta * h;
    const double student = delta * w2_new * h * (1 - h) * x;
    CHECK(names(judge_one(two_layers, "dL/dw1", written(student, 6)), "updated_weights"));
    CHECK(names(judge_one(two_layers, "w1+", written(0.8 - 0.5 * student, 6)), "updated_weights"));
}

TEST_CASE("Mistakes: rounding only at the end of a hand calculation", "[check][mistakes]") {
    // x·x·x·x by hand at 2 decimals: 1.15² = 1.3225 → 1.32, 1.32² = 1.7424 → 1.74; exact 1.749006…
    const char* hand = "decimals = 2\n[inputs]\nx = 1.15\n[nodes]\ny = \"x*x\"\nz = \"y*y\"\n";
    const double exact = 1.15 * 1.15 * 1.15 * 1.15;
    const Judgement j = judge_one(hand, "z", written(exact, 3));  // 1.749, three decimals: wrong
    CHECK(j.verdict == Verdict::wrong);
    CHECK(names(j, "round_at_end"));
}

TEST_CASE("Mistakes: rounding every step of an exact problem", "[check][mistakes]") {
    const char* exact = "[inputs]\nx = 1.15\n[nodes]\ny = \"x*x\"\nz = \"y*y\"\nu = \"z*z\"\n";
    auto r2 = [](double v) { return std::round(v * 100) / 100; };
    const double by_hand = r2(r2(r2(1.15 * 1.15) * r2(1.15 * 1.15)) * r2(r2(1.15 * 1.15) * r2(1.15 * 1.15)));
    const Judgement j = judge_one(exact, "u", written(by_hand, 2));  // 3.03 against 3.06
    CHECK(j.verdict == Verdict::wrong);
    CHECK(names(j, "round_each_step 2"));
}

TEST_CASE("Mistakes: truncating instead of rounding half up", "[check][mistakes]") {
    const char* hand = "decimals = 3\n[inputs]\nx = 0.85\n[nodes]\ny = \"x*x\"\nz = \"y*y\"\n";
    auto cut = [](double v) { return std::floor(v * 1000 + 1e-9) / 1000; };
    const double truncated = cut(cut(0.85 * 0.85) * cut(0.85 * 0.85));  // 0.722² = 0.521284 → 0.521
    const Judgement j = judge_one(hand, "z", written(truncated, 3));   // against 0.523
    CHECK(j.verdict == Verdict::wrong);
    CHECK(names(j, "truncated 3"));
}

TEST_CASE("Mistakes: a wrong answer no mistake gives names none", "[check][mistakes]") {
    // (0.5 would be x's value: a label swap.)
    const Judgement j = judge_one(neuron, "dL/dw", "0.777777");
    CHECK(j.causes.empty());
    REQUIRE(j.reason);
    CHECK(j.reason->id.rfind("finder.none", 0) == 0);  // says what was tried instead
}
