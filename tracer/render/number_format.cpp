#include "number_format.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

#include "core/arithmetic.hpp"

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
    std::array<char, 400> buf{};  // enough for the largest double with its decimals
    const auto res = std::to_chars(buf.data(), buf.data() + buf.size(), rounded,
                                   std::chars_format::fixed, decimals);
    if (res.ec != std::errc{}) return non_finite_text(rounded, Minus::ascii);
    return std::string(buf.data(), res.ptr);
}

void drop_trailing_zeros(std::string& text) {
    if (text.find('.') == std::string::npos) return;
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
}

}  // namespace

std::string format_number(double v, int decimals) {
    return format_number(v, NumberStyle{decimals, Shape::fixed, Minus::ascii});
}

std::string format_number(double v, const NumberStyle& style) {
    if (!std::isfinite(v)) return non_finite_text(v, style.minus);
    const int decimals = std::clamp(style.decimals, 0, 30);
    double rounded = round_decimal(v, decimals, Rounding::half_up);
    if (rounded == 0.0) rounded = 0.0;  // a −0 (or a tiny negative rounded away) prints as "0"
    const bool integer = style.shape == Shape::bare_integers && std::trunc(v) == v;
    std::string text = print_fixed(rounded, integer ? 0 : decimals);
    if (style.shape == Shape::trim_zeros) drop_trailing_zeros(text);
    if (text == "-0") text = "0";
    if (style.minus == Minus::unicode && text.front() == '-') text.replace(0, 1, unicode_minus);
    return text;
}

}  // namespace nntrace
