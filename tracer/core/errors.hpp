// Bad input from a user: a file, a line and a column, or an option, and what is wrong.
#pragma once

#include <stdexcept>
#include <string>

namespace nntrace {

class InputError : public std::runtime_error {
public:
    // A position in a file (line and column 1-based; 0 when unknown).
    InputError(std::string file, int line, int column, const std::string& message)
        : std::runtime_error(where(file, line, column) + message),
          file_(std::move(file)), line_(line), column_(column), message_(message) {}
    // Not tied to a file: an option or a `--set` value. `what` names it.
    explicit InputError(const std::string& message) : std::runtime_error(message), message_(message) {}

    const std::string& file() const { return file_; }
    int line() const { return line_; }
    int column() const { return column_; }
    const std::string& message() const { return message_; }

private:
    static std::string where(const std::string& file, int line, int column) {
        std::string w = file;
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
