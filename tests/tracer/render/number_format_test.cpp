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
