#include "arithmetic.hpp"

#include <array>
#include <cmath>
#include <optional>
#include <cstdint>
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

// The same digits as read_at_display_precision, into a buffer of the caller's: round_decimal
// runs for every number a hand calculation writes down, and a heap string each time was most of
// the cost of judging a class (issue 17). Returns the number of digits (significant_digits).
int display_digits(double v, std::array<char, significant_digits>& digits, int& exponent) {
    std::array<char, 64> buf{};
    const std::size_t length = scientific_chars(std::fabs(v), significant_digits - 1, buf.data(), buf.size());
    int n = 0;  // d.dddddddddddddde±XX
    const char* at = buf.data();
    const char* const end = buf.data() + length;
    for (; at != end && *at != 'e'; ++at)
        if (*at != '.') digits[static_cast<std::size_t>(n++)] = *at;
    exponent = std::atoi(at + 1);  // "-05", "+12"
    return n;
}

namespace {

// The powers of ten a double holds exactly.
constexpr std::array<double, 23> exact_powers = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                                 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
constexpr std::array<std::uint64_t, 16> integer_powers = {
    1ULL,           10ULL,           100ULL,           1000ULL,           10000ULL,           100000ULL,
    1000000ULL,     10000000ULL,     100000000ULL,     1000000000ULL,     10000000000ULL,     100000000000ULL,
    1000000000000ULL, 10000000000000ULL, 100000000000000ULL, 1000000000000000ULL};

// 10^n for n ≥ 0: from the table where a double holds it exactly (what std::pow gives there, as
// glibc's pow is correctly rounded, without its cost on every rounded number), else std::pow.
double power_of_ten(int n) {
    return n < static_cast<int>(exact_powers.size()) ? exact_powers[static_cast<std::size_t>(n)] : std::pow(10.0, n);
}

// The 15 significant digits of |v| as an integer D (10¹⁴ ≤ D < 10¹⁵) and the power of ten of the
// first, as display_digits gives them, computed with one multiplication instead of printing the
// double: |v|·10^(14−exponent) is a correctly rounded product, within 0.12 of the exact one, so
// its nearest integer is the exact digits' unless the product lies near a half. There (and for
// |v| outside 10⁻⁸…10¹⁵, where the power of ten is not exact) it says no, and the caller prints.
bool digits_by_scaling(double magnitude, std::uint64_t& digits, int& exponent) {
    if (!(magnitude >= 1e-8 && magnitude < 1e15)) return false;
    int e = 0;
    if (magnitude >= 1.0) {
        while (e < 14 && magnitude >= exact_powers[static_cast<std::size_t>(e + 1)]) ++e;
    } else {
        while (e > -8 && magnitude * exact_powers[static_cast<std::size_t>(-e)] < 1.0) --e;
        // 10^e ≤ |v| holds up to the product's rounding; the checks below catch the rest.
    }
    const double scaled = magnitude * exact_powers[static_cast<std::size_t>(14 - e)];
    const double whole = std::floor(scaled);
    const double fraction = scaled - whole;
    if (fraction > 0.375 && fraction < 0.625) return false;  // near a half: only printing can tell
    const double nearest = fraction >= 0.5 ? whole + 1.0 : whole;
    // Off by a power of ten (a value just below one, or 9.99…95 shown as 1.00…0): printing knows.
    if (nearest < 1e14 || nearest >= 1e15) return false;
    digits = static_cast<std::uint64_t>(nearest);
    exponent = e;
    return true;
}

// The value rounded from t = |v|·10^decimals alone, when that is certain: v's 15 significant
// digits (what the digits below round) differ from v by less than 5·10⁻¹⁵ of it, so below
// t = 10⁸ they put t·10^-decimals off by less than 5·10⁻⁷ units of the last decimal, and t itself
// is within 10⁻⁸ of the exact product. Unless t's fraction lies within 10⁻⁵ of where the
// rounding changes (a half, or for truncation a whole number), both round alike. Most numbers
// of a hand calculation are rounded here; the others go through the digits.
//
// On the edge itself, which a hand calculation meets all the time (0.85 · 0.85 = 0.7225 at 3
// decimals; a sum of numbers already at `decimals`, truncated), it is certain too: when t lies
// within 2·10⁻¹⁶·t of the edge point P (a half, or a whole number ≥ 1), v·10^decimals lies within
// 3.2·10⁻¹⁶ of it relatively (t's own rounding adds at most 2⁻⁵³), closer than half a unit of v's
// 15th significant digit (at least 5·10⁻¹⁶ of v), and P·10^-decimals has at most ten digits: so
// it is v's 15-digit reading, which the digits below would round from exactly.
std::optional<double> rounded_by_scaling(double v, int decimals, Rounding mode) {
    constexpr double margin = 1e-5;
    constexpr double on_the_edge = 2e-16;
    if (decimals < 0 || decimals > 15) return std::nullopt;
    const double t = std::fabs(v) * exact_powers[static_cast<std::size_t>(decimals)];
    if (!(t < 1e8)) return std::nullopt;
    const double whole = static_cast<double>(static_cast<std::int64_t>(t));  // floor, as 0 ≤ t < 10⁸, without a call
    const double fraction = t - whole;  // exact: t and whole are within a factor of two, or whole is 0
    double kept = whole;
    if (mode == Rounding::half_up) {
        if (std::fabs(fraction - 0.5) < margin) {
            if (!(std::fabs(t - (whole + 0.5)) <= on_the_edge * t)) return std::nullopt;
            kept += 1.0;  // a half itself: away from zero
        } else if (fraction > 0.5) {
            kept += 1.0;
        }
    } else if (fraction < margin || fraction > 1.0 - margin) {
        if (t < margin) return 0.0;  // below a hundred-thousandth of a unit: nothing is kept
        const double edge = fraction < 0.5 ? whole : whole + 1.0;
        if (!(std::fabs(t - edge) <= on_the_edge * t)) return std::nullopt;
        kept = edge;  // a whole number of units, up to t's own rounding
    }
    // The same division by the same power of ten as below, so the same double.
    const double scaled = kept / power_of_ten(decimals);
    if (scaled == 0.0) return 0.0;  // never −0
    return std::signbit(v) ? -scaled : scaled;
}

}  // namespace

double round_decimal(double v, int decimals, Rounding mode) {
    if (mode == Rounding::exact || !std::isfinite(v)) return v;
    if (v == 0.0) return 0.0;  // a hand calculation never writes −0 (e.g. −0.57 · 0)
    // A whole number of fewer than 15 digits has no digit to drop: the local derivatives of sums
    // and differences (±1) are rounded in every run.
    if (decimals >= 0 && std::fabs(v) < 1e15 && static_cast<double>(static_cast<std::int64_t>(v)) == v) return v;
    if (const auto rounded = rounded_by_scaling(v, decimals, mode)) return *rounded;
    // The kept digits as an integer and the first digit dropped, from the scaled digits when
    // they are certain (almost always: grading a class rounds millions of numbers), else from
    // the printed ones.
    std::uint64_t kept = 0;
    int next_digit = 0;
    std::uint64_t scaled_digits = 0;
    int exponent = 0;
    if (digits_by_scaling(std::fabs(v), scaled_digits, exponent)) {
        const int keep = exponent + 1 + decimals;  // digits before the point and `decimals` after it
        if (keep >= significant_digits) return v;  // already short enough
        if (keep < 0) return 0.0;
        kept = scaled_digits / integer_powers[static_cast<std::size_t>(significant_digits - keep)];
        next_digit = static_cast<int>(scaled_digits / integer_powers[static_cast<std::size_t>(significant_digits - 1 - keep)] % 10);
    } else {
        std::array<char, significant_digits> digits{};
        const int count = display_digits(v, digits, exponent);
        const int keep = exponent + 1 + decimals;
        if (keep >= count) return v;
        if (keep < 0) return 0.0;
        for (int i = 0; i < keep; ++i) kept = kept * 10 + static_cast<std::uint64_t>(digits[static_cast<std::size_t>(i)] - '0');
        next_digit = digits[static_cast<std::size_t>(keep)] - '0';
    }

    // An integer of `keep` (< 15) digits, exact in a double, scaled by 10^-decimals.
    double mantissa = static_cast<double>(kept);
    if (mode == Rounding::half_up && next_digit >= 5) mantissa += 1.0;
    // Dividing an exact integer by an exact power of ten gives the double nearest the decimal.
    const double scaled = decimals >= 0 ? mantissa / power_of_ten(decimals) : mantissa * power_of_ten(-decimals);
    if (scaled == 0.0) return 0.0;  // never −0, which would print as "-0.000"
    return std::signbit(v) ? -scaled : scaled;
}

bool near_rounding_boundary(double v, int decimals, Rounding mode, double tolerance) {
    if (mode == Rounding::exact || !std::isfinite(v) || v == 0.0) return false;
    const Decimal d = read_at_display_precision(v);
    const int keep = d.exponent + 1 + decimals;
    // What lies past the last kept digit, as a fraction of one unit of that digit: 0.7225 at 3
    // decimals leaves 0.5; a value too small to reach the last digit leaves |v|·10^decimals.
    double tail = 0;
    if (keep < 0) tail = std::fabs(v) * std::pow(10.0, decimals);
    else if (keep < static_cast<int>(d.digits.size()))
        tail = std::strtod(("0." + d.digits.substr(static_cast<std::size_t>(keep))).c_str(), nullptr);
    const double unit = std::pow(10.0, -decimals);
    if (mode == Rounding::half_up) return std::fabs(tail - 0.5) * unit <= tolerance;
    // Truncating: a value exactly on a whole last digit is safe; one just below it is not.
    return tail > 0 && (1.0 - tail) * unit <= tolerance;
}

thread_local RoundingWatch* RoundingWatch::active_ = nullptr;

RoundingWatch::RoundingWatch(double tolerance) : tolerance_(tolerance), outer_(active_) { active_ = this; }

RoundingWatch::~RoundingWatch() { active_ = outer_; }

}  // namespace nntrace
