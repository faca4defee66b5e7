#include "home.hpp"

#include <cstdlib>
#include <system_error>

namespace nntrace {

std::filesystem::path installed_home(const std::filesystem::path& executable) {
    namespace fs = std::filesystem;
    const fs::path bin = executable.parent_path();
    if (bin.filename() != "bin") return {};
    const fs::path home = bin.parent_path() / "share" / "nntrace";
    std::error_code ec;
    return fs::is_directory(home / "lessons", ec) ? home : fs::path{};
}

std::filesystem::path nntrace_home() {
    if (const char* env = std::getenv("NNTRACE_HOME"); env && *env) return env;
    std::error_code ec;
    // Linux: the running binary, symbolic links resolved (a link in ~/bin still finds the prefix).
    const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        if (auto home = installed_home(self); !home.empty()) return home;
    }
    return NNTRACE_SOURCE_HOME;
}

}  // namespace nntrace
