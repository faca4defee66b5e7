// The lesson one-bean against its source (003): the loss parabola of one bean, its bottom,
// descent beside the Widrow–Hoff rule (the source's "Rosenblatt's rule"), and a sigmoid neuron's gradients, all written out here.
#include "lesson_test_helpers.hpp"

#include <cmath>

using namespace lesson_test;

namespace {

const Record& defaults() { return lesson_test::defaults("one-bean"); }

double sigmoid(double z) { return 1 / (1 + std::exp(-z)); }

}  // namespace

TEST_CASE("One bean: e(w) multiplied out is 0.16w² − 0.544w + 0.4624", "[lesson][one-bean]") {
    CHECK(printed(defaults(), "expanded/w2", 2) == 0.16);
    CHECK(printed(defaults(), "expanded/w1", 3) == -0.544);
    CHECK(printed(defaults(), "expanded/w0", 4) == 0.4624);
    using V = Comparison::Verdict;
    check_verdicts(defaults(), {{"expanded/w2", V::matches}, {"expanded/w1", V::matches}, {"expanded/w0", V::matches}});
}

TEST_CASE("One bean: the bottom is w = y/x = 1.7, and descent walks there", "[lesson][one-bean]") {
    CHECK(value(defaults(), "bottom/w_bottom") == Approx(1.7));
    const Table* t = defaults().find_table("walk");
    REQUIRE(t);
    const std::string last = "walk/" + std::to_string(t->rows.size()) + "/";
    CHECK(value(defaults(), last + "w") == Approx(1.7).margin(1e-5));
    CHECK(note(defaults(), "walk/end")->message.id == "descent.end.flat");
}

TEST_CASE("One bean: the parabola is sampled from e(w) = (0.68 − 0.4w)²", "[lesson][one-bean]") {
    const Plot* p = item<Plot>(defaults(), "parabola/plot");
    REQUIRE(p);
    const Series& s = p->series.at(0);
    for (std::size_t k = 0; k < s.x.size(); ++k) CHECK(s.y[k] == Approx(std::pow(0.68 - 0.4 * s.x[k], 2)));
}

TEST_CASE("One bean: gradient steps and the Widrow–Hoff rule agree when α = 2η", "[lesson][one-bean]") {
    double w = 0;
    for (int k = 1; k <= 6; ++k) {
        const std::string row = "rosenblatt/" + std::to_string(k) + "/";
        CHECK(value(defaults(), row + "w_1") == Approx(w));
        CHECK(value(defaults(), row + "w_2") == Approx(w));
        w += 1.0 * (0.68 - w * 0.4) * 0.4;  // Widrow–Hoff: w ← w + α(y − wx)x
    }
    CHECK(note(defaults(), "rosenblatt/same")->message.id == "descent.runs_same");
}

TEST_CASE("One bean: --set alpha=0.7 makes the Widrow–Hoff sequence part from the gradient's", "[lesson][one-bean]") {
    const Record r = run("one-bean", with_set("alpha", "0.7"));
    CHECK(value(r, "rosenblatt/2/w_2") == Approx(0.7 * 0.68 * 0.4));
    CHECK(value(r, "rosenblatt/2/w_1") == Approx(0.5 * 2 * 0.68 * 0.4));
    const Note* n = note(r, "rosenblatt/same");
    REQUIRE(n);
    CHECK(n->message.id == "descent.runs_part");
    CHECK(n->message.args.at(0).number->hand == 1);
}

TEST_CASE("One bean: the engine's sigmoid gradients equal the source's formulas", "[lesson][one-bean]") {
    const double x = 0.4, y = 0.68, w = 1, b = 0;
    const double a = sigmoid(w * x + b);
    CHECK(value(defaults(), "neuron/de/dw") == Approx(-2 * (y - a) * a * (1 - a) * x));
    CHECK(value(defaults(), "neuron/de/db") == Approx(-2 * (y - a) * a * (1 - a)));
    CHECK(value(defaults(), "formulas/de_dw") == Approx(value(defaults(), "neuron/de/dw")));
    CHECK(item<Diagram>(defaults(), "neuron/diagram"));
}

TEST_CASE("One bean: --set w=3 starts the descent from w = 3", "[lesson][one-bean]") {
    const Record r = run("one-bean", with_set("w", "3"));
    // de/dw = −2x(y − wx) = −0.8(0.68 − 1.2) = 0.416; the walk's rate is 2.
    CHECK(value(r, "walk/1/de_dw") == Approx(0.416));
    CHECK(value(r, "walk/2/w") == Approx(3 - 2 * 0.416));
}

TEST_CASE("One bean: every message the record uses has English and Chinese text", "[lesson][one-bean]") {
    check_messages(defaults());
}
