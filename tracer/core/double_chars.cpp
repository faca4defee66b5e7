#include "double_chars.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>
#include <version>  // __cpp_lib_to_chars: set where to_chars and from_chars take a double

#if defined(__cpp_lib_to_chars)
#include <array>
#include <charconv>
#endif

namespace nntrace {
namespace portable_chars {
namespace {

std::string printed(const char* format, int precision, double v) {
    const int n = std::snprintf(nullptr, 0, format, precision, v);
    std::vector<char> buf(static_cast<std::size_t>(n) + 1);
    std::snprintf(buf.data(), buf.size(), format, precision, v);
    return std::string(buf.data(), static_cast<std::size_t>(n));
}

// A decimal written as significant digits and the power of ten of the first: 0.0725 is
// {"725", -2}. The digits have no trailing zeros (but "0" for zero).
struct Digits {
    bool negative = false;
    std::string digits;
    int exponent = 0;
};

// Digits from an integer mantissa and the power of ten of its last digit: {"1000", -3} → {"1", 0}.
Digits from_mantissa(bool negative, std::string mantissa, int last_exponent) {
    Digits d{negative, std::move(mantissa), 0};
    d.exponent = last_exponent + static_cast<int>(d.digits.size()) - 1;
    while (d.digits.size() > 1 && d.digits.back() == '0') d.digits.pop_back();
    return d;
}

// "%.*e" text ("-7.225e-01") → {true, "7225", -1}.
Digits from_scientific(const std::string& text) {
    const bool negative = text[0] == '-';
    const std::size_t e = text.find('e');
    std::string mantissa;
    for (std::size_t i = negative ? 1 : 0; i < e; ++i)
        if (text[i] != '.') mantissa += text[i];
    const int exponent = std::atoi(text.c_str() + e + 1);
    return from_mantissa(negative, mantissa, exponent - static_cast<int>(mantissa.size()) + 1);
}

std::string scientific_form(const Digits& d) {
    std::string out = d.negative ? "-" : "";
    out += d.digits[0];
    if (d.digits.size() > 1) out += "." + d.digits.substr(1);
    const int e = std::abs(d.exponent);
    out += d.exponent < 0 ? "e-" : "e+";
    if (e < 10) out += '0';
    return out + std::to_string(e);
}

std::string fixed_form(const Digits& d) {
    std::string out = d.negative ? "-" : "";
    const int n = static_cast<int>(d.digits.size());
    if (d.exponent < 0) return out + "0." + std::string(static_cast<std::size_t>(-d.exponent - 1), '0') + d.digits;
    if (d.exponent >= n - 1) return out + d.digits + std::string(static_cast<std::size_t>(d.exponent - n + 1), '0');
    return out + d.digits.substr(0, static_cast<std::size_t>(d.exponent) + 1) + "." +
           d.digits.substr(static_cast<std::size_t>(d.exponent) + 1);
}

bool reads_back(const Digits& d, double v) { return std::strtod(scientific_form(d).c_str(), nullptr) == v; }

// The mantissa one unit up or down in its last digit ("999" + 1 → "1000", "100" − 1 → "99").
std::string step_mantissa(std::string m, int by) {
    int i = static_cast<int>(m.size()) - 1;
    if (by > 0) {
        while (i >= 0 && m[static_cast<std::size_t>(i)] == '9') m[static_cast<std::size_t>(i--)] = '0';
        if (i < 0) return "1" + m;
        ++m[static_cast<std::size_t>(i)];
        return m;
    }
    while (i >= 0 && m[static_cast<std::size_t>(i)] == '0') m[static_cast<std::size_t>(i--)] = '9';
    if (i < 0) return "";
    --m[static_cast<std::size_t>(i)];
    const std::size_t first = m.find_first_not_of('0');
    return first == std::string::npos ? "" : m.substr(first);
}

// The shortest digits that read back as `v`, the nearest to it among those of that length (as
// Ryu, which the standard library uses, finds them). The correctly rounded n digits are the
// nearest n-digit decimal, so they read back whenever any n-digit decimal does, and then so do
// the n + 1 nearest: the shortest length is found by halving. Except at a power of two, where
// the double below is nearer than the one above: the decimal one unit up or down in the last
// digit may then read back where the nearest does not, so every length is tried in turn.
Digits shortest_digits(double v) {
    int exponent = 0;
    if (std::frexp(v, &exponent) != 0.5 && std::frexp(v, &exponent) != -0.5) {
        int low = 0, high = 16;  // "%.16e" (17 digits) always reads back
        while (low < high) {
            const int middle = (low + high) / 2;
            if (reads_back(from_scientific(printed("%.*e", middle, v)), v)) high = middle;
            else low = middle + 1;
        }
        return from_scientific(printed("%.*e", low, v));
    }
    for (int precision = 0; precision < 17; ++precision) {
        const Digits nearest = from_scientific(printed("%.*e", precision, v));
        if (reads_back(nearest, v)) return nearest;
        const int width = precision + 1;  // the digits printed, trailing zeros included
        std::string mantissa = nearest.digits + std::string(static_cast<std::size_t>(width) - nearest.digits.size(), '0');
        const int last = nearest.exponent - width + 1;
        for (int by : {+1, -1}) {
            const std::string stepped = step_mantissa(mantissa, by);
            if (stepped.empty()) continue;
            const Digits d = from_mantissa(nearest.negative, stepped, last);
            if (static_cast<int>(d.digits.size()) <= width && reads_back(d, v)) return d;
        }
    }
    return from_scientific(printed("%.*e", 16, v));  // 17 digits always read back
}

}  // namespace

std::string shortest_text(double v) {
    if (!std::isfinite(v)) return printed("%.*g", 1, v);  // "inf", "-inf", "nan", "-nan"
    const Digits d = shortest_digits(v);
    const std::string fixed = fixed_form(d), scientific = scientific_form(d);
    if (fixed.size() > scientific.size()) return scientific;
    // A whole number in %f form is written with all its digits, not the shortest ones padded
    // with zeros (libstdc++ writes 123456789012345683968, not 123456789012345680000); the
    // same length either way.
    if (d.exponent >= static_cast<int>(d.digits.size()) - 1) return printed("%.*f", 0, v);
    return fixed;
}

std::string fixed_text(double v, int decimals) { return printed("%.*f", decimals, v); }

std::string scientific_text(double v, int digits_after_point) { return printed("%.*e", digits_after_point, v); }
std::string general_text(double v, int significant) { return printed("%.*g", significant, v); }

std::optional<double> read_double(std::string_view text) {
    // What from_chars refuses and strtod takes: a leading '+' or space, hexadecimal.
    if (text.empty() || text[0] == '+' || std::isspace(static_cast<unsigned char>(text[0])) ||
        text.find_first_of("xX") != std::string_view::npos)
        return std::nullopt;
    const std::string copy(text);
    char* end = nullptr;
    errno = 0;
    const double v = std::strtod(copy.c_str(), &end);
    if (end != copy.c_str() + copy.size()) return std::nullopt;
    // Out of range: too large, or too small for any double but zero (a subnormal value is kept,
    // though strtod may flag it).
    if (errno == ERANGE && (v == 0 || std::isinf(v))) return std::nullopt;
    return v;
}

}  // namespace portable_chars

#if defined(__cpp_lib_to_chars)

namespace {

template <typename... Format>
std::string to_chars_text(double v, Format... format) {
    std::array<char, 400> buf{};  // the largest double at 12 decimals needs 322
    const auto res = std::to_chars(buf.data(), buf.data() + buf.size(), v, format...);
    return std::string(buf.data(), res.ptr);
}

}  // namespace

std::string shortest_text(double v) { return to_chars_text(v); }
std::string fixed_text(double v, int decimals) { return to_chars_text(v, std::chars_format::fixed, decimals); }
std::string scientific_text(double v, int digits_after_point) {
    return to_chars_text(v, std::chars_format::scientific, digits_after_point);
}
std::string general_text(double v, int significant) {
    return to_chars_text(v, std::chars_format::general, significant);
}
std::size_t scientific_chars(double v, int digits_after_point, char* out, std::size_t size) {
    const auto res = std::to_chars(out, out + size, v, std::chars_format::scientific, digits_after_point);
    return static_cast<std::size_t>(res.ptr - out);
}
std::optional<double> read_double(std::string_view text) {
    double v = 0;
    const auto res = std::from_chars(text.data(), text.data() + text.size(), v);
    if (res.ec != std::errc() || res.ptr != text.data() + text.size()) return std::nullopt;
    return v;
}

#else

std::string shortest_text(double v) { return portable_chars::shortest_text(v); }
std::string fixed_text(double v, int decimals) { return portable_chars::fixed_text(v, decimals); }
std::string scientific_text(double v, int digits_after_point) {
    return portable_chars::scientific_text(v, digits_after_point);
}
std::string general_text(double v, int significant) { return portable_chars::general_text(v, significant); }
std::size_t scientific_chars(double v, int digits_after_point, char* out, std::size_t size) {
    const int n = std::snprintf(out, size, "%.*e", digits_after_point, v);
    return n < 0 ? 0 : std::min(static_cast<std::size_t>(n), size == 0 ? 0 : size - 1);
}
std::optional<double> read_double(std::string_view text) { return portable_chars::read_double(text); }

#endif

}  // namespace nntrace
