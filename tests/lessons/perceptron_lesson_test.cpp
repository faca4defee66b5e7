// The lesson perceptron against the lecture's printed updates (004, 例题) and against the
// usual visiting orders written out here as plain loops.
#include "lesson_test_helpers.hpp"

using namespace lesson_test;

namespace {

const Record& defaults() { return lesson_test::defaults("perceptron"); }

struct Line {
    double w1 = 0, w2 = 0, b = 0;
    int checks = 0;
};

// The three points swept in turn from w = 0, b = 0, η = 1 until a whole sweep is clean.
Line cyclic_by_hand() {
    const double x[3][2] = {{2, 3}, {2, 1}, {1, 0}};
    const int y[3] = {1, -1, -1};
    Line l;
    for (int i = 0, clean = 0; clean < 3; i = (i + 1) % 3) {
        ++l.checks;
        if (y[i] * (l.w1 * x[i][0] + l.w2 * x[i][1] + l.b) <= 0) {
            l.w1 += y[i] * x[i][0];
            l.w2 += y[i] * x[i][1];
            l.b += y[i];
            clean = 0;
        } else {
            ++clean;
        }
    }
    return l;
}

}  // namespace

TEST_CASE("Perceptron lesson: the lecture's order reproduces the six printed updates", "[lesson][perceptron]") {
    // w⁽ᵏ⁾ and b⁽ᵏ⁾ as the slides print them.
    const double printed[6][3] = {{2, 3, 1}, {0, 2, 0}, {-2, 1, -1}, {0, 4, 0}, {-1, 4, -1}, {-3, 3, -2}};
    for (int k = 1; k <= 6; ++k) {
        const std::string key = "train/update/" + std::to_string(k) + "/";
        INFO(key);
        CHECK(value(defaults(), key + "w1") == printed[k - 1][0]);
        CHECK(value(defaults(), key + "w2") == printed[k - 1][1]);
        CHECK(value(defaults(), key + "b") == printed[k - 1][2]);
    }
    CHECK_FALSE(defaults().find("train/update/7/w1"));
}

TEST_CASE("Perceptron lesson: the final model is sign(−3x₁ + 3x₂ − 2) and it separates", "[lesson][perceptron]") {
    CHECK(value(defaults(), "train/final/w1") == -3);
    CHECK(value(defaults(), "train/final/w2") == 3);
    CHECK(value(defaults(), "train/final/b") == -2);
    CHECK(value(defaults(), "train/final/f/x1") == 1);
    CHECK(value(defaults(), "train/final/f/x2") == -1);
    CHECK(value(defaults(), "train/final/f/x3") == -1);
}

TEST_CASE("Perceptron lesson: the check table has one row per check of the lecture", "[lesson][perceptron]") {
    const Table* t = defaults().find_table("train-checks");
    REQUIRE(t);
    CHECK(t->rows.size() == 13);
    // Check 8: x3 at w = (0, 4), b = 0 lies on the line: y·(wᵀx + b) = 0 counts as wrong.
    CHECK(value(defaults(), "train-checks/8/margin") == 0);
    CHECK(value(defaults(), "train-checks/8/w1") == -1);
}

TEST_CASE("Perceptron lesson: every published figure matches", "[lesson][perceptron]") {
    CHECK(defaults().comparisons.size() == 21);
    for (const auto& c : defaults().comparisons) {
        INFO(c.key);
        CHECK(c.verdict == Comparison::Verdict::matches);
    }
}

TEST_CASE("Perceptron lesson: --set order=cyclic matches a sweep written out by hand", "[lesson][perceptron]") {
    const Record r = run("perceptron", with_set("order", "cyclic"));
    const Line expected = cyclic_by_hand();
    const Table* t = r.find_table("train-checks");
    REQUIRE(t);
    CHECK(static_cast<int>(t->rows.size()) == expected.checks);
    CHECK(value(r, "train/final/w1") == expected.w1);
    CHECK(value(r, "train/final/w2") == expected.w2);
    CHECK(value(r, "train/final/b") == expected.b);
    CHECK(r.settings.at("order") == "cyclic");
}

TEST_CASE("Perceptron lesson: the three orders end with three different separating lines", "[lesson][perceptron]") {
    std::set<std::vector<double>> lines;
    for (const std::string order : {"lecture", "cyclic", "restart"}) {
        const Record r = run("perceptron", with_set("order", order));
        INFO(order);
        lines.insert({value(r, "train/final/w1"), value(r, "train/final/w2"), value(r, "train/final/b")});
        for (const auto& s : r.sections)
            for (const auto& item : s.items)
                if (const auto* n = std::get_if<Note>(&item); n && n->key == "train/final/verdict")
                    CHECK(n->message.id == "perceptron.separates");
    }
    CHECK(lines.size() == 3);
}

TEST_CASE("Perceptron lesson: under another order the printed updates are still judged at the source's order", "[lesson][perceptron]") {
    const Record r = run("perceptron", with_set("order", "restart"));
    const Record source = run("perceptron");
    REQUIRE(r.comparisons.size() == source.comparisons.size());
    for (std::size_t i = 0; i < r.comparisons.size(); ++i) CHECK(r.comparisons[i].verdict == source.comparisons[i].verdict);
}

TEST_CASE("Perceptron lesson: a bad order or cap is refused at the --set option", "[lesson][perceptron]") {
    CHECK_THROWS_AS(run("perceptron", with_set("order", "random")), InputError);
    CHECK_THROWS_AS(run("perceptron", with_set("max_checks", "0")), InputError);
    CHECK_THROWS_AS(run("perceptron", with_set("eta", "0")), InputError);
}

TEST_CASE("Perceptron lesson: the plot has both classes and one line per update", "[lesson][perceptron]") {
    const Plot* plot = nullptr;
    for (const auto& s : defaults().sections)
        for (const auto& item : s.items)
            if (const auto* p = std::get_if<Plot>(&item)) plot = p;
    REQUIRE(plot);
    REQUIRE(plot->series.size() == 2 + 6);
    CHECK(plot->series[0].x.size() == 1);
    CHECK(plot->series[1].x.size() == 2);
    // The last line, −3x₁ + 3x₂ − 2 = 0: both endpoints on it.
    const Series& last = plot->series.back();
    REQUIRE(last.x.size() == 2);
    for (std::size_t i = 0; i < 2; ++i) CHECK(-3 * last.x[i] + 3 * last.y[i] - 2 == Approx(0).margin(1e-12));
}

TEST_CASE("Perceptron lesson: every message the record uses has English and Chinese text", "[lesson][perceptron]") {
    for (const Record& r : {defaults(), run("perceptron", with_set("max_checks", "2"))}) check_messages(r);
}

TEST_CASE("Perceptron lesson: a point's coordinates are x⁽¹⁾, x⁽²⁾, never x₁, x₂ beside the points x1, x2", "[lesson][perceptron]") {
    int coordinates = 0;
    for (const Section& s : defaults().sections)
        for (const Item& item : s.items)
            if (const auto* step = std::get_if<Step>(&item))
                for (const Piece& p : step->formula) {
                    INFO(step->key << ": " << p.text);
                    CHECK(p.text.find("₁") == std::string::npos);
                    CHECK(p.text.find("₂") == std::string::npos);
                    coordinates += p.text == "x⁽¹⁾" || p.text == "x⁽²⁾";
                }
    CHECK(coordinates > 0);
}
