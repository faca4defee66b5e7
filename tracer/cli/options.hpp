// Options shared by several commands, and turning their text into typed values.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

#include "core/run_options.hpp"
#include "render/render.hpp"

namespace nntrace {

// --decimals N | --exact, --rounding, --set name=value...
void add_arithmetic_options(boost::program_options::options_description& d);
void add_set_option(boost::program_options::options_description& d);
// --lang zh|en
void add_lang_option(boost::program_options::options_description& d);

// --tool-timeout SECONDS: how long dot or gnuplot may take on one picture.
void add_tool_timeout_option(boost::program_options::options_description& d);
// The option, else $NNTRACE_TOOL_TIMEOUT, else 20 s. Throws InputError naming the option or the
// variable when it is not a positive number of seconds.
std::chrono::milliseconds tool_time_limit_from(const boost::program_options::variables_map& vm);

// Reads the options above into RunOptions. Throws InputError naming the option.
RunOptions run_options_from(const boost::program_options::variables_map& vm);
std::string lang_from(const boost::program_options::variables_map& vm);
Format format_from(const std::string& text);

// Parses `args` against `visible` options plus positional names; throws InputError on unknown
// options, missing or empty values ('' is never a path: `--out ''` once wrote into the current
// folder) or extra arguments, with the command named in the message.
boost::program_options::variables_map parse_command(
    const std::string& command, const std::vector<std::string>& args,
    const boost::program_options::options_description& visible,
    const std::vector<std::string>& positional);

}  // namespace nntrace
