// The message catalog: templates for every message id, in English and Chinese, and the one
// function that fills a template's {0}, {1}, ... with a message's arguments.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>

#include "core/record.hpp"
#include "number_format.hpp"

namespace nntrace {

class MessageCatalog {
public:
    using Templates = std::map<std::string, std::string>;  // language → template

    // Every *.toml in `dir`, read in name order: top-level tables keyed by message id, each with
    // `en` and `zh` strings. A missing directory gives an empty catalog. Throws InputError (file,
    // line, column) for a file that is not valid TOML or an entry that is not such a table.
    static MessageCatalog load(const std::filesystem::path& dir);

    // Adds templates, replacing whole entries with the same id: a record's own strings win.
    void merge(const std::map<std::string, Templates>& strings);

    // The template for `id` in `lang`, else in English; nothing if the id is unknown.
    std::optional<std::string> find(const std::string& id, const std::string& lang) const;

    // The message in `lang`: its template (or, failing that, its id) with each {i} replaced by
    // argument i: words as they are, numbers formatted in `numbers`' style.
    std::string resolve(const Message& message, const std::string& lang,
                        const NumberStyle& numbers) const;

    bool empty() const { return entries_.empty(); }

private:
    std::map<std::string, Templates> entries_;
};

// Replaces {0}, {1}, ... in `text` by `args`; a placeholder without an argument stays as it is.
std::string fill_placeholders(const std::string& text, const std::vector<std::string>& args);

// Replaces each {{name}} in `text` by value(name) (a lesson's prose naming a parameter, "η =
// {{rate}}"); a name `value` does not know stays as written, braces included.
std::string fill_named(const std::string& text,
                       const std::function<std::optional<std::string>(const std::string& name)>& value);

}  // namespace nntrace
