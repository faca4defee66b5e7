// A drawn variant written as a problem file of its own. Internal to the problem library.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "problem/problem.hpp"

namespace nntrace {

// The randomised file's own text (its comments, its layout) with each drawn value written over
// the value of its input or param (or [network] weight), the lines of [random] and [answers]
// left out, a first comment saying whose variant it is, and a new [answers] table at the end.
std::string variant_text(const Problem& randomised, const std::map<std::string, double>& drawn,
                         const std::vector<std::pair<std::string, std::string>>& answers, std::uint64_t seed,
                         const std::string& student);

// The shortest text that reads back as v ("0.3", "-1", "1e-05"): what a TOML file needs to
// carry a value exactly. Not a display format; pages go through format_number.
std::string exact_number_text(double v);

// v rounded half up to `digits` decimals and written with all of them ("-0.410"), as a key's
// answer is written in [answers] so that its trailing zeros count. The digits are those of the
// rounded double, which is the double nearest a `digits`-decimal number: no half-way case is left
// for the printing to decide. Not a display format either.
std::string answer_text(double v, int digits);

}  // namespace nntrace
