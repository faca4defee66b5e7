// A double as text and back, with exactly the results of std::to_chars and std::from_chars.
// GCC 12's libstdc++ has them for double; libc++ 14 (the library of Emscripten 3.1.6, which
// compiles the engine for the browser) has them for integers only. Every caller goes through
// these functions, so both builds run the same code around one choice made here: the standard
// functions where the library declares them (__cpp_lib_to_chars), else printf and strtod, whose
// results are the same digits (checked against the standard functions in the native tests).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace nntrace {

// std::to_chars(v): the shortest digits that read back as the same double, written as %f or %e
// would write them, whichever is shorter (%f on a tie): "0.5", "2", "1e-05", "1.5e+300".
std::string shortest_text(double v);

// std::to_chars(v, fixed, decimals): "%.*f".
std::string fixed_text(double v, int decimals);

// std::to_chars(v, scientific, digits_after_point): "%.*e", "7.225e-01".
std::string scientific_text(double v, int digits_after_point);

// std::to_chars(v, general, significant): "%.*g", 0.7225 at 15 digits (not 0.72249999…).
std::string general_text(double v, int significant);

// The same digits into the caller's buffer, for the hot path that may not allocate (round_decimal
// runs for every number a hand calculation writes down): the number of chars written, at most
// `size` (a 15-digit scientific number needs 21).
std::size_t scientific_chars(double v, int digits_after_point, char* out, std::size_t size);

// std::from_chars over the whole text ("0.5", "-3", "1e-3"; no leading '+', no spaces): the
// value, or nothing when the text is not all one number or its value is out of a double's range.
std::optional<double> read_double(std::string_view text);

// The printf/strtod forms, compiled everywhere so that the native tests compare them with the
// standard functions. Not for callers: use the functions above.
namespace portable_chars {
std::string shortest_text(double v);
std::string fixed_text(double v, int decimals);
std::string scientific_text(double v, int digits_after_point);
std::string general_text(double v, int significant);
std::optional<double> read_double(std::string_view text);
}  // namespace portable_chars

}  // namespace nntrace
