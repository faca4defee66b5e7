#include "messages.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

#include <toml++/toml.h>

#include "core/errors.hpp"

namespace nntrace {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> catalog_files(const fs::path& dir) {
    std::vector<fs::path> files;
    std::error_code ec;
    if (dir.empty() || !fs::is_directory(dir, ec)) return files;
    for (const auto& entry : fs::directory_iterator(dir, ec))
        if (entry.is_regular_file() && entry.path().extension() == ".toml") files.push_back(entry.path());
    std::sort(files.begin(), files.end());  // the same order on every machine
    return files;
}

InputError error_at(const fs::path& file, const toml::source_region& where, const std::string& what) {
    return InputError(file.string(), static_cast<int>(where.begin.line),
                      static_cast<int>(where.begin.column), what);
}

// One entry: a table whose keys are languages and whose values are template strings.
MessageCatalog::Templates read_entry(const fs::path& file, const std::string& id, const toml::node& node) {
    const toml::table* table = node.as_table();
    if (!table) throw error_at(file, node.source(), "message '" + id + "' must be a table with en and zh strings");
    MessageCatalog::Templates templates;
    for (const auto& [lang, text] : *table) {
        const auto* s = text.as_string();
        if (!s) throw error_at(file, text.source(), "message '" + id + "': " + std::string(lang.str()) + " must be a string");
        templates[std::string(lang.str())] = s->get();
    }
    return templates;
}

toml::table parse_catalog(const fs::path& file) {
    try {
        return toml::parse_file(file.string());
    } catch (const toml::parse_error& e) {
        throw error_at(file, e.source(), std::string(e.description()));
    }
}

}  // namespace

MessageCatalog MessageCatalog::load(const fs::path& dir) {
    MessageCatalog catalog;
    for (const fs::path& file : catalog_files(dir)) {
        const toml::table root = parse_catalog(file);
        for (const auto& [key, node] : root) {
            const std::string id(key.str());
            catalog.entries_[id] = read_entry(file, id, node);
        }
    }
    return catalog;
}

void MessageCatalog::merge(const std::map<std::string, Templates>& strings) {
    for (const auto& [id, templates] : strings) entries_[id] = templates;
}

std::optional<std::string> MessageCatalog::find(const std::string& id, const std::string& lang) const {
    const auto entry = entries_.find(id);
    if (entry == entries_.end()) return std::nullopt;
    for (const std::string& l : {lang, std::string("en")}) {
        const auto text = entry->second.find(l);
        if (text != entry->second.end()) return text->second;
    }
    return std::nullopt;
}

std::string MessageCatalog::resolve(const Message& message, const std::string& lang,
                                    const NumberStyle& numbers) const {
    std::vector<std::string> args;
    for (const Arg& a : message.args)
        if (a.number && a.decimals)
            args.push_back(format_number(a.number->hand, *a.decimals >= 0 ? NumberStyle{*a.decimals, Shape::fixed, numbers.minus}
                                                                           : NumberStyle{-*a.decimals, Shape::trim_zeros, numbers.minus}));
        else args.push_back(a.number ? format_number(a.number->hand, numbers) : a.text);
    return fill_placeholders(find(message.id, lang).value_or(message.id), args);
}

std::string fill_placeholders(const std::string& text, const std::vector<std::string>& args) {
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t close = text[i] == '{' ? text.find('}', i) : std::string::npos;
        const std::string inside = close == std::string::npos ? "" : text.substr(i + 1, close - i - 1);
        const bool index = !inside.empty() && inside.size() < 4 &&
                           std::all_of(inside.begin(), inside.end(), [](unsigned char c) { return std::isdigit(c); });
        if (index && static_cast<std::size_t>(std::stoi(inside)) < args.size()) {
            out += args[static_cast<std::size_t>(std::stoi(inside))];
            i = close + 1;
        } else {
            out += text[i++];
        }
    }
    return out;
}

std::string fill_named(const std::string& text,
                       const std::function<std::optional<std::string>(const std::string& name)>& value) {
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t open = text.find("{{", i);
        const std::size_t close = open == std::string::npos ? std::string::npos : text.find("}}", open + 2);
        if (close == std::string::npos) break;
        out += text.substr(i, open - i);
        const std::optional<std::string> v = value(text.substr(open + 2, close - open - 2));
        out += v ? *v : text.substr(open, close + 2 - open);
        i = close + 2;
    }
    return out + text.substr(i);
}

}  // namespace nntrace
