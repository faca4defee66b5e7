// The command line: `nntrace list | run | build`. The only code that touches the file system
// (besides reading lessons and problem files) and the only code that knows about options.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace nntrace {

namespace exit_code {
constexpr int ok = 0;
constexpr int internal_error = 1;
constexpr int bad_input = 2;  // a bad option, a bad --set value, a bad problem or lesson file
}  // namespace exit_code

// Runs one command line (without the program name) and returns the exit code. Results go to
// `out`, messages to `err`.
int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace nntrace
