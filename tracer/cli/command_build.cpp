// nntrace build: the course folder. Per lesson its record, its drawings and its pages in both
// languages; the course index; and the assets the HTML pages need (stylesheet, KaTeX), copied
// so that the folder works offline and on another machine.
#include <ostream>
#include <set>
#include <sstream>

#include "atomic_file.hpp"
#include "cli.hpp"
#include "commands.hpp"
#include "drawing_tools.hpp"
#include "home.hpp"
#include "lessons/lessons.hpp"
#include "options.hpp"
#include "page_assets.hpp"
#include "render/pages.hpp"

namespace po = boost::program_options;

namespace nntrace {
namespace {

std::string other_language(const std::string& lang) { return lang == "zh" ? "en" : "zh"; }

// Where a page of <out>/<id>/<lang>/ finds the index, its other language, and the lesson's words.
PageContext page_context(const LessonInfo& lesson, const std::string& lang, Format format) {
    const bool md = format == Format::md;
    PageContext context;
    if (auto it = lesson.summary.find(lang); it != lesson.summary.end()) context.summary = it->second;
    context.explanation = lesson_explanation(lesson, lang);
    context.index_href = md ? "../../README.md" : "../../index.html";
    context.other_lang_href = "../" + other_language(lang) + (md ? "/index.md" : "/index.html");
    return context;
}

void build_lesson(const LessonInfo& lesson, const std::filesystem::path& out, std::ostream& warnings) {
    const Record record = run_lesson(lessons_dir(), lesson.id, {});
    const auto dir = out / lesson.id;
    RenderOptions options;
    options.messages_dir = messages_dir();
    options.templates_dir = templates_dir();
    options.figures_href = "../figures";
    options.assets_href = "../../assets";
    options.drawn = write_drawings(record, dir / "figures", warnings);  // sources, then SVGs
    write_atomically(dir / "record.json", render(record, Format::json, options));
    for (const std::string& lang : page_languages()) {
        options.lang = lang;
        for (Format format : {Format::md, Format::html})
            write_atomically(dir / lang / (format == Format::md ? "index.md" : "index.html"),
                             render_lesson_page(record, format, options, page_context(lesson, lang, format)));
        write_atomically(dir / lang / "lesson.txt", render(record, Format::text, options));
    }
}

void write_index(const std::vector<LessonInfo>& lessons, const std::filesystem::path& out) {
    std::vector<CourseLesson> entries;
    for (const auto& l : lessons) entries.push_back(CourseLesson{l.id, l.title, l.summary});
    RenderOptions options;
    options.messages_dir = messages_dir();
    options.templates_dir = templates_dir();
    options.assets_href = "assets";
    write_atomically(out / "README.md", render_course_index(entries, Format::md, options));
    write_atomically(out / "index.html", render_course_index(entries, Format::html, options));
}

}  // namespace

int command_build(const std::vector<std::string>& args, Io io) {
    po::options_description d("nntrace build [--out DIR]: compute every lesson and write the course");
    d.add_options()
        ("help,h", "show this help")
        ("out", po::value<std::string>()->default_value("output")->value_name("DIR"), "the course folder");
    const auto vm = parse_command("build", args, d, {});
    if (vm.count("help")) {
        io.out << d << "\n";
        return exit_code::ok;
    }
    const std::filesystem::path out = vm["out"].as<std::string>();
    const auto lessons = list_lessons(lessons_dir());
    for (const auto& lesson : lessons) build_lesson(lesson, out, io.err);
    write_index(lessons, out);
    copy_page_assets(out, "build", io.err);
    io.err << "nntrace build: " << lessons.size() << " lesson" << (lessons.size() == 1 ? "" : "s")
           << " written to " << out.string() << "\n";
    return exit_code::ok;
}

}  // namespace nntrace
