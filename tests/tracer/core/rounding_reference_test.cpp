// round_decimal reads its digits into a buffer instead of heap strings; this compares it with the
// string version it replaced, kept here as the reference, on values of every kind a hand
// calculation meets: decimals, products and quotients of decimals, ties, tiny and huge values.
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "core/arithmetic.hpp"

using nntrace::Rounding;

namespace {

// The implementation before issue 17, verbatim in behaviour.
double reference_round(double v, int decimals, Rounding mode) {
    if (mode == Rounding::exact || !std::isfinite(v)) return v;
    if (v == 0.0) return 0.0;
    std::array<char, 64> buf{};
    auto res = std::to_chars(buf.data(), buf.data() + buf.size(), std::fabs(v), std::chars_format::scientific, 14);
    std::string text(buf.data(), res.ptr);
    const auto e = text.find('e');
    const int exponent = std::atoi(text.c_str() + e + 1);
    std::string digits;
    for (std::size_t i = 0; i < e; ++i)
        if (text[i] != '.') digits.push_back(text[i]);
    const int keep = exponent + 1 + decimals;
    if (keep >= static_cast<int>(digits.size())) return v;
    if (keep < 0) return 0.0;
    std::string kept = digits.substr(0, static_cast<std::size_t>(keep));
    const bool round_up = mode == Rounding::half_up && digits[static_cast<std::size_t>(keep)] >= '5';
    double mantissa = kept.empty() ? 0.0 : std::strtod(kept.c_str(), nullptr);
    if (round_up) mantissa += 1.0;
    const double scaled = decimals >= 0 ? mantissa / std::pow(10.0, decimals) : mantissa * std::pow(10.0, -decimals);
    if (scaled == 0.0) return 0.0;
    return std::signbit(v) ? -scaled : scaled;
}

// A fixed stream of test values (SplitMix64), the same on every run.
struct ValueStream {
    std::uint64_t state = 2026;
    std::uint64_t next() {
        std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    double decimal() {  // ±k / 10^d, as a problem file writes a value
        const double k = static_cast<double>(next() % 2000001) - 1000000.0;
        return k / std::pow(10.0, static_cast<double>(next() % 7));
    }
    double value() {
        switch (next() % 5) {
            case 0: return decimal();
            case 1: return decimal() * decimal();
            case 2: { const double d = decimal(); return d == 0 ? 1 : decimal() / d; }
            case 3: return std::ldexp(static_cast<double>(next() >> 11), -static_cast<int>(next() % 120));  // tiny to large
            default: return (static_cast<double>(next() % 20001) - 10000.0) / 2000.0 + 0.0005;  // near ties
        }
    }
};

// Whether round_decimal gives `v` at `decimals` what the reference gives, sign of zero included;
// a difference is reported with the value and counted.
bool rounds_as_reference(double v, int decimals, Rounding mode, std::size_t& differing) {
    const double got = nntrace::round_decimal(v, decimals, mode), want = reference_round(v, decimals, mode);
    if (got == want && std::signbit(got) == std::signbit(want)) return true;
    ++differing;
    INFO(v << " at " << decimals);
    CHECK(got == want);
    return false;
}

}  // namespace

TEST_CASE("Rounding: the buffered digits round exactly as the string version did", "[arithmetic]") {
    ValueStream values;
    std::size_t compared = 0, differing = 0;
    for (int i = 0; i < 40000; ++i) {
        const double v = values.value();
        for (int decimals = -2; decimals <= 12; ++decimals)
            for (Rounding mode : {Rounding::half_up, Rounding::truncate}) {
                rounds_as_reference(v, decimals, mode, differing);
                ++compared;
            }
    }
    CHECK(compared == 40000u * 15u * 2u);
    CHECK(differing == 0);
}

// round_decimal reads most values' digits by scaling instead of printing (digits_by_scaling);
// these are the values where scaling cannot be sure and must hand over to printing, or where
// the first digit moves: just below and above powers of ten, 16-digit ties (a double that is
// exactly …5 at the 16th digit), products that land near a half, and the ends of its range.
TEST_CASE("Rounding: scaled digits agree with printed digits where scaling is least sure", "[arithmetic]") {
    std::vector<double> values;
    for (int e = -10; e <= 16; ++e) {
        const double p = std::pow(10.0, e);
        for (double v : {p, std::nextafter(p, 0.0), std::nextafter(p, 1e300), p * (1 - 1e-15), p * (1 + 1e-15),
                         p * 0.99999999999999995, p * 9.9999999999999995, p * 9.99999999999999})
            values.push_back(v);
    }
    for (std::uint64_t m = 1; m < 65536; m += 97) values.push_back(static_cast<double>(m) / 65536.0);  // 16-digit ties
    values.push_back(0.9999847412109375);
    values.push_back(1e-8);
    values.push_back(std::nextafter(1e-8, 0.0));
    values.push_back(std::nextafter(1e15, 0.0));
    std::size_t differing = 0;
    for (double v : values)
        for (double signed_v : {v, -v})
            for (int decimals = -2; decimals <= 16; ++decimals)
                for (Rounding mode : {Rounding::half_up, Rounding::truncate}) rounds_as_reference(signed_v, decimals, mode, differing);
    CHECK(values.size() == 27 * 8 + 676 + 4);
    CHECK(differing == 0);
}

// Most values are rounded from |v|·10^decimals alone (rounded_by_scaling), unless that product's
// fraction lies within 10⁻⁵ of a half (or, truncating, of a whole number), or the product
// reaches 10⁸: these values sit on both sides of each of those edges.
TEST_CASE("Rounding: the product alone rounds as the digits do on both sides of its margins", "[arithmetic]") {
    std::vector<double> values;
    for (double whole : {0.0, 1.0, 7.0, 722.0, 99999.0, 12345678.0, 99999998.0})
        for (double edge : {0.0, 0.5, 1.0})
            for (int k = -40; k <= 40; ++k) values.push_back(whole + edge + k * 5e-7);
    std::size_t compared = 0, differing = 0;
    for (double t : values)
        for (int decimals = 0; decimals <= 9; ++decimals)
            for (double v : {t / std::pow(10.0, decimals), -t / std::pow(10.0, decimals)})
                for (Rounding mode : {Rounding::half_up, Rounding::truncate}) {
                    rounds_as_reference(v, decimals, mode, differing);
                    ++compared;
                }
    CHECK(compared == values.size() * 10 * 2 * 2);
    CHECK(differing == 0);
}

// On the edge itself (a half exactly, or truncating a whole number of units) the product alone
// is certain within 2·10⁻¹⁶ of it (rounded_by_scaling): values at the edge, a few units in the
// last place off it, and relatively 10⁻¹⁶…10⁻¹⁵ off it, where v's 15-digit reading moves from the
// edge to either side; and products and sums of decimals that land on the edge, as a hand
// calculation makes them (0.85 · 0.85 = 0.7225 at 3 decimals).
TEST_CASE("Rounding: the product alone rounds as the digits do on the edge itself", "[arithmetic]") {
    std::vector<double> values;
    for (double whole : {0.0, 1.0, 3.0, 7.0, 722.0, 4096.0, 99999.0, 12345678.0, 99999998.0})
        for (double edge : {0.5, 1.0}) {
            const double at = whole + edge;
            values.push_back(at);
            double below = at, above = at;
            for (int ulps = 1; ulps <= 8; ++ulps) {
                values.push_back(below = std::nextafter(below, 0.0));
                values.push_back(above = std::nextafter(above, 1e300));
            }
            for (double relative : {1e-16, 1.5e-16, 2e-16, 2.5e-16, 3e-16, 4e-16, 5e-16, 6e-16, 8e-16, 1e-15, 3e-15})
                for (double sign : {-1.0, 1.0}) values.push_back(at * (1 + sign * relative));
        }
    ValueStream stream;
    for (int i = 0; i < 20000; ++i) {  // decimals multiplied and added: exact halves and wholes
        const double a = static_cast<double>(stream.next() % 2001) / std::pow(10.0, static_cast<double>(stream.next() % 4));
        const double b = static_cast<double>(stream.next() % 2001) / std::pow(10.0, static_cast<double>(stream.next() % 4));
        values.push_back(a * b);
        values.push_back(a + b);
        values.push_back(a - b);
    }
    std::size_t compared = 0, differing = 0;
    for (double t : values)
        for (int decimals = 0; decimals <= 9; ++decimals)
            for (double v : {t / std::pow(10.0, decimals), -t / std::pow(10.0, decimals), t, -t})
                for (Rounding mode : {Rounding::half_up, Rounding::truncate}) {
                    rounds_as_reference(v, decimals, mode, differing);
                    ++compared;
                }
    CHECK(compared == values.size() * 10 * 4 * 2);
    CHECK(differing == 0);
}
