#include "options.hpp"

#include <cstdlib>

#include "core/errors.hpp"

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

namespace {

int read_decimals(const std::string& text) {
    char* end = nullptr;
    const long n = std::strtol(text.c_str(), &end, 10);
    if (text.empty() || *end != '\0' || n < 0 || n > 12)
        throw InputError("--decimals " + text + ": expected a whole number from 0 to 12");
    return static_cast<int>(n);
}

Rounding read_rounding(const std::string& text) {
    if (text == "half-up") return Rounding::half_up;
    if (text == "truncate") return Rounding::truncate;
    throw InputError("--rounding " + text + ": expected half-up or truncate");
}

}  // namespace

RunOptions run_options_from(const po::variables_map& vm) {
    RunOptions o;
    const bool exact = vm.count("exact") && vm["exact"].as<bool>();
    const bool decimals = vm.count("decimals") > 0;
    if (exact && decimals) throw InputError("--exact and --decimals: choose one");
    if (exact && vm.count("rounding"))
        throw InputError("--rounding " + vm["rounding"].as<std::string>() + ": --exact rounds nothing");
    // Alone, --rounding applies to the file's or lesson's own decimals.
    if (vm.count("rounding") && !decimals) o.rounding = read_rounding(vm["rounding"].as<std::string>());
    if (exact) o.arithmetic = Arithmetic::exact();
    if (decimals) {
        const Rounding r = vm.count("rounding") ? read_rounding(vm["rounding"].as<std::string>()) : Rounding::half_up;
        o.arithmetic = Arithmetic::hand(read_decimals(vm["decimals"].as<std::string>()), r);
    }
    if (vm.count("set")) {
        for (const auto& s : vm["set"].as<std::vector<std::string>>()) {
            const auto eq = s.find('=');
            if (eq == std::string::npos || eq == 0 || eq + 1 == s.size())
                throw InputError("--set " + s + ": expected NAME=VALUE");
            o.sets.emplace_back(s.substr(0, eq), s.substr(eq + 1));
        }
    }
    return o;
}

std::string lang_from(const po::variables_map& vm) {
    const std::string lang = vm["lang"].as<std::string>();
    if (lang != "en" && lang != "zh") throw InputError("--lang " + lang + ": expected en or zh");
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
    } catch (const po::too_many_positional_options_error&) {
        throw InputError("nntrace " + command + ": too many arguments (see nntrace " + command + " --help)");
    } catch (const po::error& e) {
        throw InputError("nntrace " + command + ": " + e.what() + " (see nntrace " + command + " --help)");
    }
    return vm;
}

}  // namespace nntrace
