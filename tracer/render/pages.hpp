// Lesson pages and the course index, in Markdown and HTML, through the Mustache templates in
// RenderOptions::templates_dir. render_markdown and render_html are these pages without the
// parts only a course folder has (explanation, links).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "render.hpp"

namespace nntrace {

// What a page shows beyond the record: the lesson folder's words and where the page sits.
struct PageContext {
    std::string summary;          // one line on what the lesson teaches
    std::string explanation;      // explanation.<lang>.md, Markdown
    std::string index_href;       // the course index; empty: no link
    std::string other_lang_href;  // the same page in the other language; empty: no link
};

// A lesson page. format: Format::md or Format::html.
std::string render_lesson_page(const Record& record, Format format, const RenderOptions& options,
                               const PageContext& context);

struct CourseLesson {
    std::string id;
    std::map<std::string, std::string> title;    // by language
    std::map<std::string, std::string> summary;  // by language
};

// The course index: each lesson with its title, what it teaches, and links to its pages in both
// languages (`<id>/<lang>/index.md` or `.html`) and its record. format: Format::md or Format::html.
std::string render_course_index(const std::vector<CourseLesson>& lessons, Format format,
                                const RenderOptions& options);

// The course's playground (playground/index.html, HTML only): a text area prefilled with
// `example` (a problem file), rendered and checked in the browser by the WebAssembly module.
std::string render_playground(const std::string& example, const RenderOptions& options);

// The src of a drawing's picture on a page ("../figures/network.svg"): `stem` (drawing_stem of
// its key) in options.figures_href, as the page's <img> names it.
std::string figure_src(const RenderOptions& options, const std::string& stem);

// The languages every page exists in, in course order, and the `lang` attribute of each.
const std::vector<std::string>& page_languages();
std::string html_lang(const std::string& lang);
// Throws InputError naming --lang when `lang` is not one of page_languages().
void check_page_language(const std::string& lang);

}  // namespace nntrace
