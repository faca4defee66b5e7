// The page-level entry points: a lesson page and the course index.
#include "core/errors.hpp"
#include "formats.hpp"
#include "page_templates.hpp"

namespace nntrace {
namespace {

Markup markup_of(Format format) {
    if (format == Format::md) return Markup::markdown;
    if (format == Format::html) return Markup::html;
    throw InputError("pages are written in Markdown or HTML only");
}

std::string in_lang(const std::map<std::string, std::string>& texts, const std::string& lang, const std::string& fallback) {
    if (auto it = texts.find(lang); it != texts.end()) return it->second;
    if (auto it = texts.find("en"); it != texts.end()) return it->second;
    return fallback;
}

TemplateData lesson_entry(const CourseLesson& lesson, Markup markup, const MessageCatalog& catalog) {
    TemplateData d;
    d.set("id", lesson.id);
    std::vector<TemplateData> languages;
    for (const std::string& lang : page_languages()) {
        TemplateData l;
        l.set("lang", lang);
        l.set("html_lang", html_lang(lang));
        l.set("title", in_lang(lesson.title, lang, lesson.id));
        l.set("summary", in_lang(lesson.summary, lang, ""));
        l.set("href", lesson.id + "/" + lang + (markup == Markup::markdown ? "/index.md" : "/index.html"));
        l.set("link_label", catalog.resolve(Message{"pages.language_name", {}}, lang, {}));
        l.set("colon", catalog.resolve(Message{"pages.colon", {}}, lang, {}));
        languages.push_back(std::move(l));
    }
    d.set("languages", list_of(std::move(languages)));
    d.set("record_href", lesson.id + "/record.json");
    return d;
}

}  // namespace

std::string render_lesson_page(const Record& record, Format format, const RenderOptions& options,
                               const PageContext& context) {
    require_catalog(options);
    const Markup markup = markup_of(format);
    const Page page(record, options, Minus::unicode);
    return fill_template(templates_dir_of(options), "page", markup, lesson_page_data(page, context, markup));
}

std::string render_course_index(const std::vector<CourseLesson>& lessons, Format format, const RenderOptions& options) {
    require_catalog(options);
    const Markup markup = markup_of(format);
    const MessageCatalog catalog = MessageCatalog::load(options.messages_dir);
    std::vector<TemplateData> entries;
    for (const CourseLesson& l : lessons) entries.push_back(lesson_entry(l, markup, catalog));
    TemplateData d;
    for (const std::string& lang : page_languages()) {
        d.set("course_title_" + lang, catalog.resolve(Message{"pages.course.title", {}}, lang, {}));
        d.set("course_intro_" + lang, catalog.resolve(Message{"pages.course.intro", {}}, lang, {}));
    }
    d.set("record_label", "JSON");
    d.set("interactive", options.web_module);
    for (const std::string& lang : page_languages())
        d.set("playground_" + lang, catalog.resolve(Message{"pages.playground.link", {}}, lang, {}));
    d.set("assets_href", options.assets_href.empty() ? std::string(".") : options.assets_href);
    d.set("lessons", list_of(std::move(entries)));
    return fill_template(templates_dir_of(options), "index", markup, d);
}

}  // namespace nntrace
