// Runs the command line in-process and keeps what it printed, so a CLI test is a few lines.
#pragma once

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "cli/cli.hpp"

struct CliResult {
    int code;
    std::string out;
    std::string err;
};

inline CliResult run(const std::vector<std::string>& args) {
    std::ostringstream out, err;
    const int code = nntrace::run_cli(args, out, err);
    return {code, out.str(), err.str()};
}

inline std::string source_path(const std::string& relative) {
    return std::string(NNTRACE_SOURCE_HOME) + "/" + relative;
}

// A fresh folder for one test's output, removed when the test ends.
class ScratchDir {
public:
    explicit ScratchDir(const std::string& name)
        : path_(std::filesystem::temp_directory_path() /
                ("nntrace-test-" + name + "-" + std::to_string(::getpid()))) {
        std::filesystem::remove_all(path_);
        std::filesystem::create_directories(path_);
    }
    ~ScratchDir() { std::filesystem::remove_all(path_); }
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

inline int count_lines(const std::string& s) {
    int n = 0;
    for (char c : s) n += c == '\n';
    return n;
}
