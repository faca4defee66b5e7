// The renderers behind render(), one per format, each in its own file.
#pragma once

#include <string>
#include <vector>

#include "render.hpp"

namespace nntrace {

std::string render_json(const Record& record, const RenderOptions& options);
std::string render_text(const Record& record, const RenderOptions& options);
std::string render_markdown(const Record& record, const RenderOptions& options);
std::string render_csv(const Record& record, const RenderOptions& options);
std::string render_html(const Record& record, const RenderOptions& options);
std::string render_tex(const Record& record, const RenderOptions& options);

// The record's tables in the order they appear; only options.table when it is set.
std::vector<const Table*> selected_tables(const Record& record, const RenderOptions& options);

}  // namespace nntrace
