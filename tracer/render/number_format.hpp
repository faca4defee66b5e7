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

struct NumberStyle {
    int decimals = 6;
    Shape shape = Shape::fixed;
    Minus minus = Minus::ascii;
};

// `v` rounded half away from zero to `decimals` decimals, decimal-exactly (0.7225 → "0.723",
// 2.675 → "2.68" at 2), with exactly that many decimals, ASCII '-' and never "-0.000".
std::string format_number(double v, int decimals);

// The same rounding, shaped and signed as `style` says.
std::string format_number(double v, const NumberStyle& style);

}  // namespace nntrace
