#include "source_text.hpp"

#include <algorithm>

namespace nntrace {
namespace {

std::string_view line_of(std::string_view source, int line) {
    std::size_t start = 0;
    for (int l = 1; l < line; ++l) {
        const std::size_t end = source.find('\n', start);
        if (end == std::string_view::npos) return {};
        start = end + 1;
    }
    const std::size_t end = source.find('\n', start);
    return source.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
}

std::string_view trimmed(std::string_view s) {
    const std::size_t b = s.find_first_not_of(" \t\r");
    if (b == std::string_view::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

// The key of a `key = value` line: the text before the first '=' outside quotes.
std::string_view key_of(std::string_view text) {
    char quote = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quote) {
            if (c == '\\' && quote == '"') ++i;
            else if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '=') {
            return trimmed(text.substr(0, i));
        }
    }
    return {};
}

}  // namespace

std::string with_key_as_written(const std::string& description, std::string_view source, int line, int column) {
    const std::string_view marker = "cannot redefine existing ";
    const std::size_t at = description.find(marker);
    if (at == std::string::npos || column < 1) return description;
    const std::size_t open = description.find('\'', at);
    const std::size_t close = description.rfind('\'');
    if (open == std::string::npos || close <= open) return description;
    const std::string_view text = line_of(source, line);
    const std::string_view key = key_of(text.substr(0, std::min(text.size(), static_cast<std::size_t>(column))));
    if (key.empty()) return description;
    return description.substr(0, open + 1) + std::string(key) + description.substr(close);
}

}  // namespace nntrace
