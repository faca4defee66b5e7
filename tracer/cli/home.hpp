// Where nntrace finds its lessons and templates.
#pragma once

#include <filesystem>

namespace nntrace {

// The folder holding lessons/ and templates/, the first of:
// - $NNTRACE_HOME, when set;
// - <prefix>/share/nntrace, when the binary runs as <prefix>/bin/nntrace (installed with
//   `cmake --install` or the Debian package): found from the executable's own path, so the
//   installed copy works wherever the prefix is;
// - the source tree the binary was built from (running it from the build tree).
std::filesystem::path nntrace_home();

// <prefix>/share/nntrace for an executable at <prefix>/bin/<name>, if that folder holds
// lessons/; empty otherwise. Separate from nntrace_home() so that it can be tested.
std::filesystem::path installed_home(const std::filesystem::path& executable);

inline std::filesystem::path lessons_dir() { return nntrace_home() / "lessons"; }
inline std::filesystem::path templates_dir() { return nntrace_home() / "templates"; }
inline std::filesystem::path messages_dir() { return templates_dir() / "messages"; }

}  // namespace nntrace
