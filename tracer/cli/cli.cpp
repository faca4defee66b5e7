#include "cli.hpp"

#include <ostream>

#include "commands.hpp"
#include "core/errors.hpp"
#include "version.hpp"

namespace nntrace {
namespace {

constexpr const char* usage =
    "nntrace: every number of a neural network's computation, step by step\n"
    "\n"
    "usage: nntrace <command> [options]\n"
    "\n"
    "commands:\n"
    "  list                      the lessons, with their titles\n"
    "  run <lesson | FILE.toml>  compute a lesson or a problem file and show every step\n"
    "  build [--out DIR]         compute every lesson and write the course\n"
    "  check FILE.toml           judge answers ([answers], --answer NAME=VALUE) and name likely mistakes\n"
    "  grade FILE.toml SHEET.csv grade a class: one row per student, a summary per answer\n"
    "  variants FILE.toml        every student's own numbers: handouts, solutions, a key (--roster, --seed, --out)\n"
    "\n"
    "`nntrace <command> --help` describes a command's options; `nntrace --version` the build.\n";

int dispatch(const std::vector<std::string>& args, Io io) {
    if (args.empty()) {
        io.err << usage;
        return exit_code::bad_input;
    }
    const std::string& command = args.front();
    const std::vector<std::string> rest(args.begin() + 1, args.end());
    if (command == "--help" || command == "-h" || command == "help") {
        io.out << usage;
        return exit_code::ok;
    }
    if (command == "--version") {
        io.out << version_text() << "\n";
        return exit_code::ok;
    }
    if (command == "list") return command_list(rest, io);
    if (command == "run") return command_run(rest, io);
    if (command == "build") return command_build(rest, io);
    if (command == "check") return command_check(rest, io);
    if (command == "grade") return command_grade(rest, io);
    if (command == "variants") return command_variants(rest, io);
    throw InputError("nntrace: unknown command '" + command + "' (commands: list, run, build, check, grade, variants)");
}

}  // namespace

int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    Io io{out, err};
    try {
        return dispatch(args, io);
    } catch (const InputError& e) {
        err << e.what() << "\n";
        return exit_code::bad_input;
    } catch (const std::exception& e) {
        err << "nntrace: internal error: " << e.what() << "\n";
        return exit_code::internal_error;
    }
}

}  // namespace nntrace
