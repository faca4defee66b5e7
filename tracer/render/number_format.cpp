#include "number_format.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "core/arithmetic.hpp"
#include "core/double_chars.hpp"

namespace nntrace {
namespace {

constexpr const char* unicode_minus = "\xE2\x88\x92";  // U+2212 MINUS SIGN

// A value that is not a number reaches a renderer only when the run recorded a numeric fault
// (ln of a negative number, a division by zero, an overflow). It is then shown as what it is
// rather than as a made-up figure; the fault note beside it says why.
std::string non_finite_text(double v, Minus minus) {
    if (std::isnan(v)) return "nan";
    if (v > 0) return "inf";
    return (minus == Minus::unicode ? unicode_minus : "-") + std::string("inf");
}

// Prints an already rounded value with `decimals` decimals. The rounded double is the one
// nearest its decimal, so printing it at that many decimals gives back exactly its digits.
std::string print_fixed(double rounded, int decimals) {
    return fixed_text(rounded, decimals);
}

// A double holds 15 significant decimal digits for certain (DBL_DIG): any 15-digit decimal
// survives the trip into a double and back. Digits past the 15th are the binary expansion of
// the double, not of the figure it stands for (1e100 at 12 decimals would print 101 digits
// of noise, 1546188226.56 prints as 1546188226.559999), so no number shows more than 15.
constexpr int significant_digits = 15;

// The power of ten of the first significant digit of |v| once rounded to 15 digits:
// 0.7225 → −1, 1546188226.56 → 9, 999999999999999.9 → 15.
int decimal_exponent(double v) {
    const std::string text = scientific_text(std::fabs(v), significant_digits - 1);
    return std::atoi(text.c_str() + text.find('e') + 1);
}

void drop_trailing_zeros(std::string& text) {
    if (text.find('.') == std::string::npos || text.find('e') != std::string::npos) return;
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
}

// A number in scientific notation with `digits` significant digits at most (trailing zeros
// dropped): 1e+100 → "1e100", 1.2345e20 → "1.2345e20".
std::string print_scientific(double v, int digits) {
    const std::string text = scientific_text(v, std::clamp(digits, 1, significant_digits) - 1);
    const std::size_t e = text.find('e');
    std::string mantissa = text.substr(0, e);
    drop_trailing_zeros(mantissa);
    std::string exponent = text.substr(e + 1);
    if (exponent.front() == '+') exponent.erase(0, 1);
    const std::size_t digits_at = exponent.front() == '-' ? 1 : 0;  // "e+09" → "e9"
    while (exponent.size() > digits_at + 1 && exponent[digits_at] == '0') exponent.erase(digits_at, 1);
    return mantissa + "e" + exponent;
}

}  // namespace

std::string format_number(double v, int decimals) {
    return format_number(v, NumberStyle{decimals, Shape::fixed, Minus::ascii});
}

std::string format_number(double v, const NumberStyle& style) {
    if (!std::isfinite(v)) return non_finite_text(v, style.minus);
    int decimals = std::clamp(style.decimals, 0, 30);
    const int exponent = v == 0.0 ? 0 : decimal_exponent(v);
    std::string text;
    if (exponent >= significant_digits) {
        // Too large for its integer part to be written in 15 digits.
        text = print_scientific(v, significant_digits);
    } else if (style.significant > 0 && std::fabs(v) >= large_value) {
        text = print_scientific(v, style.significant);
    } else {
        // Decimals past the 15th significant digit would only show the binary expansion.
        if (v != 0.0) decimals = std::min(decimals, std::max(0, significant_digits - 1 - exponent));
        double rounded = round_decimal(v, decimals, Rounding::half_up);
        if (rounded == 0.0) rounded = 0.0;  // a −0 (or a tiny negative rounded away) prints as "0"
        const bool integer = style.shape == Shape::bare_integers && std::trunc(v) == v;
        text = print_fixed(rounded, integer ? 0 : decimals);
    }
    if (style.shape == Shape::trim_zeros) drop_trailing_zeros(text);
    if (text == "-0") text = "0";
    if (style.minus == Minus::unicode && text.front() == '-') text.replace(0, 1, unicode_minus);
    return text;
}

std::string printed_figure(const std::string& printed, Minus minus) {
    if (minus == Minus::unicode && !printed.empty() && printed.front() == '-') return unicode_minus + printed.substr(1);
    return printed;
}

}  // namespace nntrace
