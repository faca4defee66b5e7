// What the user asked of a run beyond the lesson's or problem's own defaults.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "arithmetic.hpp"
#include "tape.hpp"

namespace nntrace {

struct RunOptions {
    std::optional<Arithmetic> arithmetic;  // --exact or --decimals N; unset: the defaults
    // --rounding without --decimals: the lesson's or problem's own decimals, rounded this way.
    // Ignored when `arithmetic` is set (which carries its own rounding).
    std::optional<Rounding> rounding;
    // --set name=value, in the order given; the lesson or problem checks names and values.
    std::vector<std::pair<std::string, std::string>> sets;
    // A slip to reproduce (diagnosing a wrong answer); none in a normal run.
    Slips slips;
};

}  // namespace nntrace
