#include "lessons/toml_fields.hpp"

#include <cmath>

namespace nntrace {
namespace {

int line_of(const toml::node& n) { return static_cast<int>(n.source().begin.line); }
int column_of(const toml::node& n) { return static_cast<int>(n.source().begin.column); }

std::string quoted(std::string_view key) { return "'" + std::string(key) + "'"; }

}  // namespace

InputError error_at(const std::string& file, const toml::node& node, const std::string& message) {
    return InputError(file, line_of(node), column_of(node), message);
}

InputError error_in_string(const std::string& file, const toml::node& node, int offset,
                           const std::string& message) {
    // A basic string's content starts one column after its opening quote. Escapes would shift
    // the columns; lesson expressions have none.
    return InputError(file, line_of(node), column_of(node) + 1 + offset, message);
}

toml::table parse_toml_file(const std::string& file) {
    try {
        return toml::parse_file(file);
    } catch (const toml::parse_error& e) {
        throw InputError(file, static_cast<int>(e.source().begin.line),
                         static_cast<int>(e.source().begin.column), std::string(e.description()));
    }
}

const toml::node& Fields::require(std::string_view key) const {
    const toml::node* n = table_.get(key);
    if (!n) throw error_here("missing key " + quoted(key));
    return *n;
}

std::string Fields::string(std::string_view key) const {
    const toml::node& n = require(key);
    if (!n.is_string()) throw error(n, quoted(key) + " must be a string");
    return n.as_string()->get();
}

std::optional<std::string> Fields::optional_string(std::string_view key) const {
    if (!table_.get(key)) return std::nullopt;
    return string(key);
}

std::optional<double> Fields::optional_number(std::string_view key) const {
    const toml::node* n = table_.get(key);
    if (!n) return std::nullopt;
    if (n->is_integer()) return static_cast<double>(n->as_integer()->get());
    if (n->is_floating_point() && std::isfinite(n->as_floating_point()->get()))
        return n->as_floating_point()->get();
    throw error(*n, quoted(key) + " must be a number");
}

std::optional<long long> Fields::optional_integer(std::string_view key) const {
    const toml::node* n = table_.get(key);
    if (!n) return std::nullopt;
    if (!n->is_integer()) throw error(*n, quoted(key) + " must be a whole number");
    return n->as_integer()->get();
}

std::optional<bool> Fields::optional_bool(std::string_view key) const {
    const toml::node* n = table_.get(key);
    if (!n) return std::nullopt;
    if (!n->is_boolean()) throw error(*n, quoted(key) + " must be true or false");
    return n->as_boolean()->get();
}

std::vector<std::string> Fields::strings(std::string_view key) const {
    std::vector<std::string> out;
    const toml::array* a = optional_array(key);
    if (!a) return out;
    for (const toml::node& item : *a) {
        if (!item.is_string()) throw error(item, quoted(key) + " must list strings");
        out.push_back(item.as_string()->get());
    }
    return out;
}

const toml::table& Fields::subtable(std::string_view key) const {
    const toml::node& n = require(key);
    if (!n.is_table()) throw error(n, quoted(key) + " must be a table");
    return *n.as_table();
}

const toml::table* Fields::optional_subtable(std::string_view key) const {
    if (!table_.get(key)) return nullptr;
    return &subtable(key);
}

const toml::array* Fields::optional_array(std::string_view key) const {
    const toml::node* n = table_.get(key);
    if (!n) return nullptr;
    if (!n->is_array()) throw error(*n, quoted(key) + " must be an array");
    return n->as_array();
}

std::map<std::string, std::string> Fields::texts(std::string_view key) const {
    const toml::table& t = subtable(key);
    std::map<std::string, std::string> out;
    for (const auto& [lang, text] : t) {
        if (!text.is_string()) throw error(text, quoted(key) + " must give a string for each language");
        out[std::string(lang.str())] = text.as_string()->get();
    }
    if (!out.count("en")) throw error(t, quoted(key) + " needs at least an English text (en)");
    return out;
}

void Fields::only(std::initializer_list<std::string_view> known) const {
    only(std::vector<std::string_view>(known));
}

void Fields::only(const std::vector<std::string_view>& known) const {
    for (const auto& [key, value] : table_) {
        bool ok = false;
        for (auto k : known) ok = ok || key.str() == k;
        if (ok) continue;
        std::string list;
        for (auto k : known) list += (list.empty() ? "" : ", ") + std::string(k);
        (void)value;
        throw InputError(file_, static_cast<int>(key.source().begin.line), static_cast<int>(key.source().begin.column),
                         "unknown key " + quoted(key.str()) + " (expected one of: " + list + ")");
    }
}

}  // namespace nntrace
