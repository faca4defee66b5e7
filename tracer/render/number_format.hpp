// The one place where numbers become text. Every renderer goes through these functions, so a
// value prints the same way on a terminal, in a JSON "shown" field and in a CSV cell.
#pragma once

#include <string>

namespace nntrace {

// How many decimals a number keeps after rounding.
enum class Shape {
    fixed,          // always `decimals` decimals: 0.700, 18.000
    bare_integers,  // an integer prints without decimals (18, 162); anything else as `fixed`
    trim_zeros,     // trailing zeros dropped: 0.7, 18, 0.7225 — for values written into formulas
};

// ASCII '-' for machines and files; U+2212 "−" for text that people read.
enum class Minus { ascii, unicode };

// From this magnitude on, a value with `significant` set is written with significant digits.
constexpr double large_value = 1e6;

struct NumberStyle {
    int decimals = 6;
    Shape shape = Shape::fixed;
    Minus minus = Minus::ascii;
    // A value of 10⁶ or more: this many significant digits in scientific notation ("1.546188e9"),
    // not `decimals` decimals of a double (1546188226.559999). 0: every decimal, as a hand
    // calculation writes them.
    int significant = 0;
};

// `v` rounded half away from zero to `decimals` decimals, decimal-exactly (0.7225 → "0.723",
// 2.675 → "2.68" at 2), with exactly that many decimals, ASCII '-' and never "-0.000".
std::string format_number(double v, int decimals);

// The same rounding, shaped and signed as `style` says.
std::string format_number(double v, const NumberStyle& style);

// A figure as a source printed it ("-0.410"), its digits untouched, with the minus sign `minus`
// asks for, so that it reads like the computed figure beside it ("−0.410").
std::string printed_figure(const std::string& printed, Minus minus);

}  // namespace nntrace
