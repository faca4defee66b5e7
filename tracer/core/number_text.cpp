#include "number_text.hpp"

#include <cmath>
#include <string>

#include "double_chars.hpp"

namespace nntrace {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The end of a run of digits starting at i.
std::size_t digits_from(std::string_view s, std::size_t i) {
    while (i < s.size() && is_digit(s[i])) ++i;
    return i;
}

}  // namespace

std::optional<double> number_from_text(std::string_view text) {
    // The shape first: read_double alone would stop early, and strtod reads hexadecimal.
    std::size_t i = 0;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
    const std::size_t integer_end = digits_from(text, i);
    std::size_t end = integer_end;
    bool any_digit = integer_end > i;
    if (end < text.size() && text[end] == '.') {
        const std::size_t fraction_end = digits_from(text, end + 1);
        any_digit = any_digit || fraction_end > end + 1;
        end = fraction_end;
    }
    if (!any_digit) return std::nullopt;
    if (end < text.size() && (text[end] == 'e' || text[end] == 'E')) {
        std::size_t e = end + 1;
        if (e < text.size() && (text[e] == '+' || text[e] == '-')) ++e;
        const std::size_t exponent_end = digits_from(text, e);
        if (exponent_end == e) return std::nullopt;
        end = exponent_end;
    }
    if (end != text.size()) return std::nullopt;
    // from_chars takes no leading '+'.
    const std::optional<double> v = read_double(text.substr(text[0] == '+' ? 1 : 0));
    if (!v || !std::isfinite(*v)) return std::nullopt;
    return v;
}

}  // namespace nntrace
