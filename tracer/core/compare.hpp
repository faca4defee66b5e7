// Sets a figure a source printed beside the value the engine computed, and judges it.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "finder.hpp"
#include "record.hpp"

namespace nntrace {

// "0.6667", "-0.410", "9.708 073" (digit groups), "−1" (Unicode minus): a plain decimal.
std::optional<Printed> read_printed(const std::string& text);

// The most decimals an answer is judged at: a double holds 15 to 17 significant digits, so an
// answer written with 89 decimals is compared at 17 (and the check says so).
constexpr int max_judged_decimals = 17;

// A number counted in units of its last decimal (0.384 at 3 decimals → 384), after rounding it
// as `r` says. A double, not an integer: a value beyond 2^53 units cannot be one unit off
// anything, and converting it to an integer would overflow (a lesson pushed to 1e300).
double last_digit_units(double v, int decimals, Rounding r);
// Every step and update of a run, by key: what a figure written under the wrong name may be.
std::vector<std::pair<std::string, Num>> run_quantities(const Record& run);
const Step* step_keyed(const Record& run, const std::string& key);

// What the mistake finder may use to explain a figure, besides the run itself.
struct FigureContext {
    const Record* run = nullptr;              // the run: other rows and quantities, the step's formula
    std::vector<Explanation> alternatives;    // values other runs gave (by hand at other decimals)
    // The figures written before this one: the computed value each stands for, and as written.
    std::vector<std::pair<Num, double>> earlier;
};

// Judges `published` against `computed` at the printed decimals:
//  matches     — the value the run used, rounded half up to those decimals, is the figure;
//  another_row — the figure is the run's value of the same quantity at another row or pass;
//  last_digit  — one unit off in the last printed digit, and a rounding habit gives the figure
//                (never for a whole-number quantity printed without decimals);
//  differs     — anything else.
// Every verdict but matches carries a reason: the mistake finder's best explanation, or what it
// tried and the nearest values. A missing computed value gives `missing`.
Comparison compare_published(std::string key, std::string label, const std::string& published,
                             std::optional<Num> computed, const FigureContext& context = {});

}  // namespace nntrace
