#include "options.hpp"

#include <cmath>
#include <cstdlib>

#include <algorithm>

#include "core/errors.hpp"
#include "drawing_tools.hpp"
#include "lessons/run_settings.hpp"
#include "render/pages.hpp"

namespace po = boost::program_options;

namespace nntrace {

void add_arithmetic_options(po::options_description& d) {
    d.add_options()
        ("decimals", po::value<std::string>()->value_name("N"),
         "hand calculation: round every intermediate to N decimals (0-12)")
        ("exact", po::bool_switch(), "exact arithmetic (double), nothing rounded")
        ("rounding", po::value<std::string>()->value_name("MODE"),
         "half-up (四舍五入, the default) or truncate; alone, for the file's own decimals");
}

void add_set_option(po::options_description& d) {
    d.add_options()("set", po::value<std::vector<std::string>>()->composing()->value_name("NAME=VALUE"),
                    "change a parameter (repeatable)");
}

void add_lang_option(po::options_description& d) {
    d.add_options()("lang", po::value<std::string>()->default_value("en")->value_name("en|zh"),
                    "language of the text");
}

void add_tool_timeout_option(po::options_description& d) {
    d.add_options()("tool-timeout", po::value<std::string>()->value_name("SECONDS"),
                    "stop dot or gnuplot after SECONDS on one picture and link its source instead "
                    "(default 20, or $NNTRACE_TOOL_TIMEOUT)");
}

namespace {

constexpr double longest_tool_time_limit = 24 * 3600.0;

// "20", "0.5": seconds, more than 0 and at most a day.
std::chrono::milliseconds read_seconds(const std::string& text, const std::string& named) {
    char* end = nullptr;
    const double seconds = std::strtod(text.c_str(), &end);
    if (text.empty() || *end != '\0' || !std::isfinite(seconds) || seconds < 0.001 || seconds > longest_tool_time_limit)
        throw InputError(named + text + ": expected a number of seconds, more than 0 and at most 86400");
    return std::chrono::milliseconds(static_cast<long long>(std::llround(seconds * 1000)));
}

// Every value given is non-empty: an empty path would mean the current folder.
void refuse_empty_values(const std::string& command, const po::variables_map& vm, const po::options_description& all,
                         const std::vector<std::string>& positional) {
    for (const auto& [name, value] : vm) {
        const po::option_description* option = all.find_nothrow(name, false);
        if (value.defaulted() || !option || option->semantic()->max_tokens() == 0) continue;  // a switch: --help
        bool empty = false;
        if (const auto* text = boost::any_cast<std::string>(&value.value())) empty = text->empty();
        if (const auto* texts = boost::any_cast<std::vector<std::string>>(&value.value()))
            empty = std::any_of(texts->begin(), texts->end(), [](const std::string& t) { return t.empty(); });
        if (!empty) continue;
        const bool is_positional = std::find(positional.begin(), positional.end(), name) != positional.end();
        throw InputError("nntrace " + command + ": " + (is_positional ? "the " + name + " is empty" : "--" + name + " is empty") +
                         "; give it a value (see nntrace " + command + " --help)");
    }
}

}  // namespace

RunOptions run_options_from(const po::variables_map& vm) {
    RunSettings settings;
    settings.exact = vm.count("exact") && vm["exact"].as<bool>();
    if (vm.count("decimals")) settings.decimals = vm["decimals"].as<std::string>();
    if (vm.count("rounding")) settings.rounding = vm["rounding"].as<std::string>();
    if (vm.count("set")) settings.sets = vm["set"].as<std::vector<std::string>>();
    return run_options_from(settings);
}

std::chrono::milliseconds tool_time_limit_from(const po::variables_map& vm) {
    if (vm.count("tool-timeout")) return read_seconds(vm["tool-timeout"].as<std::string>(), "--tool-timeout ");
    if (const char* env = std::getenv("NNTRACE_TOOL_TIMEOUT"); env && *env)
        return read_seconds(env, "NNTRACE_TOOL_TIMEOUT=");
    return DrawingTools::default_tool_time_limit;
}

std::string lang_from(const po::variables_map& vm) {
    const std::string lang = vm["lang"].as<std::string>();
    check_page_language(lang);
    return lang;
}

Format format_from(const std::string& text) {
    if (text == "json") return Format::json;
    if (text == "text") return Format::text;
    if (text == "md") return Format::md;
    if (text == "csv") return Format::csv;
    if (text == "html") return Format::html;
    if (text == "tex") return Format::tex;
    throw InputError("--format " + text + ": expected json, text, md, html, csv or tex");
}

po::variables_map parse_command(const std::string& command, const std::vector<std::string>& args,
                                const po::options_description& visible,
                                const std::vector<std::string>& positional) {
    po::options_description all;
    all.add(visible);
    po::positional_options_description pos;
    for (const auto& name : positional) {
        all.add_options()(name.c_str(), po::value<std::string>());
        pos.add(name.c_str(), 1);
    }
    po::variables_map vm;
    try {
        po::store(po::command_line_parser(args).options(all).positional(pos).run(), vm);
        po::notify(vm);
        refuse_empty_values(command, vm, all, positional);
    } catch (const po::too_many_positional_options_error&) {
        throw InputError("nntrace " + command + ": too many arguments (see nntrace " + command + " --help)");
    } catch (const po::error& e) {
        throw InputError("nntrace " + command + ": " + e.what() + " (see nntrace " + command + " --help)");
    }
    return vm;
}

}  // namespace nntrace
