// `nntrace --version`: the project version and the git commit the binary was built from.
#pragma once

namespace nntrace {

// "nntrace 0.1.0 (commit 0123456789ab)", or "(unknown commit)" when built outside a git
// checkout. Defined in a file the build writes (cmake/version_info.cmake).
const char* version_text();

}  // namespace nntrace
