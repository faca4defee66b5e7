// Where a string of a problem file came from, character by character, so that an error found
// at column 7 of an expression is reported at the file's own line and column.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace nntrace {

// 1-based, as editors show them; columns count characters (code points), as toml++ does.
struct FilePosition {
    int line = 0;
    int column = 0;
};

struct SourceText {
    std::string text;                // the string's value, escapes decoded
    std::vector<FilePosition> from;  // from[i]: where byte i of `text` was written; one more
                                     // entry for the position just past the last character

    // The file position of a 1-based column of `text` (as the expression parser counts).
    FilePosition at(int column) const;
};

// The lines of a file, kept to find the raw text of a value that toml++ has already decoded.
class SourceLines {
public:
    explicit SourceLines(std::string_view text);

    // Maps each byte of `value`, a TOML string whose opening quote is at `quote`, back to the
    // file. Basic and literal strings, single- and multi-line, with escapes, are followed
    // exactly; if the raw text does not decode to `value` (it should not happen), every byte is
    // placed just after the quote, which is still the right line.
    SourceText locate_string(const std::string& value, FilePosition quote) const;

    // The raw text of a single-line value between two positions: a number as written.
    std::string raw(FilePosition begin, FilePosition end) const;

private:
    std::size_t byte_offset(int line, int column) const;  // in text_
    std::string text_;
    std::vector<std::size_t> line_starts_;
};

}  // namespace nntrace
