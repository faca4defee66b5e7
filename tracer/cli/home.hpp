// Where nntrace finds its lessons and templates.
#pragma once

#include <filesystem>

namespace nntrace {

// The folder holding lessons/ and templates/: $NNTRACE_HOME if set, else the source tree the
// binary was built from.
std::filesystem::path nntrace_home();

inline std::filesystem::path lessons_dir() { return nntrace_home() / "lessons"; }
inline std::filesystem::path templates_dir() { return nntrace_home() / "templates"; }
inline std::filesystem::path messages_dir() { return templates_dir() / "messages"; }

}  // namespace nntrace
