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

// Judges `published` against `computed` at the printed decimals:
//  matches    — the value the run used, rounded half up to those decimals, is the figure;
//  last_digit — one unit off in the last printed digit; the reason says whether truncating
//               instead of rounding, or rounding only at the end, explains it;
//  differs    — anything else, with a reason where the exact value explains it.
// A missing computed value gives `missing`.
Comparison compare_published(std::string key, std::string label, const std::string& published,
                             std::optional<Num> computed);

}  // namespace nntrace
