// Verdict boundaries: the decimals an answer is compared at, one unit off, trailing zeros, signs.
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace nntrace;
using nntrace::test::judge_one;

namespace {

std::string homework() {
    return R"toml(decimals = 3
[functions]
s = "x^2"
[inputs]
x1 = 1
x2 = 0
y = 1
[params]
w1 = 0.6
w2 = -0.4
w3 = 0.8
w4 = 0.2
w5 = 0.5
w6 = -0.3
w7 = 0.7
w8 = -0.6
w9 = 0.4
w10 = 1.2
b1 = 0.1
b2 = -0.2
b3 = 0.05
b4 = 0.15
[nodes]
z1 = "w1*x1 + w4*x2 + b1"
z2 = "w2*x1 + w5*x2 + b2"
z3 = "w3*x1 + w6*x2 + b3"
h1 = "s(z1)"
h2 = "s(z2)"
h3 = "s(z3)"
z4 = "w7*h1 + w8*h2 + w9*h3 + b4"
h4 = "s(z4)"
yhat = "w10*h4"
L = "0.5*(y - yhat)^2"
[loss]
node = "L"
wrt = ["w7", "w8"]
)toml";
}

Verdict verdict(const std::string& key, const std::string& given) { return judge_one(homework(), key, given).verdict; }

}  // namespace

TEST_CASE("Verdict: the homework's key is correct", "[check][verdict]") {
    CHECK(verdict("yhat", "0.384") == Verdict::correct);
    CHECK(verdict("dL/dw7", "-0.410") == Verdict::correct);
    CHECK(verdict("dL/dw8", "-0.301") == Verdict::correct);
}

TEST_CASE("Verdict: one unit off in the last decimal, either way, is last digit", "[check][verdict]") {
    CHECK(verdict("yhat", "0.385") == Verdict::last_digit);
    CHECK(verdict("yhat", "0.383") == Verdict::last_digit);
    CHECK(verdict("dL/dw7", "-0.409") == Verdict::last_digit);
    CHECK(verdict("dL/dw7", "-0.411") == Verdict::last_digit);
}

TEST_CASE("Verdict: two units off is wrong", "[check][verdict]") {
    CHECK(verdict("yhat", "0.386") == Verdict::wrong);
    CHECK(verdict("yhat", "0.382") == Verdict::wrong);
}

TEST_CASE("Verdict: the sign of a negative answer counts", "[check][verdict]") {
    CHECK(verdict("dL/dw7", "0.410") == Verdict::wrong);
    CHECK(verdict("dL/dw7", "−0.410") == Verdict::correct);  // U+2212, as printed
}

TEST_CASE("Verdict: fewer decimals than the problem's are compared at the problem's", "[check][verdict]") {
    CHECK(verdict("dL/dw7", "-0.41") == Verdict::correct);  // -0.410
    CHECK(verdict("yhat", "0.38") == Verdict::wrong);       // 0.380 against 0.384
    CHECK(judge_one(homework(), "yhat", "0.38").decimals == 3);
}

TEST_CASE("Verdict: trailing zeros past the problem's decimals are compared too", "[check][verdict]") {
    CHECK(verdict("yhat", "0.3840") == Verdict::correct);
    CHECK(judge_one(homework(), "yhat", "0.3840").decimals == 4);
    CHECK(verdict("yhat", "0.3841") == Verdict::last_digit);
}

TEST_CASE("Verdict: an exact problem is compared at the answer's decimals", "[check][verdict]") {
    const std::string p = "[inputs]\nx = 1.15\n[nodes]\ny = \"x*x\"\n";  // 1.3225
    CHECK(judge_one(p, "y", "1.32").verdict == Verdict::correct);
    CHECK(judge_one(p, "y", "1.3").verdict == Verdict::correct);
    CHECK(judge_one(p, "y", "1.323").verdict == Verdict::correct);
    CHECK(judge_one(p, "y", "1.322").verdict == Verdict::last_digit);
    CHECK(judge_one(p, "y", "1.33").verdict == Verdict::last_digit);
    CHECK(judge_one(p, "y", "1.34").verdict == Verdict::wrong);
}

TEST_CASE("Verdict: a last digit from rounding only at the end says so", "[check][verdict]") {
    // Exact: z4 = 0.566, h4 = 0.320356, yhat = 0.3844272, L = ½(1 − yhat)² = 0.18946… → 0.189;
    // the hand calculation writes 0.190.
    const double z4 = 0.7 * 0.49 - 0.6 * 0.36 + 0.4 * 0.7225 + 0.15;
    const double L = 0.5 * (1 - 1.2 * z4 * z4) * (1 - 1.2 * z4 * z4);
    const Judgement j = judge_one(homework(), "L", test::written(L, 3));
    CHECK(j.verdict == Verdict::last_digit);
    CHECK(test::names(j, "round_at_end"));
}

TEST_CASE("Verdict: a last digit is explained by rounding habits only", "[check][verdict]") {
    const Judgement j = judge_one(homework(), "yhat", "0.385");
    CHECK(j.verdict == Verdict::last_digit);
    REQUIRE(j.reason);  // a cause, or what was tried
    for (const Cause& c : j.causes) {
        INFO(c.id);
        const bool rounding = c.id.rfind("by_hand", 0) == 0 || c.id.rfind("cut_off", 0) == 0 ||
                              c.id.rfind("round", 0) == 0 || c.id.rfind("truncated", 0) == 0;
        CHECK(rounding);
    }
}

TEST_CASE("Verdict: an empty answer is blank", "[check][verdict]") { CHECK(verdict("yhat", "") == Verdict::blank); }
