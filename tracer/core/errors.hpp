// Bad input from a user: a file, a line and a column, or an option, and what is wrong.
// The message quotes what the user wrote, so it is made visible here, once for every message:
// a control character or a broken UTF-8 byte shows as \xNN (a NUL no longer cuts the message,
// an ESC no longer reaches the terminal), whole characters stay as they are.
#pragma once

#include <stdexcept>
#include <string>

#include "utf8.hpp"

namespace nntrace {

class InputError : public std::runtime_error {
public:
    // A position in a file (line and column 1-based; 0 when unknown).
    InputError(std::string file, int line, int column, const std::string& message)
        : std::runtime_error(where(file, line, column) + visible_text(message)),
          file_(std::move(file)), line_(line), column_(column), message_(visible_text(message)) {}
    // Not tied to a file: an option or a `--set` value. `what` names it.
    explicit InputError(const std::string& message)
        : std::runtime_error(visible_text(message)), message_(visible_text(message)) {}

    const std::string& file() const { return file_; }
    int line() const { return line_; }
    int column() const { return column_; }
    const std::string& message() const { return message_; }

private:
    static std::string where(const std::string& file, int line, int column) {
        std::string w = visible_text(file);
        if (line > 0) w += ":" + std::to_string(line);
        if (line > 0 && column > 0) w += ":" + std::to_string(column);
        return w.empty() ? w : w + ": ";
    }
    std::string file_;
    int line_ = 0;
    int column_ = 0;
    std::string message_;
};

}  // namespace nntrace
