#include "arithmetic.hpp"

#include <cmath>
#include <cstdlib>
#include <string>

#include "double_chars.hpp"

namespace nntrace {
namespace {

constexpr int significant_digits = 15;

// The digits of |v| at 15 significant digits, as a decimal string without a point, and the
// power of ten of the first digit: 0.7225 → "722500000000000", exponent −1.
struct Decimal {
    std::string digits;
    int exponent = 0;
};

Decimal read_at_display_precision(double v) {
    const std::string text = scientific_text(std::fabs(v), significant_digits - 1);  // d.dddddddddddddde±XX
    Decimal d;
    const auto e = text.find('e');
    d.exponent = std::atoi(text.c_str() + e + 1);
    for (std::size_t i = 0; i < e; ++i)
        if (text[i] != '.') d.digits.push_back(text[i]);
    return d;
}

}  // namespace

double round_decimal(double v, int decimals, Rounding mode) {
    if (mode == Rounding::exact || !std::isfinite(v)) return v;
    if (v == 0.0) return 0.0;  // a hand calculation never writes −0 (e.g. −0.57 · 0)
    const Decimal d = read_at_display_precision(v);
    // Number of digits kept: those before the point plus `decimals` after it.
    const int keep = d.exponent + 1 + decimals;
    if (keep >= static_cast<int>(d.digits.size())) return v;  // already short enough
    if (keep < 0) return 0.0;

    std::string kept = d.digits.substr(0, static_cast<std::size_t>(keep));
    const bool round_up = mode == Rounding::half_up && d.digits[static_cast<std::size_t>(keep)] >= '5';
    // An integer of `keep` digits scaled by 10^-decimals; 15 digits fit a double exactly.
    double mantissa = kept.empty() ? 0.0 : std::strtod(kept.c_str(), nullptr);
    if (round_up) mantissa += 1.0;
    // Dividing an exact integer by an exact power of ten gives the double nearest the decimal.
    const double scaled = decimals >= 0 ? mantissa / std::pow(10.0, decimals)
                                        : mantissa * std::pow(10.0, -decimals);
    if (scaled == 0.0) return 0.0;  // never −0, which would print as "-0.000"
    return std::signbit(v) ? -scaled : scaled;
}

}  // namespace nntrace
