// The lesson learning-rate: seven rates on J = (x − 1)² + 0.1 from x = −0.8 (000 §2.4, a picture
// only), checked against the descent written out here.
#include "lesson_test_helpers.hpp"

#include <cmath>

using namespace lesson_test;

namespace {

const Record& defaults() { return lesson_test::defaults("learning-rate"); }

// x_k: each step multiplies the distance to 1 by 1 − 2η.
double x_at(double rate, int k) { return 1 + (-0.8 - 1) * std::pow(1 - 2 * rate, k); }

}  // namespace

TEST_CASE("Learning rate: ten points per rate, as the course program plots", "[lesson][learning-rate]") {
    const Table* t = defaults().find_table("rates");
    REQUIRE(t);
    CHECK(t->rows.size() == 10);
    const double rates[] = {1.1, 1.0, 0.8, 0.6, 0.4, 0.2, 0.1};
    for (int i = 0; i < 7; ++i)
        for (int k = 0; k < 10; ++k) {
            INFO("rate " << rates[i] << " point " << k);
            CHECK(value(defaults(), "rates/" + std::to_string(k + 1) + "/x_" + std::to_string(i + 1)) ==
                  Approx(x_at(rates[i], k)));
        }
}

TEST_CASE("Learning rate: each rate gets the course's verdict", "[lesson][learning-rate]") {
    const Table* t = defaults().find_table("rates-verdicts");
    REQUIRE(t);
    REQUIRE(t->rows.size() == 7);
    const char* expected[] = {"descent.verdict.diverges",   "descent.verdict.bounces",   "descent.verdict.oscillates",
                              "descent.verdict.oscillates", "descent.verdict.converges", "descent.verdict.converges",
                              "descent.verdict.too_slow"};
    for (std::size_t i = 0; i < 7; ++i) {
        INFO("run " << i + 1);
        CHECK(t->rows[i].back().words->id == expected[i]);
    }
}

TEST_CASE("Learning rate: a diverging rate shows growing finite numbers, never a fault", "[lesson][learning-rate]") {
    const Record r = run("learning-rate", with_set("eta1", "3"));
    for (int k = 0; k < 10; ++k) {
        const double x = value(r, "rates/" + std::to_string(k + 1) + "/x_1");
        CHECK(std::isfinite(x));
        CHECK(x == Approx(x_at(3, k)));
    }
    CHECK(r.find_table("rates-verdicts")->rows[0].back().words->id == "descent.verdict.diverges");
}

TEST_CASE("Learning rate: one plot with a line per rate, and the bottom", "[lesson][learning-rate]") {
    const Plot* p = item<Plot>(defaults(), "rates/plot");
    REQUIRE(p);
    REQUIRE(p->series.size() == 8);
    for (std::size_t i = 0; i < 7; ++i) CHECK(p->series[i].x.size() == 10);
    CHECK(p->series[7].y == std::vector<double>{1, 1});  // x = 1, two ends
    CHECK(item<Plot>(defaults(), "valley/plot"));
}

TEST_CASE("Learning rate: the source publishes no figures", "[lesson][learning-rate]") {
    CHECK(defaults().comparisons.empty());
}

TEST_CASE("Learning rate: --set max_points=4 shortens every run", "[lesson][learning-rate]") {
    const Record r = run("learning-rate", with_set("max_points", "4"));
    CHECK(r.find_table("rates")->rows.size() == 4);
    CHECK(value(r, "rates/4/x_5") == Approx(x_at(0.4, 3)));
}

TEST_CASE("Learning rate: every message the record uses has English and Chinese text", "[lesson][learning-rate]") {
    check_messages(defaults());
}
