// Sets a figure a source printed beside the value the engine computed, and judges it.
#pragma once

#include <optional>
#include <string>

#include "record.hpp"

namespace nntrace {

// A number as printed: "0.6667", "-0.410", "9.708 073" (digit groups), "−1" (Unicode minus).
struct Printed {
    double value = 0;
    int decimals = 0;  // decimals printed, trailing zeros included
};
std::optional<Printed> read_printed(const std::string& text);

// The most decimals an answer is judged at: a double holds 15 to 17 significant digits, so an
// answer written with 89 decimals is compared at 17 (and the check says so).
constexpr int max_judged_decimals = 17;

// A number counted in units of its last decimal (0.384 at 3 decimals → 384), after rounding it
// as `r` says. A double, not an integer: a value beyond 2^53 units cannot be one unit off
// anything, and converting it to an integer would overflow (a lesson pushed to 1e300).
double last_digit_units(double v, int decimals, Rounding r);

// Judges `published` against `computed` at the printed decimals:
//  matches    — the value the run used, rounded half up to those decimals, is the figure;
//  last_digit — one unit off in the last printed digit; the reason says whether truncating
//               instead of rounding, or rounding only at the end, explains it;
//  differs    — anything else, with a reason where the exact value explains it.
// A missing computed value gives `missing`.
Comparison compare_published(std::string key, std::string label, const std::string& published,
                             std::optional<Num> computed);

}  // namespace nntrace
