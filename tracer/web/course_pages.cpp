#include "web/course_pages.hpp"

namespace nntrace {

RenderOptions course_page_options(const std::filesystem::path& templates_dir, const std::string& lang, bool web_module) {
    RenderOptions options;
    options.lang = lang;
    options.messages_dir = templates_dir / "messages";
    options.templates_dir = templates_dir;
    options.figures_href = "../figures";
    options.assets_href = "../../assets";
    options.web_module = web_module;
    options.in_course = true;
    return options;
}

PageContext course_page_context(const LessonInfo& lesson, const std::string& lang, Format format) {
    const bool md = format == Format::md;
    const std::string other_lang = lang == "zh" ? "en" : "zh";
    PageContext context;
    if (auto it = lesson.summary.find(lang); it != lesson.summary.end()) context.summary = it->second;
    context.explanation = lesson_explanation(lesson, lang);
    context.index_href = md ? "../../README.md" : "../../index.html";
    context.other_lang_href = "../" + other_lang + (md ? "/index.md" : "/index.html");
    return context;
}

}  // namespace nntrace
