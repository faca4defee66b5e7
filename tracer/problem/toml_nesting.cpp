#include "problem/toml_nesting.hpp"

#include <cctype>

#include "core/errors.hpp"

namespace nntrace {
namespace {

// A character that may continue a dotted key (`a.b`, `"a".b`): a bare-key character or a blank.
bool continues_key(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == ' ' || c == '\t';
}

class NestingScan {
public:
    NestingScan(std::string_view text, const std::string& file) : text_(text), file_(file) {}

    void run() {
        while (p_ < text_.size()) {
            const char c = text_[p_];
            if (c == '#') skip_until("\n");
            else if (c == '"' || c == '\'') skip_string(c);
            else if (c == '[' || c == '{') open(), advance();
            else if (c == ']' || c == '}') close(), advance();
            else if (c == '.') dot(), advance();
            else {
                // Anything else but a key's own characters ends a dotted key (a float's one dot
                // is counted and forgotten at the next ',' or newline).
                if (!continues_key(c)) dots_ = 0;
                advance();
            }
        }
    }

private:
    void open() {
        ++brackets_;
        dots_ = 0;
        check();
    }
    void close() {
        if (brackets_ > 0) --brackets_;
        dots_ = 0;
    }
    void dot() {
        ++dots_;
        check();
    }

    void check() const {
        if (brackets_ + dots_ > max_toml_nesting)
            throw InputError(file_, line_, column_,
                             "tables, dotted keys, arrays and inline tables nest more than " +
                                 std::to_string(max_toml_nesting) + " levels deep here");
    }

    // A string is opaque; one of three quotes runs to the next three.
    void skip_string(char quote) {
        const bool multi_line = text_.compare(p_, 3, std::string(3, quote)) == 0;
        const std::size_t opening = multi_line ? 3 : 1;
        for (std::size_t i = 0; i < opening; ++i) advance();
        while (p_ < text_.size()) {
            const char c = text_[p_];
            if (quote == '"' && c == '\\') {
                advance();
                if (p_ < text_.size()) advance();
                continue;
            }
            if (!multi_line && c == '\n') return;  // toml++ reports the unterminated string
            if (c == quote && (!multi_line || text_.compare(p_, 3, std::string(3, quote)) == 0)) {
                for (std::size_t i = 0; i < opening; ++i) advance();
                return;
            }
            advance();
        }
    }

    void skip_until(std::string_view end) {
        while (p_ < text_.size() && end.find(text_[p_]) == std::string_view::npos) advance();
    }

    // One byte on; lines and columns as toml++ counts them (columns in characters).
    void advance() {
        const char c = text_[p_++];
        if (c == '\n') {
            ++line_;
            column_ = 1;
            dots_ = 0;
        } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
            ++column_;
        }
    }

    std::string_view text_;
    const std::string& file_;
    std::size_t p_ = 0;
    int line_ = 1;
    int column_ = 1;
    int brackets_ = 0;  // open [ and {
    int dots_ = 0;      // dots of the dotted key being read
};

}  // namespace

void check_toml_nesting(std::string_view text, const std::string& file) { NestingScan(text, file).run(); }

}  // namespace nntrace
