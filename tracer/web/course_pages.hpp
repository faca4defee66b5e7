// Where a lesson page sits in the course folder (<course>/<id>/<lang>/index.html) and what it
// shows beyond the record, as `nntrace build` writes it: the module for the browser renders the
// same page, so that what the panel swaps in matches what was there.
#pragma once

#include <filesystem>
#include <string>

#include "lessons/lessons.hpp"
#include "render/pages.hpp"

namespace nntrace {

// The page's links: the lesson's drawings in ../figures, the shared assets in ../../assets; the
// panel where the course holds the module (always, for the module's own pages).
RenderOptions course_page_options(const std::filesystem::path& templates_dir, const std::string& lang, bool web_module);

// Its words and neighbours: the lesson's summary and explanation, the course index, the other
// language. format: Format::md or Format::html.
PageContext course_page_context(const LessonInfo& lesson, const std::string& lang, Format format);

}  // namespace nntrace
