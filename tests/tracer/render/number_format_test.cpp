#include <catch2/catch.hpp>

#include <cmath>

#include "number_format.hpp"

using nntrace::format_number;
using nntrace::Minus;
using nntrace::NumberStyle;
using nntrace::Shape;

TEST_CASE("Number format: ties round half away from zero, decimal-exactly", "[render][number]") {
    CHECK(format_number(0.85 * 0.85, 3) == "0.723");  // 0.72249999999999992 in binary
    CHECK(format_number(0.7225, 3) == "0.723");
    CHECK(format_number(2.675, 2) == "2.68");          // 2.67499999999999982 in binary
    CHECK(format_number(0.0625, 3) == "0.063");
}

TEST_CASE("Number format: negatives use ASCII minus and round away from zero", "[render][number]") {
    CHECK(format_number(-0.0625, 3) == "-0.063");
    CHECK(format_number(-0.41, 3) == "-0.410");
}

TEST_CASE("Number format: a value that rounds to zero never prints as -0", "[render][number]") {
    CHECK(format_number(-0.0004, 3) == "0.000");
    CHECK(format_number(-0.0, 2) == "0.00");
    CHECK(format_number(-0.4, 0) == "0");
    CHECK(format_number(-0.0004, NumberStyle{3, Shape::trim_zeros, Minus::unicode}) == "0");
}

TEST_CASE("Number format: fixed shape always shows the decimals asked for", "[render][number]") {
    CHECK(format_number(18, 4) == "18.0000");
    CHECK(format_number(0.48, 6) == "0.480000");
    CHECK(format_number(162, 0) == "162");
}

TEST_CASE("Number format: integers print bare in the bare-integer shape", "[render][number]") {
    const NumberStyle bare{4, Shape::bare_integers, Minus::ascii};
    CHECK(format_number(2 * 3 + 3 * 4, bare) == "18");
    CHECK(format_number(18 * 9, bare) == "162");
    CHECK(format_number(0.905, bare) == "0.9050");
    CHECK(format_number(150.0003, NumberStyle{3, Shape::bare_integers, Minus::ascii}) == "150.000");
}

TEST_CASE("Number format: trimmed shape drops trailing zeros after rounding", "[render][number]") {
    const NumberStyle trim{6, Shape::trim_zeros, Minus::ascii};
    CHECK(format_number(0.7, trim) == "0.7");
    CHECK(format_number(3, trim) == "3");
    CHECK(format_number(0.85 * 0.85, NumberStyle{9, Shape::trim_zeros, Minus::ascii}) == "0.7225");
    CHECK(format_number(1.0 / 3, trim) == "0.333333");
}

TEST_CASE("Number format: the Unicode minus is used for text people read", "[render][number]") {
    CHECK(format_number(-0.41, NumberStyle{3, Shape::trim_zeros, Minus::unicode}) == "\xE2\x88\x92" "0.41");
    CHECK(format_number(-2, NumberStyle{3, Shape::bare_integers, Minus::unicode}) == "\xE2\x88\x92" "2");
}

TEST_CASE("Number format: non-finite values print as nan and inf", "[render][number]") {
    CHECK(format_number(std::nan(""), 3) == "nan");
    CHECK(format_number(HUGE_VAL, 3) == "inf");
    CHECK(format_number(-HUGE_VAL, 3) == "-inf");
}

namespace {

// The significant digits of a formatted number: its digits without the leading zeros (and
// without the exponent of a scientific notation).
std::size_t significant_digits(const std::string& text) {
    const std::string mantissa = text.substr(0, text.find('e'));
    std::size_t n = 0;
    bool leading = true;
    for (char c : mantissa) {
        if (c < '0' || c > '9') continue;
        leading = leading && c == '0';
        if (!leading) ++n;
    }
    return n;
}

}  // namespace

TEST_CASE("Number format: no number shows more than 15 significant digits", "[render][number][hardening]") {
    // The digits past the 15th would be the binary expansion of the double, not the figure.
    for (const double v : {1e100, -1e100, 1546188226.56, 123456789.123456789, 0.1 + 0.2, 1.0 / 3, 2.0 / 3e-5, 1e15, 1e300})
        for (const int decimals : {0, 3, 6, 12, 30}) {
            INFO(v << " at " << decimals);
            CHECK(significant_digits(format_number(v, decimals)) <= 15);
            CHECK(significant_digits(format_number(v, NumberStyle{decimals, Shape::trim_zeros, Minus::unicode})) <= 15);
        }
}

TEST_CASE("Number format: a value past 15 integer digits is written in scientific notation", "[render][number][hardening]") {
    CHECK(format_number(1e100, 12) == "1e100");
    CHECK(format_number(-1e100, NumberStyle{3, Shape::fixed, Minus::unicode}) == "\xE2\x88\x92" "1e100");
    CHECK(format_number(1.5e20, NumberStyle{6, Shape::bare_integers, Minus::ascii}) == "1.5e20");
    CHECK(format_number(std::pow(2.0, 60), 0) == "1.15292150460685e18");
    // 15 integer digits still print in full.
    CHECK(format_number(123456789012345.0, 3) == "123456789012345");
}

TEST_CASE("Number format: a large value keeps the decimals a double holds, not more", "[render][number][hardening]") {
    // 1546188226.56 is stored as 1546188226.55999994...: six decimals would show 1546188226.559999.
    CHECK(format_number(1546188226.56, 6) == "1546188226.56000");
    CHECK(format_number(1546188226.56, NumberStyle{6, Shape::trim_zeros, Minus::ascii}) == "1546188226.56");
    // Below that, the decimals asked for are all shown.
    CHECK(format_number(0.1 + 0.2, 15) == "0.300000000000000");
    CHECK(format_number(1234.5, 6) == "1234.500000");
}

TEST_CASE("Number format: a computed value past 10⁶ shows significant digits where the style asks", "[render][number]") {
    const NumberStyle computed{6, Shape::fixed, Minus::ascii, 7};
    CHECK(format_number(1546188226.56, computed) == "1.546188e9");
    CHECK(format_number(-2000000.0, computed) == "-2e6");
    CHECK(format_number(999999.5, computed) == "999999.500000");  // below 10⁶: its decimals
    // Without it (a hand calculation's figures) every decimal stays.
    CHECK(format_number(1234567.1234, NumberStyle{4, Shape::fixed, Minus::ascii}) == "1234567.1234");
}

TEST_CASE("Number format: a printed figure takes the page's minus sign, its digits untouched", "[render][number]") {
    CHECK(printed_figure("-0.410", Minus::unicode) == "\xE2\x88\x92" "0.410");
    CHECK(printed_figure("-0.410", Minus::ascii) == "-0.410");
    CHECK(printed_figure("0.500", Minus::unicode) == "0.500");
}
