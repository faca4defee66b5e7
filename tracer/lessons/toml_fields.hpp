// Reading the fields of a lesson.toml table with their positions, so that every mistake in a
// lesson file is reported as FILE:LINE:COLUMN. Internal to the lessons library.
#pragma once

#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "core/errors.hpp"

namespace nntrace {

// An error at a node of a parsed file (its first character), or at a column inside a string
// value: `offset` counts characters of the string's content, 0-based.
InputError error_at(const std::string& file, const toml::node& node, const std::string& message);
InputError error_in_string(const std::string& file, const toml::node& node, int offset,
                           const std::string& message);

// Parses a TOML file; a syntax error becomes an InputError at its position.
toml::table parse_toml_file(const std::string& file);

// The fields of one table. Required getters throw at the table when the key is missing and at
// the value when it has the wrong type.
class Fields {
public:
    Fields(const toml::table& table, std::string file) : table_(table), file_(std::move(file)) {}

    const toml::table& table() const { return table_; }
    const std::string& file() const { return file_; }
    const toml::node* find(std::string_view key) const { return table_.get(key); }

    std::string string(std::string_view key) const;
    std::optional<std::string> optional_string(std::string_view key) const;
    std::optional<double> optional_number(std::string_view key) const;
    std::optional<long long> optional_integer(std::string_view key) const;
    std::optional<bool> optional_bool(std::string_view key) const;
    std::vector<std::string> strings(std::string_view key) const;  // an array of strings; [] if absent
    const toml::table& subtable(std::string_view key) const;
    const toml::table* optional_subtable(std::string_view key) const;
    const toml::array* optional_array(std::string_view key) const;
    // A table of texts by language: `title = { en = "...", zh = "..." }`.
    std::map<std::string, std::string> texts(std::string_view key) const;

    // Throws at the first key not in `known`: a typo in a lesson file must not pass silently.
    void only(std::initializer_list<std::string_view> known) const;
    void only(const std::vector<std::string_view>& known) const;

    InputError error(const toml::node& at, const std::string& message) const { return error_at(file_, at, message); }
    InputError error_here(const std::string& message) const { return error_at(file_, table_, message); }

private:
    const toml::node& require(std::string_view key) const;

    const toml::table& table_;
    std::string file_;
};

}  // namespace nntrace
