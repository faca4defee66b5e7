// One number syntax for every number a user writes as text (issue 14, item 20): answers and
// --set values are read by number_from_text, so check no longer accepts what --set refuses.
#include <catch2/catch.hpp>

#include <string>

#include "core/compare.hpp"
#include "core/number_text.hpp"

using namespace nntrace;

TEST_CASE("Number text: decimals, signs and exponents are numbers", "[number]") {
    CHECK(number_from_text("0.5") == 0.5);
    CHECK(number_from_text("-3") == -3.0);
    CHECK(number_from_text("+2") == 2.0);
    CHECK(number_from_text(".5") == 0.5);
    CHECK(number_from_text("5.") == 5.0);
    CHECK(number_from_text("1e-3") == 1e-3);
    CHECK(number_from_text("2.5E+2") == 250.0);
}

TEST_CASE("Number text: hexadecimal, inf, nan, spaces and overflow are not", "[number]") {
    for (const char* bad : {"0x1", "0x1p-1", "-0X2", "inf", "-infinity", "nan", " 1", "1 ", "", "+", "-", ".", "1e",
                            "1e+", "1.2.3", "--1", "+-1", "1e999", "١"}) {
        INFO(bad);
        CHECK_FALSE(number_from_text(bad).has_value());
    }
}

TEST_CASE("Number text: an answer is read with the same syntax, without exponents", "[number][answer]") {
    for (const char* text : {"0x1", "0x1p-1", "inf", "nan", "0.5", "-3", "+2", ".5", "-0.410"}) {
        INFO(text);
        CHECK(read_printed(text).has_value() == number_from_text(text).has_value());
    }
    CHECK_FALSE(read_printed("1e-3").has_value());  // printed figures are plain decimals
    CHECK(read_printed("−0.410")->value == -0.41);  // U+2212 and digit groups stay readable
    CHECK(read_printed("9.708 073")->decimals == 6);
}
