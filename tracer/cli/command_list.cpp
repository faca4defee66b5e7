#include <algorithm>
#include <ostream>

#include "cli.hpp"
#include "commands.hpp"
#include "home.hpp"
#include "lessons/lessons.hpp"
#include "options.hpp"

namespace po = boost::program_options;

namespace nntrace {

int command_list(const std::vector<std::string>& args, Io io) {
    po::options_description d("nntrace list [--lang en|zh]: the lessons, one per line, with their titles");
    d.add_options()("help,h", "show this help");
    add_lang_option(d);
    const auto vm = parse_command("list", args, d, {});
    if (vm.count("help")) {
        io.out << d << "\n";
        return exit_code::ok;
    }
    const std::string lang = lang_from(vm);
    const auto lessons = list_lessons(lessons_dir());
    std::size_t width = 0;
    for (const auto& l : lessons) width = std::max(width, l.id.size());
    for (const auto& l : lessons) {
        auto title = l.title.count(lang) ? l.title.at(lang) : (l.title.count("en") ? l.title.at("en") : "");
        io.out << l.id << std::string(width - l.id.size() + 2, ' ') << title << "\n";
    }
    return exit_code::ok;
}

}  // namespace nntrace
