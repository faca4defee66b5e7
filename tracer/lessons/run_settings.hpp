// The arithmetic and parameter options of a run as the user typed them (--decimals N, --exact,
// --rounding MODE, --set NAME=VALUE), read into RunOptions with one set of checks and messages
// for every front end: the command line (cli/options.cpp) and the pages' panel in the browser
// (web/web_api.cpp).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/run_options.hpp"

namespace nntrace {

struct RunSettings {
    bool exact = false;                   // --exact
    std::optional<std::string> decimals;  // --decimals N
    std::optional<std::string> rounding;  // --rounding MODE
    std::vector<std::string> sets;        // --set NAME=VALUE, in the order given
};

// Throws InputError naming the option ("--decimals 13: expected a whole number from 0 to 12",
// "--set w5: expected NAME=VALUE"). The names and values of --set are the lesson's or the
// problem's to check, when it runs.
RunOptions run_options_from(const RunSettings& settings);

}  // namespace nntrace
