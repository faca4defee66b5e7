// One function per command; each parses its own options and returns an exit code.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace nntrace {

struct Io {
    std::ostream& out;
    std::ostream& err;
};

int command_list(const std::vector<std::string>& args, Io io);
int command_run(const std::vector<std::string>& args, Io io);
int command_build(const std::vector<std::string>& args, Io io);
int command_check(const std::vector<std::string>& args, Io io);
int command_grade(const std::vector<std::string>& args, Io io);
int command_variants(const std::vector<std::string>& args, Io io);

namespace exit_code {
constexpr int answers_wrong = 3;  // nntrace check, grade: some answer is wrong or a carried error
}  // namespace exit_code

}  // namespace nntrace
