// toml++ reads nested tables and arrays by recursion, and a header `[a.a.a.…]` of 100,000 parts
// overflows the stack inside it. The text is measured before toml++ sees it.
#pragma once

#include <string>
#include <string_view>

namespace nntrace {

// How deep tables (the parts of a dotted key or header), arrays and inline tables may nest.
constexpr int max_toml_nesting = 100;

// Throws InputError at the line and column where the text nests deeper than max_toml_nesting.
// Strings and comments are skipped; otherwise the count errs on the side of toml++, which reports
// every real syntax error itself.
void check_toml_nesting(std::string_view text, const std::string& file);

}  // namespace nntrace
