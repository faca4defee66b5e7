// The lesson gd-2d against the table of its source (000 §2.4) and the descent written out here.
#include "lesson_test_helpers.hpp"

#include <cmath>

using namespace lesson_test;

namespace {

const Record& defaults() { return lesson_test::defaults("gd-2d"); }

struct Point {
    double x, y, j;
};

// x ← x − η·2x, y ← y − η·2 sin y cos y, until J < 0.01; the start is row 1.
std::vector<Point> written_out(double rate) {
    std::vector<Point> rows;
    double x = 3, y = 1;
    for (;;) {
        const double j = x * x + std::sin(y) * std::sin(y);
        rows.push_back({x, y, j});
        if (j < 0.01 || rows.size() >= 100) return rows;
        const double gx = 2 * x, gy = 2 * std::sin(y) * std::cos(y);
        x -= rate * gx;
        y -= rate * gy;
    }
}

}  // namespace

TEST_CASE("GD 2D: the first two rows are the printed ones", "[lesson][gd-2d]") {
    CHECK(value(defaults(), "descent/1/x") == 3);
    CHECK(value(defaults(), "descent/1/y") == 1);
    CHECK(printed(defaults(), "descent/1/J", 6) == 9.708073);
    CHECK(printed(defaults(), "descent/2/x", 6) == 2.4);
    CHECK(printed(defaults(), "descent/2/y", 6) == 0.909070);
    CHECK(printed(defaults(), "descent/2/J", 6) == 6.382415);
}

TEST_CASE("GD 2D: the stop rule ends the table at row 17", "[lesson][gd-2d]") {
    const Table* t = defaults().find_table("descent");
    REQUIRE(t);
    CHECK(t->rows.size() == 17);
    CHECK(note(defaults(), "descent/end")->message.id == "descent.end.below");
}

TEST_CASE("GD 2D: the rows printed as 15 and 16 are the engine's rows 16 and 17", "[lesson][gd-2d]") {
    CHECK(printed(defaults(), "descent/16/x", 6) == 0.105553);
    CHECK(printed(defaults(), "descent/16/y", 6) == 0.063481);
    CHECK(printed(defaults(), "descent/16/J", 6) == 0.015166);
    CHECK(printed(defaults(), "descent/17/x", 6) == 0.084442);
    CHECK(printed(defaults(), "descent/17/y", 6) == 0.050819);
    CHECK(printed(defaults(), "descent/17/J", 6) == 0.009711);
}

TEST_CASE("GD 2D: the published figures: the first rows match, the renumbered last rows match another row", "[lesson][gd-2d]") {
    using V = Comparison::Verdict;
    std::map<std::string, V> expected;
    for (const char* col : {"x", "y", "J"}) {
        expected[std::string("descent/1/") + col] = V::matches;
        expected[std::string("descent/2/") + col] = V::matches;
        expected[std::string("descent/15/") + col] = V::another_row;
        expected[std::string("descent/16/") + col] = V::another_row;
    }
    check_verdicts(defaults(), expected);
    for (const char* col : {"x", "y", "J"})
        for (int printed_as : {15, 16}) {
            const Comparison& c = comparison(defaults(), "descent/" + std::to_string(printed_as) + "/" + col);
            REQUIRE(c.reason);
            CHECK(c.reason->id == "finder.another_row");
            CHECK(c.reason->args.at(0).text == "descent/" + std::to_string(printed_as + 1) + "/" + col);
        }
}

TEST_CASE("GD 2D: each row carries the gradient 2x, 2 sin y cos y", "[lesson][gd-2d]") {
    const auto rows = written_out(0.1);
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const std::string row = "descent/" + std::to_string(r + 1) + "/";
        CHECK(value(defaults(), row + "dJ_dx") == Approx(2 * rows[r].x));
        CHECK(value(defaults(), row + "dJ_dy") == Approx(std::sin(2 * rows[r].y)));
    }
}

TEST_CASE("GD 2D: the contour plot has a full grid and the path", "[lesson][gd-2d]") {
    const Plot* p = item<Plot>(defaults(), "descent/plot");
    REQUIRE(p);
    REQUIRE(p->series.size() == 2);
    CHECK(p->series[0].kind == Series::Kind::grid);
    CHECK(p->series[0].z.size() == p->series[0].x.size() * p->series[0].y.size());
    CHECK(p->series[1].kind == Series::Kind::path);
    CHECK(p->series[1].x.size() == 17);
}

TEST_CASE("GD 2D: --set rate=0.3 runs the written-out descent at that rate", "[lesson][gd-2d]") {
    const Record r = run("gd-2d", with_set("rate", "0.3"));
    const auto rows = written_out(0.3);
    // The stop rule holds at row 6; the table still goes on to the source's row 16, marked.
    REQUIRE(rows.size() == 6);
    CHECK(note(r, "descent/end")->message.args.at(2).number->hand == 6);
    CHECK(note(r, "descent/past_stop")->message.args.at(1).number->hand == 16);
    const std::string last = "descent/" + std::to_string(rows.size()) + "/";
    CHECK(value(r, last + "x") == Approx(rows.back().x));
    CHECK(value(r, last + "y") == Approx(rows.back().y));
    CHECK(value(r, last + "J") == Approx(rows.back().j));
}

TEST_CASE("GD 2D: every message the record uses has English and Chinese text", "[lesson][gd-2d]") {
    check_messages(defaults());
}
