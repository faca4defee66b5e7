#include <ostream>
#include <sstream>

#include "atomic_file.hpp"
#include "cli.hpp"
#include "commands.hpp"
#include "home.hpp"
#include "lessons/lessons.hpp"
#include "options.hpp"

namespace po = boost::program_options;

namespace nntrace {
namespace {

const char* const languages[] = {"en", "zh"};

// What one lesson contributes to the course folder: its record and its walkthrough per language.
void build_lesson(const LessonInfo& lesson, const std::filesystem::path& out) {
    const Record record = run_lesson(lessons_dir(), lesson.id, {});
    RenderOptions options;
    options.messages_dir = messages_dir();
    const auto dir = out / lesson.id;
    write_atomically(dir / "record.json", render(record, Format::json, options));
    for (const char* lang : languages) {
        options.lang = lang;
        write_atomically(dir / lang / "index.md", render(record, Format::md, options));
        write_atomically(dir / lang / "lesson.txt", render(record, Format::text, options));
    }
}

std::string title_in(const LessonInfo& lesson, const std::string& lang) {
    if (auto it = lesson.title.find(lang); it != lesson.title.end()) return it->second;
    return lesson.id;
}

// The course index: each lesson, what it teaches, and links to its pages in both languages.
std::string course_index(const std::vector<LessonInfo>& lessons) {
    std::ostringstream md;
    md << "# nntrace — the course\n\n";
    for (const auto& l : lessons) {
        md << "- **" << title_in(l, "en") << "** / " << title_in(l, "zh") << " — ";
        if (auto it = l.summary.find("en"); it != l.summary.end()) md << it->second;
        md << " ([en](" << l.id << "/en/index.md), [中文](" << l.id << "/zh/index.md), [json](" << l.id
           << "/record.json))\n";
    }
    return md.str();
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
    for (const auto& lesson : lessons) build_lesson(lesson, out);
    write_atomically(out / "README.md", course_index(lessons));
    io.err << "nntrace build: " << lessons.size() << " lesson" << (lessons.size() == 1 ? "" : "s")
           << " written to " << out.string() << "\n";
    return exit_code::ok;
}

}  // namespace nntrace
