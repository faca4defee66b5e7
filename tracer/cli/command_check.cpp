// nntrace check FILE [--answer name=value]...: judges answers against a problem file and, for a
// wrong one, names the common mistakes that give it and shows the correct chain-rule lines.
#include <ostream>
#include <utility>

#include "atomic_file.hpp"
#include "checking/check_answers.hpp"
#include "checking/grade.hpp"
#include "cli.hpp"
#include "commands.hpp"
#include "core/errors.hpp"
#include "home.hpp"
#include "options.hpp"
#include "output_target.hpp"

namespace po = boost::program_options;

namespace nntrace {
namespace {

Format check_format(const std::string& text) {
    const Format f = format_from(text);
    if (f != Format::text && f != Format::md && f != Format::html && f != Format::json)
        throw InputError("--format " + text + ": check writes text, md, html or json");
    return f;
}

std::vector<std::string> given_options(const po::variables_map& vm) {
    return vm.count("answer") ? vm["answer"].as<std::vector<std::string>>() : std::vector<std::string>{};
}

// Every answer judged; the problem is run once and once per mistake.
Record check(const std::string& file, const std::vector<std::string>& options, bool carried_correct, bool& wrong) {
    CheckOutcome outcome = check_answers(read_problem(file), options);
    wrong = any_wrong(outcome.judgements, carried_correct);
    return std::move(outcome.record);
}

}  // namespace

int command_check(const std::vector<std::string>& args, Io io) {
    po::options_description d(
        "nntrace check FILE.toml [--answer NAME=VALUE]... [options]: judge answers and name likely mistakes\n"
        "exit status: 0 every answer correct (or off only in its last digit), 3 some answer wrong or a\n"
        "carried error (worked on correctly from a wrong earlier answer; 0 with --carried-correct), 2 bad input");
    d.add_options()
        ("help,h", "show this help")
        ("answer", po::value<std::vector<std::string>>()->composing()->value_name("NAME=VALUE"),
         "an answer to judge, like dL/dw7=-0.410 (repeatable; wins over the file's [answers])")
        ("carried-correct", "score a carried error as correct (for the exit status)")
        ("format", po::value<std::string>()->default_value("text")->value_name("FORMAT"), "text, md, html or json")
        ("out", po::value<std::string>()->value_name("PATH"), "write to PATH instead of the terminal");
    add_lang_option(d);
    const auto vm = parse_command("check", args, d, {"file"});
    if (vm.count("help")) {
        io.out << d << "\n";
        return exit_code::ok;
    }
    if (!vm.count("file")) throw InputError("nntrace check: name a problem file");
    check_input_file(vm["file"].as<std::string>());
    if (vm.count("out")) refuse_output_onto_input("--out", vm["out"].as<std::string>(), {vm["file"].as<std::string>()});
    const Format format = check_format(vm["format"].as<std::string>());
    RenderOptions render_options;
    render_options.lang = lang_from(vm);
    render_options.messages_dir = messages_dir();
    render_options.templates_dir = templates_dir();

    bool wrong = false;
    const Record record = check(vm["file"].as<std::string>(), given_options(vm), vm.count("carried-correct") > 0, wrong);
    const std::string text = render(record, format, render_options);
    if (vm.count("out")) write_output("--out", vm["out"].as<std::string>(), text);
    else io.out << text;
    return wrong ? exit_code::answers_wrong : exit_code::ok;
}

}  // namespace nntrace
