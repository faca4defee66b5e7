// UTF-8 as users hand it to us: titles, names, file names, CSV cells. Checked once here, so that
// a message shows a character whole (never half of "é") and a page declared UTF-8 never carries
// a broken byte or a raw control character.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace nntrace {

// The length of the well-formed UTF-8 character starting at text[at] (1 to 4), or 0 when the
// bytes there are not one (a stray continuation byte, a cut sequence, an overlong form, a
// surrogate, a value past U+10FFFF).
std::size_t utf8_length_at(std::string_view text, std::size_t at);

// Where the first byte that is not well-formed UTF-8 sits, if any.
std::optional<std::size_t> first_invalid_utf8(std::string_view text);

// Whether the character starting at text[at] (of `length` bytes) is a control character:
// C0 (U+0000–U+001F), DEL, or C1 (U+0080–U+009F).
bool is_control_at(std::string_view text, std::size_t at, std::size_t length);

// Text for a message on a terminal: whole characters as they are, a control character or a
// byte that is not UTF-8 written as \xNN ("\x1b", "\x00", "\xc3"), a line break as \n. Nothing
// in the result can move the cursor, change colours or cut the message short.
std::string visible_text(std::string_view text);

// The character starting at text[at] for a message: "é" whole, "\x1b" for a control character.
std::string visible_character_at(std::string_view text, std::size_t at);

}  // namespace nntrace
