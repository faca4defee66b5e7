#include "compare.hpp"

#include <cmath>
#include <cstdlib>

#include "number_text.hpp"

namespace nntrace {
namespace {

Message reason(const char* id) { return Message{id, {}}; }

}  // namespace

double last_digit_units(double v, int decimals, Rounding r) {
    return std::round(round_decimal(v, decimals, r) * std::pow(10.0, decimals));
}

std::optional<Printed> read_printed(const std::string& text) {
    std::string clean;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == ' ') continue;
        if (text.compare(i, 3, "\xE2\x88\x92") == 0) {  // U+2212 MINUS SIGN
            clean.push_back('-');
            i += 2;
            continue;
        }
        clean.push_back(static_cast<char>(c));
    }
    if (clean.find_first_of("eE") != std::string::npos) return std::nullopt;  // printed figures are plain decimals
    const auto v = number_from_text(clean);
    if (!v) return std::nullopt;
    Printed p{*v, 0};
    if (const auto dot = clean.find('.'); dot != std::string::npos)
        p.decimals = static_cast<int>(clean.size() - dot - 1);
    return p;
}

Comparison compare_published(std::string key, std::string label, const std::string& published,
                             std::optional<Num> computed) {
    Comparison c;
    c.key = std::move(key);
    c.label = std::move(label);
    c.published = published;
    const auto printed = read_printed(published);
    if (printed) c.digits = printed->decimals;
    if (!computed || !printed) {
        c.reason = reason(printed ? "reason.not_computed" : "reason.unreadable");
        return c;
    }
    c.computed = *computed;
    const int d = printed->decimals;
    const double p = last_digit_units(printed->value, d, Rounding::half_up);
    const double used = last_digit_units(computed->hand, d, Rounding::half_up);
    const bool exact_rounds_to_it = last_digit_units(computed->exact, d, Rounding::half_up) == p;
    const bool truncation_gives_it = last_digit_units(computed->hand, d, Rounding::truncate) == p ||
                                     last_digit_units(computed->exact, d, Rounding::truncate) == p;
    if (used == p) {
        c.verdict = Comparison::Verdict::matches;
    } else if (std::fabs(used - p) == 1.0) {
        c.verdict = Comparison::Verdict::last_digit;
        if (truncation_gives_it) c.reason = reason("reason.truncated");
        else if (exact_rounds_to_it) c.reason = reason("reason.rounded_at_end");
        else c.reason = reason("reason.last_digit_unexplained");
    } else {
        c.verdict = Comparison::Verdict::differs;
        if (exact_rounds_to_it) c.reason = reason("reason.rounded_intermediates");
        else if (truncation_gives_it) c.reason = reason("reason.truncated");
    }
    return c;
}

}  // namespace nntrace
