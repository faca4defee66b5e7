// The plain data a page template reads, built in one place: every word comes from the message
// catalog and every number is formatted here (through format_number), so the templates only
// interpolate strings and branch on flags.
#pragma once

#include <kainjow/mustache.hpp>

#include "markdown_text.hpp"
#include "page.hpp"
#include "pages.hpp"

namespace nntrace {

using TemplateData = kainjow::mustache::data;

// Where the text goes; the template escapes every value for it (fill_template).
enum class Markup { markdown, html };

// The whole lesson page.
TemplateData lesson_page_data(const Page& page, const PageContext& context, Markup markup);

// One item of a section (a step, a chain-rule line, a table...), with an is_<kind> flag set.
TemplateData item_data(const Page& page, const Item& item, Markup markup);

// A table: its title, columns (with a `numeric` flag) and rows of cells.
TemplateData table_data(const Page& page, const Table& table, Markup markup);

// The panel of an HTML page (page_panel.cpp): its fields when options.web_module is set, else
// only the note that says the course was built without the module.
void set_panel(TemplateData& d, const Page& page);

// The published figures beside the computed ones.
TemplateData comparisons_data(const Page& page, Markup markup);

// The explanation's blocks (for HTML; Markdown pages take the text as it is).
TemplateData explanation_data(const std::string& markdown);

// Spans of text, strong, emphasis, code and math, for the span partial.
TemplateData spans_data(const Spans& spans);

// A list of the given data, each element told whether it is the last (for separators).
TemplateData list_of(std::vector<TemplateData> elements);

// An id for an HTML anchor from a record key: "adjust/w/z" → "adjust-w-z".
std::string anchor(const std::string& key);

}  // namespace nntrace
