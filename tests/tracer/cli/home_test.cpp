#include <catch2/catch.hpp>

#include <filesystem>
#include <regex>

#include "cli/home.hpp"
#include "cli_fixture.hpp"

namespace fs = std::filesystem;

namespace {

// A throwaway install prefix: <prefix>/bin and, when asked, <prefix>/share/nntrace/lessons.
struct Prefix {
    ScratchDir scratch{"home"};
    const fs::path& root = scratch.path();
    explicit Prefix(bool with_lessons) {
        fs::create_directories(root / "bin");
        if (with_lessons) fs::create_directories(root / "share" / "nntrace" / "lessons");
    }
};

}  // namespace

TEST_CASE("Home: a binary in <prefix>/bin finds <prefix>/share/nntrace", "[cli][home]") {
    const Prefix prefix(true);
    CHECK(nntrace::installed_home(prefix.root / "bin" / "nntrace") == prefix.root / "share" / "nntrace");
}

TEST_CASE("Home: without share/nntrace/lessons beside bin/ there is no installed home", "[cli][home]") {
    const Prefix prefix(false);
    CHECK(nntrace::installed_home(prefix.root / "bin" / "nntrace").empty());
}

TEST_CASE("Home: a binary outside a bin/ folder (the build tree) has no installed home", "[cli][home]") {
    const Prefix prefix(true);
    CHECK(nntrace::installed_home(prefix.root / "share" / "nntrace").empty());
}

TEST_CASE("CLI: --version names the version and the commit", "[cli][version]") {
    const auto r = run({"--version"});
    CHECK(r.code == 0);
    CHECK(std::regex_match(r.out, std::regex(R"(nntrace \d+\.\d+\.\d+ \((commit [0-9a-f]{12}(, with local changes)?|unknown commit)\)\n)")));
}
