// Turns a record into text for people and programs. Renderers only read the record: every
// number is formatted here, by format_number, and nothing is computed.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "core/record.hpp"

namespace nntrace {

enum class Format { json, text, md, csv };

struct RenderOptions {
    std::string lang = "en";              // "en" or "zh"
    std::optional<std::string> table;     // only this table (its key), for text/md/csv
    std::filesystem::path messages_dir;   // templates/messages: the message catalogs (*.toml)
};

// The whole record in one format. Throws InputError if `table` names no table of the record.
std::string render(const Record& record, Format format, const RenderOptions& options);

}  // namespace nntrace
