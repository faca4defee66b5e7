// Reading the Mustache templates at run time and filling them: one layout per format, with the
// partials of templates/partials/ for that format.
#pragma once

#include <filesystem>
#include <string>

#include "page_data.hpp"

namespace nntrace {

// options.templates_dir, or, when it is not set, the folder above the message catalogs (the
// catalogs live in templates/messages).
std::filesystem::path templates_dir_of(const RenderOptions& options);

// Fills `dir`/<name>.<md|html>.mustache with `data`, with every partials/*.<md|html>.mustache
// available by its name ("step"). Every {{value}} is escaped for the format (HTML entities;
// Markdown: markdown_text); {{{value}}} is for markup the renderer made itself.
// Throws InputError naming the file for a missing or invalid template.
std::string fill_template(const std::filesystem::path& dir, const std::string& name, Markup markup, TemplateData data);

}  // namespace nntrace
