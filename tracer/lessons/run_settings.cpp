#include "lessons/run_settings.hpp"

#include <cstdlib>

#include "core/errors.hpp"

namespace nntrace {
namespace {

int read_decimals(const std::string& text) {
    char* end = nullptr;
    const long n = std::strtol(text.c_str(), &end, 10);
    if (text.empty() || *end != '\0' || n < 0 || n > 12)
        throw InputError("--decimals " + text + ": expected a whole number from 0 to 12");
    return static_cast<int>(n);
}

Rounding read_rounding(const std::string& text) {
    if (text == "half-up") return Rounding::half_up;
    if (text == "truncate") return Rounding::truncate;
    throw InputError("--rounding " + text + ": expected half-up or truncate");
}

}  // namespace

RunOptions run_options_from(const RunSettings& settings) {
    RunOptions o;
    if (settings.exact && settings.decimals) throw InputError("--exact and --decimals: choose one");
    if (settings.exact && settings.rounding) throw InputError("--rounding " + *settings.rounding + ": --exact rounds nothing");
    // Alone, --rounding applies to the file's or lesson's own decimals.
    if (settings.rounding && !settings.decimals) o.rounding = read_rounding(*settings.rounding);
    if (settings.exact) o.arithmetic = Arithmetic::exact();
    if (settings.decimals) {
        const Rounding r = settings.rounding ? read_rounding(*settings.rounding) : Rounding::half_up;
        o.arithmetic = Arithmetic::hand(read_decimals(*settings.decimals), r);
    }
    for (const std::string& s : settings.sets) {
        const auto eq = s.find('=');
        if (eq == std::string::npos || eq == 0 || eq + 1 == s.size())
            throw InputError("--set " + s + ": expected NAME=VALUE");
        o.sets.emplace_back(s.substr(0, eq), s.substr(eq + 1));
    }
    return o;
}

}  // namespace nntrace
