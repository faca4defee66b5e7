// `nntrace build` with stand-in tools on PATH: what the pages link when a tool fails or is missing.
#include <catch2/catch.hpp>

#include <cstdlib>

#include "cli_fixture.hpp"
#include "fake_tools.hpp"

namespace fs = std::filesystem;

namespace {

// Sets PATH for one test and puts the old one back.
class PathOverride {
public:
    explicit PathOverride(const fs::path& dir) {
        if (const char* old = std::getenv("PATH")) old_ = old;
        ::setenv("PATH", dir.c_str(), 1);
    }
    ~PathOverride() { ::setenv("PATH", old_.c_str(), 1); }

private:
    std::string old_ = "/usr/bin:/bin";
};

}  // namespace

TEST_CASE("CLI build: a page does not link a picture its tool failed to draw", "[cli][build][drawing]") {
    ScratchDir tools("build-fake-tools"), out("build-dot-fails");
    write_fake_tools(tools.path(), "chain-diagram");
    const PathOverride path(tools.path());
    const auto r = run({"build", "--out", out.path().string()});
    REQUIRE(r.code == 0);
    const fs::path figures = out.path() / "linear-backprop" / "figures";
    CHECK(occurrences(r.err, "nntrace: dot failed on " + (figures / "chain-diagram.dot").string()) == 1);
    const std::string page = read_text(out.path() / "linear-backprop" / "en" / "index.md");
    CHECK(page.find("chain-diagram.svg") == std::string::npos);
    CHECK(page.find("chain-diagram.dot") != std::string::npos);
    CHECK(page.find("expanded-diagram.svg") != std::string::npos);
}

TEST_CASE("CLI build: missing tools are named once for the whole course", "[cli][build][drawing]") {
    ScratchDir empty("build-no-tools"), out("build-no-tools-out");
    const PathOverride path(empty.path());
    const auto r = run({"build", "--out", out.path().string()});
    REQUIRE(r.code == 0);
    CHECK(occurrences(r.err, "dot not found") == 1);
    CHECK(occurrences(r.err, "gnuplot not found") == 1);
    CHECK(read_text(out.path() / "linear-backprop" / "en" / "index.md").find("chain-diagram.dot") != std::string::npos);
}

TEST_CASE("CLI build: tool failures are reported in lesson order", "[cli][build][drawing]") {
    ScratchDir tools("build-fake-tools"), out("build-order");
    write_fake_tools(tools.path(), "-");  // every stem has a '-': every drawing fails
    const PathOverride path(tools.path());
    const auto r = run({"build", "--out", out.path().string()});
    REQUIRE(r.code == 0);
    const auto lessons = run({"list"}).out;
    std::size_t previous = 0;
    std::istringstream lines(lessons);
    for (std::string line; std::getline(lines, line);) {
        const std::string id = line.substr(0, line.find(' '));
        const std::size_t at = r.err.find("/" + id + "/figures/");
        if (at == std::string::npos) continue;  // a lesson without drawings
        CHECK(at >= previous);
        previous = at;
    }
    CHECK(previous > 0);
}

TEST_CASE("CLI build: no temporary is left beside the pictures", "[cli][build][drawing]") {
    ScratchDir tools("build-fake-tools"), out("build-no-temporaries");
    write_fake_tools(tools.path(), "expanded-diagram");
    const PathOverride path(tools.path());
    REQUIRE(run({"build", "--out", out.path().string()}).code == 0);
    for (const auto& e : fs::recursive_directory_iterator(out.path()))
        CHECK(e.path().filename().string().find(".tmp") == std::string::npos);
}
