#include "source_text.hpp"

#include <cstdint>

namespace nntrace {
namespace {

// Bytes in the UTF-8 sequence a leading byte starts (1 for a stray continuation byte).
std::size_t sequence_length(unsigned char lead) {
    if (lead >= 0xF0) return 4;
    if (lead >= 0xE0) return 3;
    if (lead >= 0xC0) return 2;
    return 1;
}

// Bytes that \uXXXX or \UXXXXXXXX decodes to.
std::size_t utf8_length(std::uint32_t code_point) {
    if (code_point < 0x80) return 1;
    if (code_point < 0x800) return 2;
    if (code_point < 0x10000) return 3;
    return 4;
}

bool is_blank(char c) { return c == ' ' || c == '\t'; }

}  // namespace

FilePosition SourceText::at(int column) const {
    if (from.empty()) return {};
    const auto i = static_cast<std::size_t>(column < 1 ? 0 : column - 1);
    return i < from.size() ? from[i] : from.back();
}

SourceLines::SourceLines(std::string_view text) : text_(text) {
    line_starts_.push_back(0);
    for (std::size_t i = 0; i < text_.size(); ++i)
        if (text_[i] == '\n') line_starts_.push_back(i + 1);
}

std::size_t SourceLines::byte_offset(int line, int column) const {
    if (line < 1 || static_cast<std::size_t>(line) > line_starts_.size()) return text_.size();
    std::size_t p = line_starts_[static_cast<std::size_t>(line - 1)];
    for (int c = 1; c < column && p < text_.size() && text_[p] != '\n'; ++c)
        p += sequence_length(static_cast<unsigned char>(text_[p]));
    return p < text_.size() ? p : text_.size();
}

std::string SourceLines::raw(FilePosition begin, FilePosition end) const {
    const std::size_t b = byte_offset(begin.line, begin.column);
    const std::size_t e = end.line == begin.line ? byte_offset(end.line, end.column) : text_.find('\n', b);
    return text_.substr(b, (e == std::string::npos ? text_.size() : e) - b);
}

namespace {

// Walks the raw text of a string literal one character at a time, keeping the file position.
class Cursor {
public:
    Cursor(const std::string& text, std::size_t p, FilePosition pos) : text_(text), p_(p), pos_(pos) {}

    bool done() const { return p_ >= text_.size(); }
    char peek(std::size_t ahead = 0) const { return p_ + ahead < text_.size() ? text_[p_ + ahead] : '\0'; }
    FilePosition position() const { return pos_; }

    // Moves past one character and returns how many bytes it had.
    std::size_t step() {
        const char c = text_[p_];
        if (c == '\n') {
            ++pos_.line;
            pos_.column = 1;
            ++p_;
            return 1;
        }
        const std::size_t n = sequence_length(static_cast<unsigned char>(c));
        p_ += n;
        ++pos_.column;
        return n;
    }

    bool at_newline() const { return peek() == '\n' || (peek() == '\r' && peek(1) == '\n'); }
    void skip_newline() {
        if (peek() == '\r') step();
        step();
    }

    std::size_t run_of(char q) const {
        std::size_t n = 0;
        while (peek(n) == q) ++n;
        return n;
    }

private:
    const std::string& text_;
    std::size_t p_;
    FilePosition pos_;
};

// One escape sequence of a basic string, the cursor on its backslash: records every byte it
// decodes to at the backslash's position.
void read_escape(Cursor& c, bool multi_line, std::vector<FilePosition>& from) {
    const FilePosition at = c.position();
    c.step();  // the backslash
    if (multi_line && (is_blank(c.peek()) || c.at_newline())) {
        // A line-ending backslash: the newline and the blanks around it are dropped.
        while (!c.done() && (is_blank(c.peek()) || c.at_newline())) c.step();
        return;
    }
    const char kind = c.peek();
    c.step();
    std::size_t bytes = 1;
    if (kind == 'u' || kind == 'U') {
        const int digits = kind == 'u' ? 4 : 8;
        std::uint32_t code_point = 0;
        for (int i = 0; i < digits && !c.done(); ++i) {
            const char h = c.peek();
            const std::uint32_t v = h <= '9' ? static_cast<std::uint32_t>(h - '0')
                                             : static_cast<std::uint32_t>((h | 0x20) - 'a' + 10);
            code_point = code_point * 16 + v;
            c.step();
        }
        bytes = utf8_length(code_point);
    }
    from.insert(from.end(), bytes, at);
}

}  // namespace

SourceText SourceLines::locate_string(const std::string& value, FilePosition quote) const {
    SourceText out;
    out.text = value;
    Cursor c(text_, byte_offset(quote.line, quote.column), quote);
    const char q = c.peek();
    const bool basic = q == '"';
    const bool multi_line = c.run_of(q) >= 3;
    for (int i = 0; i < (multi_line ? 3 : 1); ++i) c.step();
    if (multi_line && c.at_newline()) c.skip_newline();  // TOML trims this first newline
    const FilePosition first = c.position();

    while (!c.done()) {
        const std::size_t quotes = c.run_of(q);
        if (!multi_line && quotes >= 1) break;
        // A multi-line string may end with one or two quotes of its own before the delimiter.
        if (multi_line && quotes >= 3 && quotes <= 5) {
            for (std::size_t i = 0; i < quotes - 3; ++i) out.from.push_back(c.position()), c.step();
            break;
        }
        if (basic && c.peek() == '\\') {
            read_escape(c, multi_line, out.from);
            continue;
        }
        if (c.peek() == '\r' && c.peek(1) == '\n') c.step();  // TOML reads CRLF as a newline
        const FilePosition at = c.position();
        out.from.insert(out.from.end(), c.step(), at);
    }
    out.from.push_back(c.position());
    if (out.from.size() != value.size() + 1) out.from.assign(value.size() + 1, first);
    return out;
}

}  // namespace nntrace
