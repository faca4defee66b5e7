// The one syntax of a number a user writes as text: an answer (in a problem file, --answer, a
// grade sheet), a --set value of a problem or a lesson. Written once, so that a value one command
// accepts is not refused by another.
#pragma once

#include <optional>
#include <string_view>

namespace nntrace {

// An optional sign (+ or -), digits with at most one decimal point (at least one digit), and an
// optional exponent (e or E, an optional sign, digits): "0.5", "-3", "+2", ".5", "1e-3". No
// hexadecimal ("0x1", "0x1p-1"), inf or nan, no spaces; the value must be a finite double.
std::optional<double> number_from_text(std::string_view text);

}  // namespace nntrace
