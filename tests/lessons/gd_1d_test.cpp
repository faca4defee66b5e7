// The lesson gd-1d against its sources' figures (000 §2.4, 001 §1.1–1.2, 004) and against the
// descent written out here.
#include "lesson_test_helpers.hpp"

#include <cmath>

using namespace lesson_test;

namespace {

const Record& defaults() { return lesson_test::defaults("gd-1d"); }

}  // namespace

TEST_CASE("GD 1D: the table from x = 1.2 reproduces the printed x and J", "[lesson][gd-1d]") {
    const double x[] = {0.480000, 0.192000, 0.076800, 0.030720};
    const double j[] = {0.230400, 0.036864, 0.005898, 0.000944};
    for (int k = 0; k < 4; ++k) {
        const std::string row = "descent/" + std::to_string(k + 2) + "/";
        CHECK(printed(defaults(), row + "x", 6) == x[k]);
        CHECK(printed(defaults(), row + "J", 6) == j[k]);
    }
}

TEST_CASE("GD 1D: the stop rule J < 0.01 holds one row before the source's table ends", "[lesson][gd-1d]") {
    const Table* t = defaults().find_table("descent");
    REQUIRE(t);
    CHECK(t->rows.size() == 5);  // the start and four printed points
    const Note* end = note(defaults(), "descent/end");
    REQUIRE(end);
    CHECK(end->message.id == "descent.end.below");
    CHECK(end->message.args.at(2).number->hand == 3);  // the third point after the start
    const Note* past = note(defaults(), "descent/past_stop");
    REQUIRE(past);
    CHECK(past->message.args.at(0).number->hand == 3);
    CHECK(past->message.args.at(1).number->hand == 4);
}

TEST_CASE("GD 1D: unit steps reach 0 in two steps, the raw gradient in one", "[lesson][gd-1d]") {
    CHECK(defaults().find_table("unit")->rows.size() == 3);
    CHECK(value(defaults(), "unit/2/x") == 0.5);
    CHECK(value(defaults(), "unit/3/x") == 0);
    CHECK(defaults().find_table("raw")->rows.size() == 2);
    CHECK(value(defaults(), "raw/2/x") == 0);
}

TEST_CASE("GD 1D: unit steps of 0.5 from 0.4 bounce; steps of 0.1 settle", "[lesson][gd-1d]") {
    const Table* bounce = defaults().find_table("bounce");
    REQUIRE(bounce);
    CHECK(bounce->rows.size() == 8);
    CHECK(note(defaults(), "bounce/end")->message.id == "descent.end.capped");
    CHECK(note(defaults(), "bounce/verdict")->message.id == "descent.verdict.bounces");
    CHECK(value(defaults(), "bounce/8/x") == Approx(-0.1));
    CHECK(defaults().find_table("small-step")->rows.size() == 5);
    CHECK(note(defaults(), "small-step/end")->message.id == "descent.end.below");
}

TEST_CASE("GD 1D: the plane, its gradient at (1, 2) and the bottom of x² + 3x", "[lesson][gd-1d]") {
    CHECK(value(defaults(), "plane/1/dJ_dx") == -10);
    CHECK(value(defaults(), "plane/2/x") == 0);
    CHECK(value(defaults(), "plane/2/y") == 0);
    CHECK(value(defaults(), "plane-gradient/dJ/dx") == 2);
    CHECK(value(defaults(), "plane-gradient/dJ/dy") == 4);
    CHECK(value(defaults(), "parabola/2/x") == -1.5);
    CHECK(value(defaults(), "parabola/2/dJ_dx") == 0);
}

TEST_CASE("GD 1D: every published figure matches", "[lesson][gd-1d]") {
    CHECK(defaults().comparisons.size() == 18);
    for (const auto& c : defaults().comparisons) {
        INFO(c.key);
        CHECK(c.verdict == Comparison::Verdict::matches);
    }
}

TEST_CASE("GD 1D: the plot samples J and marks the visited points", "[lesson][gd-1d]") {
    const Plot* p = item<Plot>(defaults(), "descent/plot");
    REQUIRE(p);
    REQUIRE(p->series.size() == 2);
    CHECK(p->series[0].kind == Series::Kind::line);
    for (std::size_t k = 0; k < p->series[0].x.size(); ++k) CHECK(p->series[0].y[k] == Approx(p->series[0].x[k] * p->series[0].x[k]));
    CHECK(p->series[1].kind == Series::Kind::points);
    CHECK(p->series[1].x.size() == 5);
}

TEST_CASE("GD 1D: --set rate=0.1 descends at the new rate until J < 0.01", "[lesson][gd-1d]") {
    const Record r = run("gd-1d", with_set("rate", "0.1"));
    // x ← x − 0.1·2x = 0.8x from 1.2, until x² < 0.01.
    double x = 1.2;
    int rows = 1;
    while (x * x >= 0.01) x *= 0.8, ++rows;
    const Table* t = r.find_table("descent");
    REQUIRE(t);
    // The source's table is 5 rows long: a shorter run goes on to it, a longer one does not.
    CHECK(static_cast<int>(t->rows.size()) == std::max(rows, 5));
    CHECK(value(r, "descent/" + std::to_string(rows) + "/x") == Approx(x));
    CHECK(note(r, "descent/past_stop") == nullptr);
}

TEST_CASE("GD 1D: every message the record uses has English and Chinese text", "[lesson][gd-1d]") {
    check_messages(defaults());
}
