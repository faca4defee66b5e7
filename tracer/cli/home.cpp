#include "home.hpp"

#include <cstdlib>

namespace nntrace {

std::filesystem::path nntrace_home() {
    if (const char* env = std::getenv("NNTRACE_HOME"); env && *env) return env;
    return NNTRACE_SOURCE_HOME;
}

}  // namespace nntrace
