// The mistake finder on fabricated figures: each explanation is found when it gives the written
// value, and not claimed when it does not. Every expected figure is computed here, independently.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>

#include <catch2/catch.hpp>

#include "support.hpp"
#include "core/compare.hpp"
#include "core/finder.hpp"
#include "render/messages.hpp"

using namespace nntrace;
using nntrace::test::written;

namespace {

double round_at(double v, int d) { return std::round(v * std::pow(10.0, d)) / std::pow(10.0, d); }
double cut_at(double v, int d) { return std::trunc(v * std::pow(10.0, d)) / std::pow(10.0, d); }

// A figure written as `text` for a quantity whose exact value is `exact` and whose run value
// (by hand) is `hand`.
Question question(const std::string& text, double exact, double hand) {
    Question q;
    q.key = "q";
    q.name = "q";
    q.written = *read_printed(text);
    q.computed = Num{exact, hand};
    return q;
}
Question question(const std::string& text, double exact) { return question(text, exact, exact); }

bool finds(const Question& q, const std::string& id) {
    const Finding f = find_explanations(q);
    return std::any_of(f.reproducing.begin(), f.reproducing.end(), [&](const Explanation& e) { return e.id == id; });
}

Step product_step(Num x, Num y) {
    return Step{"z", "z", {Piece{"x", x}, Piece{"·", std::nullopt}, Piece{"y", y}}, Num{0, 0}, std::nullopt};
}

}  // namespace

TEST_CASE("Finder: cutting off instead of rounding", "[finder]") {
    const double exact = -0.409735105;
    CHECK(finds(question(written(cut_at(exact, 3), 3), exact, round_at(exact, 3)), "cut_off 3"));
    CHECK_FALSE(finds(question(written(cut_at(exact, 3) - 0.002, 3), exact, round_at(exact, 3)), "cut_off 3"));
}

TEST_CASE("Finder: rounding twice, first at more decimals", "[finder]") {
    const double exact = 2.3449;  // 2.345 at 3 decimals, then 2.35; rounded once: 2.34
    CHECK(finds(question(written(round_at(round_at(exact, 3), 2), 2), exact), "rounded_twice 3"));
    CHECK_FALSE(finds(question("2.36", exact), "rounded_twice 3"));
}

TEST_CASE("Finder: rounded at fewer decimals than written", "[finder]") {
    const double exact = 0.4097;
    CHECK(finds(question(written(round_at(exact, 2), 4), exact), "rounded_fewer 2"));
    CHECK_FALSE(finds(question("0.4200", exact), "rounded_fewer 2"));
}

TEST_CASE("Finder: rounding only at the end of a hand calculation", "[finder]") {
    const double exact = 149.99999, hand = 149.9994;
    CHECK(finds(question(written(round_at(exact, 4), 4), exact, hand), "rounded_at_end"));
    CHECK_FALSE(finds(question("149.9990", exact, hand), "rounded_at_end"));
}

TEST_CASE("Finder: one step from its inputs' exact values, each rounded", "[finder]") {
    const Num x{50.0 / 3, 16.6666}, y{9, 9};
    Question q = question("150.0003", x.exact * y.exact, round_at(x.hand * y.hand, 4));
    q.step = formula_with_placeholders(product_step(x, y));
    REQUIRE(q.step);
    REQUIRE(q.written.value == round_at(round_at(x.exact, 4) * y.exact, 4));
    CHECK(finds(q, "rounded_inputs 4"));
    q.written = *read_printed("150.0005");
    CHECK_FALSE(finds(q, "rounded_inputs 4"));
}

TEST_CASE("Finder: a step continued from the writer's own earlier figures", "[finder]") {
    const Num w{3, 3}, dw{2.0 / 3, 0.6667};
    const Step step{"w", "w", {Piece{"w", w}, Piece{" − ", std::nullopt}, Piece{"Δw", dw}}, Num{0, 0}, std::nullopt};
    Question q = question(written(3 - 0.66, 4), 3 - dw.exact, 3 - dw.hand);
    q.step = formula_with_placeholders(step);
    REQUIRE(q.step);
    q.step->inputs[1].written = 0.66;  // the writer's Δw, earlier
    CHECK(finds(q, "own_figures"));
    q.written = *read_printed("2.3500");
    CHECK_FALSE(finds(q, "own_figures"));
}

TEST_CASE("Finder: the same quantity at a neighbouring row", "[finder]") {
    const std::map<std::string, Num> rows{{"t/15/x", Num::both(0.131941)}, {"t/16/x", Num::both(0.105553)},
                                          {"t/17/x", Num::both(0.084442)}};
    Question q = question(written(rows.at("t/16/x").hand, 6), rows.at("t/15/x").exact);
    q.key = "t/15/x";
    q.find = [&](const std::string& k) -> std::optional<Num> {
        auto i = rows.find(k);
        return i == rows.end() ? std::nullopt : std::optional<Num>(i->second);
    };
    const Finding f = find_explanations(q);
    REQUIRE(f.explained());
    CHECK(f.reproducing.front().family == Explanation::Family::numbering);
    CHECK(f.reproducing.front().other_key == "t/16/x");
    q.written = *read_printed("0.100000");
    CHECK_FALSE(finds(q, "another t/16/x"));
}

TEST_CASE("Finder: the value of another quantity (a label swap)", "[finder]") {
    Question q = question(written(80.0 / 21, 4), 7.0 / 3);
    q.others = {{"w", Num::both(7.0 / 3)}, {"b", Num::both(80.0 / 21)}};
    CHECK(finds(q, "quantity b"));
    q.written = *read_printed("3.9000");
    CHECK_FALSE(finds(q, "quantity b"));
}

TEST_CASE("Finder: a one-digit typo and two adjacent digits swapped", "[finder]") {
    CHECK(finds(question("9.665", 9.655), "typo"));
    CHECK_FALSE(finds(question("9.766", 9.655), "typo"));
    CHECK(finds(question("0.348", 0.384), "swap"));
    CHECK_FALSE(finds(question("0.483", 0.384), "swap"));
    CHECK_FALSE(finds(question("0.385", 0.384), "typo"));  // the last digit is the roundings' to explain
}

TEST_CASE("Finder: a sign, a factor 2 or ½, a rate", "[finder]") {
    const double c = 0.25;
    CHECK(finds(question(written(-c, 3), c), "sign"));
    CHECK(finds(question(written(2 * c, 3), c), "factor 2"));
    CHECK(finds(question(written(c / 2, 3), c), "factor 1/2"));
    Question with_rate = question(written(c * 0.1, 3), c);
    with_rate.rate = 0.1;
    CHECK(finds(with_rate, "rate times"));
    with_rate.written = *read_printed(written(c / 0.1, 3));
    CHECK(finds(with_rate, "rate divided"));
    for (const char* id : {"sign", "factor 2", "factor 1/2"}) CHECK_FALSE(finds(question("0.600", c), id));
}

TEST_CASE("Finder: an alternative run is claimed only when it gives the value", "[finder]") {
    Question q = question("0.130", 0.123456);
    Explanation hand;
    hand.id = "by_hand 1";
    hand.value = 0.131;  // near 0.130, but not it
    hand.near_id = "by_hand";
    hand.near_args = {Arg{"1", std::nullopt}, Arg{"", Num::both(hand.value)}};
    q.alternatives = {hand};
    const Finding f = find_explanations(q);
    CHECK_FALSE(f.explained());
    REQUIRE(f.nearest);
    CHECK(f.nearest->id == "by_hand 1");
    const Message reason = finding_reason(q, f);
    CHECK(reason.id == "finder.none.by_hand");
    CHECK(reason.args.at(1).text == std::to_string(f.tried));
    q.alternatives[0].value = 0.13;
    CHECK(finds(q, "by_hand 1"));
}

TEST_CASE("Finder: nothing reproduces a figure: the reason says what was tried", "[finder]") {
    const Question q = question("7.777", 1.234);
    const Finding f = find_explanations(q);
    CHECK_FALSE(f.explained());
    CHECK(f.tried > 10);
    const Message reason = finding_reason(q, f);
    CHECK(reason.id.rfind("finder.none", 0) == 0);
    CHECK(reason.args.at(0).number->exact == 1.234);
}

TEST_CASE("Finder: a published figure one unit off with no rounding to explain it differs", "[finder][compare]") {
    // A whole-number quantity: 3 for 2 is another answer, not a last digit.
    const Comparison whole = compare_published("w", "w", "3", Num::both(2));
    CHECK(whole.verdict == Comparison::Verdict::differs);
    CHECK(whole.reason);
    // Cut off, not rounded: a last digit with its reason.
    const Comparison cut = compare_published("e", "e", written(cut_at(0.2090716729, 9), 9), Num::both(0.2090716729));
    CHECK(cut.verdict == Comparison::Verdict::last_digit);
    REQUIRE(cut.reason);
    CHECK(cut.reason->id == "finder.truncated");
}

TEST_CASE("Finder: every sentence exists in English and Chinese", "[finder][messages]") {
    const auto catalog = MessageCatalog::load(std::filesystem::path(NNTRACE_SOURCE_HOME) / "templates" / "messages");
    for (const char* id :
         {"finder.truncated", "finder.rounded_at_end", "finder.rounded_twice", "finder.rounded_fewer", "finder.by_hand",
          "finder.by_hand_truncating", "finder.rounded_inputs", "finder.own_figures", "finder.own_answers",
          "finder.another_row", "finder.sign", "finder.doubled", "finder.halved", "finder.rate_times",
          "finder.rate_divided", "finder.other_quantity", "finder.typo", "finder.swap", "finder.none",
          "finder.none.truncated", "finder.none.rounded_inputs", "finder.none.own_figures", "finder.none.own_answers",
          "finder.none.by_hand", "finder.none.by_hand_truncating", "render.verdict.another_row", "check.carried",
          "check.verdict.carried", "check.note.carried", "check.note.first_wrong",
          "check.grade.column.carried", "check.grade.note.carried_correct", "lesson.source_settings",
          "lesson.source_settings.title"}) {
        INFO(id);
        const auto en = catalog.find(id, "en");
        const auto zh = catalog.find(id, "zh");
        REQUIRE(en);
        REQUIRE(zh);
        CHECK(*en != *zh);
    }
}
