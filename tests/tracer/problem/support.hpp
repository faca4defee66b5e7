// Helpers shared by the problem tests: where the data files are, and the error a text raises.
#pragma once

#include <filesystem>
#include <string>

#include "core/errors.hpp"
#include "problem/problem.hpp"

namespace nntrace::test {

inline std::filesystem::path data_file(const std::string& name) {
    return std::filesystem::path(NNTRACE_SOURCE_HOME) / "tests/tracer/problem/data" / name;
}

inline std::filesystem::path example_file(const std::string& name) {
    return std::filesystem::path(NNTRACE_SOURCE_HOME) / "examples" / name;
}

// The InputError that parsing `toml` throws; fails the test if it parses.
inline InputError parse_error(const std::string& toml) {
    try {
        parse_problem(toml, "bad.toml");
    } catch (const InputError& e) {
        return e;
    }
    throw std::logic_error("expected an InputError, but the problem was accepted");
}

// The InputError that running `toml` (which must parse) throws.
inline InputError run_error(const std::string& toml, const RunOptions& options = {}) {
    const Problem p = parse_problem(toml, "bad.toml");
    try {
        run_problem(p, options);
    } catch (const InputError& e) {
        return e;
    }
    throw std::logic_error("expected an InputError, but the run succeeded");
}

}  // namespace nntrace::test
