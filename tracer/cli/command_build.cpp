// nntrace build: the course folder. Per lesson its record, its drawings and its pages in both
// languages; the course index; the playground where the WebAssembly module is; and the assets the
// HTML pages need (stylesheet, KaTeX, the module), copied so that the folder works offline and on
// another machine.
#include <fstream>
#include <future>
#include <ostream>
#include <set>
#include <sstream>
#include <vector>

#include "atomic_file.hpp"
#include "cli.hpp"
#include "commands.hpp"
#include "drawing_tools.hpp"
#include "home.hpp"
#include "job_pool.hpp"
#include "lessons/lessons.hpp"
#include "options.hpp"
#include "page_assets.hpp"
#include "render/pages.hpp"
#include "web/course_pages.hpp"

namespace po = boost::program_options;

namespace nntrace {
namespace {

// A lesson's record and pages, once its pictures are drawn: the pages link only those.
void write_lesson(const LessonInfo& lesson, const Record& record, PendingPictures& pictures,
                  const std::shared_future<bool>& web_module,
                  std::ostream& warnings, const std::filesystem::path& out, OutputTransaction& output) {
    const auto dir = out / lesson.id;
    // The module renders the same page (web/course_pages), so that what its panel swaps in matches.
    RenderOptions options = course_page_options(templates_dir(), "en", web_module.get());
    options.messages_dir = messages_dir();
    options.drawn = pictures.finish(warnings);
    output.stage(dir / "record.json", render(record, Format::json, options));
    for (const std::string& lang : page_languages()) {
        options.lang = lang;
        for (Format format : {Format::md, Format::html})
            output.stage(dir / lang / (format == Format::md ? "index.md" : "index.html"),
                             render_lesson_page(record, format, options, course_page_context(lesson, lang, format)));
        output.stage(dir / lang / "lesson.txt", render(record, Format::text, options));
    }
}

// The lessons are independent, so both cores work on them: the records are computed two at a
// time; then every lesson's sources are written and its pictures queued, in course order; then
// the pages are written two lessons at a time, each after its own pictures, while the pool draws
// the others'. Messages are kept per lesson and printed in course order, as a sequential build
// would print them.
void build_lessons(const std::vector<LessonInfo>& lessons, const std::filesystem::path& out, const DrawingTools& tools,
                   const std::shared_future<bool>& web_module, OutputTransaction& output, std::ostream& err) {
    const std::size_t n = lessons.size(), cores = default_worker_count();
    std::vector<Record> records(n);
    parallel_for(n, cores, [&](std::size_t i) { records[i] = run_lesson(lessons_dir(), lessons[i].id, {}); });

    DrawingPool drawing(tools);
    std::vector<std::ostringstream> warnings(n);
    std::vector<PendingPictures> pictures;
    pictures.reserve(n);
    for (std::size_t i = 0; i < n; ++i)
        pictures.push_back(drawing.start(records[i], out / lessons[i].id / "figures", output, warnings[i]));

    auto print_warnings = [&] {
        for (const auto& w : warnings) err << w.str();
    };
    try {
        parallel_for(n, cores, [&](std::size_t i) { write_lesson(lessons[i], records[i], pictures[i], web_module, warnings[i], out, output); });
    } catch (...) {
        print_warnings();  // what went wrong with the pictures still matters
        throw;
    }
    print_warnings();
}

void write_index(const std::vector<LessonInfo>& lessons, bool web_module, const std::filesystem::path& out,
                 OutputTransaction& output) {
    std::vector<CourseLesson> entries;
    for (const auto& l : lessons) entries.push_back(CourseLesson{l.id, l.title, l.summary});
    RenderOptions options;
    options.messages_dir = messages_dir();
    options.templates_dir = templates_dir();
    options.assets_href = "assets";
    options.web_module = web_module;
    output.stage(out / "README.md", render_course_index(entries, Format::md, options));
    output.stage(out / "index.html", render_course_index(entries, Format::html, options));
}

// The playground, only where the module is: prefilled with the course's example problem file,
// read now so that the page needs nothing beside it. Without the example (a home that lacks
// examples/) the text area starts empty and a note says why.
void write_playground(const std::filesystem::path& out, bool web_module, OutputTransaction& output, std::ostream& err) {
    if (!web_module) return;
    const auto example = nntrace_home() / "examples" / "exercise-7.toml";
    std::ifstream in(example, std::ios::binary);
    std::ostringstream text;
    if (in)
        text << in.rdbuf();
    else
        err << "nntrace build: " << example.string() << " not found; the playground starts with an empty problem file\n";
    RenderOptions options;
    options.messages_dir = messages_dir();
    options.templates_dir = templates_dir();
    options.assets_href = "../assets";
    options.web_module = true;
    output.stage(out / "playground" / "index.html", render_playground(text.str(), options));
}

}  // namespace

int command_build(const std::vector<std::string>& args, Io io) {
    po::options_description d("nntrace build [--out DIR]: compute every lesson and write the course");
    d.add_options()
        ("help,h", "show this help")
        ("out", po::value<std::string>()->default_value("output")->value_name("DIR"), "the course folder");
    add_tool_timeout_option(d);
    const auto vm = parse_command("build", args, d, {});
    if (vm.count("help")) {
        io.out << d << "\n";
        return exit_code::ok;
    }
    const std::filesystem::path out = vm["out"].as<std::string>();
    DrawingTools tools;
    tools.time_limit = tool_time_limit_from(vm);
    const auto lessons = list_lessons(lessons_dir());
    // Every file is staged, then all are renamed into place: a build that fails writes nothing.
    OutputTransaction output;
    output.name_root(out, "--out");
    // The assets (KaTeX and its fonts, the WebAssembly module) do not depend on the lessons:
    // copied meanwhile. Whether the module was copied decides the pages' panel.
    std::ostringstream asset_warnings;
    const std::shared_future<bool> web_module =
        std::async(std::launch::async, [&] { return copy_page_assets(out, output, "build", asset_warnings); }).share();
    build_lessons(lessons, out, tools, web_module, output, io.err);
    write_index(lessons, web_module.get(), out, output);
    write_playground(out, web_module.get(), output, io.err);
    output.commit();
    io.err << asset_warnings.str();
    io.err << "nntrace build: " << lessons.size() << " lesson" << (lessons.size() == 1 ? "" : "s")
           << " written to " << out.string() << "\n";
    return exit_code::ok;
}

}  // namespace nntrace
