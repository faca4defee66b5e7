#include "utf8.hpp"

namespace nntrace {
namespace {

unsigned char byte_at(std::string_view text, std::size_t at) { return static_cast<unsigned char>(text[at]); }

bool continuation(std::string_view text, std::size_t at) {
    return at < text.size() && (byte_at(text, at) & 0xC0) == 0x80;
}

std::string hex_escape(unsigned char b) {
    static const char digits[] = "0123456789abcdef";
    return std::string("\\x") + digits[b >> 4] + digits[b & 0x0F];
}

}  // namespace

std::size_t utf8_length_at(std::string_view text, std::size_t at) {
    if (at >= text.size()) return 0;
    const unsigned char lead = byte_at(text, at);
    if (lead < 0x80) return 1;
    // The lead byte gives the length and the range the second byte must fall in (RFC 3629):
    // this refuses overlong forms (C0, C1, E0 80..9F, F0 80..8F), surrogates (ED A0..BF) and
    // values past U+10FFFF (F4 90.., F5..FF).
    std::size_t length = 0;
    unsigned char low = 0x80, high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) length = 2;
    else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        if (lead == 0xE0) low = 0xA0;
        if (lead == 0xED) high = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        if (lead == 0xF0) low = 0x90;
        if (lead == 0xF4) high = 0x8F;
    } else {
        return 0;
    }
    if (at + length > text.size()) return 0;
    const unsigned char second = byte_at(text, at + 1);
    if (second < low || second > high) return 0;
    for (std::size_t k = 2; k < length; ++k)
        if (!continuation(text, at + k)) return 0;
    return length;
}

std::optional<std::size_t> first_invalid_utf8(std::string_view text) {
    for (std::size_t at = 0; at < text.size();) {
        const std::size_t length = utf8_length_at(text, at);
        if (length == 0) return at;
        at += length;
    }
    return std::nullopt;
}

bool is_control_at(std::string_view text, std::size_t at, std::size_t length) {
    const unsigned char lead = byte_at(text, at);
    if (length == 1) return lead < 0x20 || lead == 0x7F;
    // U+0080–U+009F are C2 80 – C2 9F.
    return length == 2 && lead == 0xC2 && byte_at(text, at + 1) <= 0x9F;
}

std::string visible_character_at(std::string_view text, std::size_t at) {
    const std::size_t length = utf8_length_at(text, at);
    if (length == 0) return hex_escape(byte_at(text, at));
    if (length == 1 && text[at] == '\n') return "\\n";
    if (!is_control_at(text, at, length)) return std::string(text.substr(at, length));
    std::string out;
    for (std::size_t k = 0; k < length; ++k) out += hex_escape(byte_at(text, at + k));
    return out;
}

std::string visible_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t at = 0; at < text.size();) {
        const std::size_t length = utf8_length_at(text, at);
        out += visible_character_at(text, at);
        at += length == 0 ? 1 : length;
    }
    return out;
}

}  // namespace nntrace
