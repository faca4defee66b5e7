#include <catch2/catch.hpp>

#include <cmath>

#include "core/errors.hpp"
#include "sample_records.hpp"

using namespace nntrace;
using Catch::Matchers::Contains;

namespace {

std::string text_of(const Record& r, RenderOptions o = test::options()) { return render(r, Format::text, o); }

Record with_items(std::vector<Item> items) {
    Record r = test::linear_record();
    r.sections = {Section{"s", Message{"test.s", {}}, std::move(items)}};
    return r;
}

}  // namespace

TEST_CASE("Text: a step shows name, formula, substitution and value", "[render][text]") {
    CHECK_THAT(text_of(with_items({test::step_x()})), Contains("  x = 2·w + 3·b = 2·3 + 3·4 = 18\n"));
}

TEST_CASE("Text: a step that renames one value shows that value once", "[render][text]") {
    // y = c with c = √(ln 4) (worked example 3), at the record's 4 digits.
    const double c = std::sqrt(std::log(4.0));
    const Step s{"y", "y", {test::sym("c", c)}, Num::both(c), std::nullopt};
    CHECK_THAT(text_of(with_items({s})), Contains("  y = c = 1.1774\n"));
}

TEST_CASE("Text: a hand value is followed by the exact value when they differ", "[render][text]") {
    CHECK_THAT(text_of(test::hand_record()), Contains("a = h·h = 0.85·0.85 = 0.723 (exact 0.7225)\n"));
}

TEST_CASE("Text: the header names the arithmetic convention", "[render][text]") {
    const std::string t = text_of(test::hand_record());
    CHECK_THAT(t, Contains("rounded half away from zero (四舍五入) to 3 decimals"));
    CHECK_THAT(text_of(test::hand_record(), test::options("zh")), Contains("四舍五入，保留 3 位小数"));
}

TEST_CASE("Text: a chain line shows the product and the rule behind it", "[render][text]") {
    CHECK_THAT(text_of(with_items({test::chain_z_b_via_y()})),
               Contains("  ∂z/∂b = ∂z/∂y · ∂y/∂b = 18 · 2 = 36   [∂(u + v)/∂u = 1]\n"));
}

TEST_CASE("Text: the first link of a chain is its local derivative, without ∂z/∂z = 1", "[render][text]") {
    const std::string t = text_of(with_items({test::chain_z_x()}));
    CHECK_THAT(t, Contains("  ∂z/∂x = y = 9   [∂(u·v)/∂u = v]\n"));
    CHECK(t.find("∂z/∂z") == std::string::npos);
}

TEST_CASE("Text: one path of a sum is named as that path's share, not as the derivative", "[render][text]") {
    const std::string t = text_of(with_items({test::chain_z_b_via_y(), test::sum_z_b()}));
    CHECK_THAT(t, Contains("  via y: ∂z/∂y · ∂y/∂b = 18 · 2 = 36   [∂(u + v)/∂u = 1]\n"));
    CHECK(t.find("∂z/∂b = ∂z/∂y") == std::string::npos);
    CHECK_THAT(t, Contains("  ∂z/∂b = ∂z/∂x·∂x/∂b + ∂z/∂y·∂y/∂b = 27 + 36 = 63\n"));  // the sum keeps the name
    CHECK_THAT(text_of(with_items({test::chain_z_b_via_y(), test::sum_z_b()}), test::options("zh")),
               Contains("  经 y： ∂z/∂y · ∂y/∂b = 18 · 2 = 36"));
}

TEST_CASE("Text: a sum shows every path's contribution", "[render][text]") {
    CHECK_THAT(text_of(with_items({test::sum_z_b()})),
               Contains("  ∂z/∂b = ∂z/∂x·∂x/∂b + ∂z/∂y·∂y/∂b = 27 + 36 = 63\n"));
}

TEST_CASE("Text: an update writes the negative gradient in parentheses", "[render][text]") {
    // 0.7 − 0.5·(−0.41) = 0.905, shown at the record's 4 digits.
    CHECK_THAT(text_of(with_items({test::update_w7()})),
               Contains("  w7 ← w7 − η·∂L/∂w7 = 0.7 − 0.5·(−0.41) = 0.9050\n"));
}

TEST_CASE("Text: table numbers are right-aligned at their column's decimals", "[render][text]") {
    RenderOptions o = test::options();
    o.table = "descent";
    // The published rows of worked example 4 (x, J = x² at 6 decimals).
    CHECK(text_of(test::linear_record(), o) ==
          "  Descent on J = x²\n"
          "  round         x         J\n"
          "  -----  --------  --------\n"
          "      1  0.480000  0.230400\n"
          "      2  0.192000  0.036864\n"
          "      3  0.076800  0.005898\n"
          "      4  0.030720  0.000944\n");
}

TEST_CASE("Text: Chinese column titles count two columns per character", "[render][text]") {
    RenderOptions o = test::options("zh");
    o.table = "descent";
    CHECK_THAT(text_of(test::linear_record(), o), Contains("  轮次         x         J\n  ----  --------"));
}

TEST_CASE("Text: published figures are marked by verdict with their reason", "[render][text]") {
    Record r = test::hand_record();
    r.comparisons = {
        Comparison{"a", "a", "0.723", 3, Num{0.85 * 0.85, 0.723}, Comparison::Verdict::matches, std::nullopt},
        Comparison{"b", "Δw", "0.722", 3, Num{0.85 * 0.85, 0.723}, Comparison::Verdict::last_digit,
                   Message{"reason.truncated", {}}},
        Comparison{"c", "z", "150.2", 1, Num::both(150.2162), Comparison::Verdict::differs, std::nullopt}};
    const std::string t = text_of(r);
    CHECK_THAT(t, Contains("Published figures\n-----------------\n"));
    CHECK_THAT(t, Contains("  a           0.723     0.723  ✓ matches\n"));
    CHECK_THAT(t, Contains("  Δw          0.722     0.723  ≈ last digit  cutting off the extra digits"));
    CHECK_THAT(t, Contains("  z           150.2     150.2  ✗ differs\n"));
}

TEST_CASE("Text: rendering for people needs the message catalog", "[render][text]") {
    RenderOptions o = test::options();
    o.messages_dir = std::filesystem::path(NNTRACE_TEST_SCRATCH) / "no-catalog-here";
    CHECK_THROWS_AS(text_of(test::linear_record(), o), InputError);
}

TEST_CASE("Text: a section with its own digits shows its values at them", "[render][text]") {
    // A part of a 4-decimal lesson that works at 3 decimals: 0.333, not 0.3330.
    Record r = test::linear_record();
    r.digits = 4;
    r.sections = {Section{"both", Message{"test.s", {}},
                          {Step{"both/dw", "dw", {test::lit("6 / 18")}, Num{6.0 / 18.0, 0.333}, std::nullopt}}, 3}};
    CHECK_THAT(text_of(r), Contains("dw = 6 / 18 = 0.333 ("));
}

TEST_CASE("Text: parameters are shown with every digit they have", "[render][text]") {
    Record r = test::linear_record();
    r.digits = 4;
    r.parameters = {{"tolerance", Num::both(1e-5)}};
    CHECK_THAT(text_of(r), Contains("tolerance = 0.00001"));
}

TEST_CASE("Text: a step without a formula shows name and value only", "[render][text]") {
    const Record r = with_items({Step{"dz/dw", "∂z/∂w", {}, Num::both(18), std::nullopt}});
    CHECK_THAT(text_of(r), Contains("∂z/∂w = 18\n"));
}

TEST_CASE("Text: an intermediate named by its source text is parenthesised", "[render][text]") {
    ChainLine c = test::chain_z_x();
    c.target = "2*b";
    c.through = "y";
    CHECK_THAT(text_of(with_items({c})), Contains("∂z/∂(2·b)"));
}

TEST_CASE("Text: an update is written with ←, not as an equation with its own name", "[render][text]") {
    Record r = test::linear_record();
    r.sections[0].items.push_back(Step{"move", "x", {{"x", Num::both(1)}, {" - ", {}}, {"eta", Num::both(0.5)}}, Num::both(0.5), {}});
    const std::string text = render(r, Format::text, test::options());
    CHECK_THAT(text, Contains("x ← x − eta = 1 − 0.5 = 0.5"));
}

TEST_CASE("Text: a note's formula is written in Unicode, as the drawings write it", "[render][text]") {
    Record r = with_items({Note{"lesson", Note::Kind::convention, Message{"test.lesson_note", {}}}});
    r.strings["test.lesson_note"] = {{"en", "a unit $h_j = s(w_{j+3} x_2)$ and $\\hat{y}$ each"}};
    CHECK_THAT(text_of(r), Contains("a unit hⱼ = s(wⱼ₊₃ x₂) and ŷ each"));
}
