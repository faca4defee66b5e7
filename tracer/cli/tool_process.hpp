// Running an external tool (Graphviz `dot`, gnuplot) as a child process: found on PATH, started
// without a shell, its error stream kept for the one line that says why it failed.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

namespace nntrace {

// The program's absolute path from PATH (or the name itself when it contains a '/'), or "" when
// it is not installed.
std::string find_program(const std::string& name);

struct ToolRun {
    bool ok = false;         // exited with status 0
    bool timed_out = false;  // stopped at its time limit
    std::string message;     // why not: the tool's error line, "exit N", "killed", the time limit, or why it did not start
};

// Runs `program` with `args` inside `dir` (so that the scripts' relative names resolve), with
// no input and its output discarded; waits for it, at most `time_limit`: then the tool and
// every process it started (its own process group) are killed. Its error stream goes to
// `errors_name`, a file inside `dir` (a private staging folder) that is removed afterwards.
ToolRun run_tool(const std::string& program, const std::vector<std::string>& args,
                 const std::filesystem::path& dir, const std::string& errors_name,
                 std::chrono::milliseconds time_limit);

}  // namespace nntrace
