#include <catch2/catch.hpp>

#include <cmath>

#include "core/arithmetic.hpp"
#include "core/compare.hpp"

using nntrace::round_decimal;
using nntrace::Rounding;

TEST_CASE("Rounding: a product of two decimals rounds half up decimal-exactly", "[arithmetic]") {
    // 0.85 × 0.85 is 0.72249999999999992 in binary; a calculator shows 0.7225 → 0.723.
    CHECK(round_decimal(0.85 * 0.85, 3, Rounding::half_up) == 0.723);
}

TEST_CASE("Rounding: a negative tie rounds away from zero", "[arithmetic]") {
    CHECK(round_decimal(-0.0625, 3, Rounding::half_up) == -0.063);
}

TEST_CASE("Rounding: ties that binary doubles store below the tie", "[arithmetic]") {
    CHECK(round_decimal(2.675, 2, Rounding::half_up) == 2.68);
    CHECK(round_decimal(1.005, 2, Rounding::half_up) == 1.01);
    CHECK(round_decimal(0.125, 2, Rounding::half_up) == 0.13);
}

TEST_CASE("Rounding: truncation drops digits toward zero", "[arithmetic]") {
    CHECK(round_decimal(0.7229, 3, Rounding::truncate) == 0.722);
    CHECK(round_decimal(-0.0629, 3, Rounding::truncate) == -0.062);
}

TEST_CASE("Rounding: values below half a unit become zero, never minus zero", "[arithmetic]") {
    const double r = round_decimal(-0.0004, 3, Rounding::half_up);
    CHECK(r == 0.0);
    CHECK_FALSE(std::signbit(r));
    CHECK(round_decimal(0.0005, 3, Rounding::half_up) == 0.001);
}

TEST_CASE("Rounding: exact mode and short values are left alone", "[arithmetic]") {
    CHECK(round_decimal(0.72249999, 3, Rounding::exact) == 0.72249999);
    CHECK(round_decimal(150.25, 4, Rounding::half_up) == 150.25);
    CHECK(round_decimal(162.0, 0, Rounding::half_up) == 162.0);
}

TEST_CASE("Rounding: large values keep their integer part", "[arithmetic]") {
    CHECK(round_decimal(123456.78949, 3, Rounding::half_up) == 123456.789);
    CHECK(round_decimal(9.9995, 3, Rounding::half_up) == 10.0);
}

TEST_CASE("Rounding: minus zero is written as zero", "[arithmetic]") {
    const double r = round_decimal(-0.57 * 0.0, 3, Rounding::half_up);
    CHECK(r == 0.0);
    CHECK_FALSE(std::signbit(r));
}

TEST_CASE("Comparison: a value far beyond any printed figure differs without overflowing", "[compare]") {
    const auto c = nntrace::compare_published("k", "z", "150.0003", nntrace::Num::both(1e300));
    CHECK(c.verdict == nntrace::Comparison::Verdict::differs);
    CHECK(nntrace::last_digit_units(0.384, 3, Rounding::half_up) == 384.0);
}
