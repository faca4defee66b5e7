#include "user_text.hpp"

#include <algorithm>
#include <string_view>

#include "core/utf8.hpp"

namespace nntrace {
namespace {

constexpr const char* replacement = "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER

bool is_line_break(const std::string& text, std::size_t at, std::size_t length) {
    if (length == 1) return text[at] == '\n' || text[at] == '\r' || text[at] == '\v' || text[at] == '\f';
    if (length == 2) return text.compare(at, 2, "\xC2\x85") == 0;                        // NEL
    return length == 3 && (text.compare(at, 3, "\xE2\x80\xA8") == 0 || text.compare(at, 3, "\xE2\x80\xA9") == 0);
}

// Whether text[0, at) is digits only (the "1" of "1. item", which Markdown reads as a list).
bool all_digits_before(const std::string& text, std::size_t at) {
    if (at == 0) return false;
    for (std::size_t i = 0; i < at; ++i)
        if (text[i] < '0' || text[i] > '9') return false;
    return true;
}

// Whether `text` at the start of a line would begin a list item ("- x", "+ x") or be a rule or
// a heading's underline ("---", "==="). "-0.410" is none of these and stays as it is.
bool starts_block_at_line_start(const std::string& text) {
    const char c = text[0];
    if ((c == '-' || c == '+') && (text.size() == 1 || text[1] == ' ' || text[1] == '\t')) return true;
    return (c == '-' || c == '=') && text.find_first_not_of("-= \t") == std::string::npos;
}

}  // namespace

std::string one_line(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t at = 0; at < text.size();) {
        const std::size_t length = std::max<std::size_t>(1, utf8_length_at(text, at));
        if (text.compare(at, 2, "\r\n") == 0) {
            out += ' ';
            at += 2;
            continue;
        }
        if (is_line_break(text, at, length)) out += ' ';
        else out.append(text, at, length);
        at += length;
    }
    return out;
}

std::string markdown_text(const std::string& source) {
    const std::string text = one_line(source);
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        switch (c) {
            case '&': out += "&amp;"; continue;
            case '<': out += "&lt;"; continue;
            case '>': out += "&gt;"; continue;
            default: break;
        }
        const bool syntax = std::string_view("\\`*_[]#|$~").find(c) != std::string_view::npos;
        const bool starts_block = i == 0 && starts_block_at_line_start(text);
        const bool list_number = (c == '.' || c == ')') && all_digits_before(text, i) &&
                                 (i + 1 == text.size() || text[i + 1] == ' ');
        if (syntax || starts_block || list_number) out += '\\';
        out += c;
    }
    return out;
}

std::string link_target(const std::string& path) {
    static const char digits[] = "0123456789ABCDEF";
    std::string out;
    for (char c : path) {
        const auto b = static_cast<unsigned char>(c);
        if (b <= 0x20 || b == 0x7F || std::string_view("\"'()<>\\").find(c) != std::string_view::npos) {
            out += '%';
            out += digits[b >> 4];
            out += digits[b & 0x0F];
        } else {
            out += c;
        }
    }
    return out;
}

std::string printable_output(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t at = 0; at < text.size();) {
        const std::size_t length = utf8_length_at(text, at);
        if (length == 0) {
            out += replacement;
            ++at;
            continue;
        }
        const bool kept = text[at] == '\n' || text[at] == '\t' || !is_control_at(text, at, length);
        if (kept) out.append(text, at, length);
        else out += replacement;
        at += length;
    }
    return out;
}

}  // namespace nntrace
