// `nntrace build` copies the module for the browser and Viz into the course (assets/web) when
// scripts/build-web built them, and says so when it did not: the course builds either way.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>

#include "cli_fixture.hpp"
#include "fake_tools.hpp"

namespace fs = std::filesystem;

namespace {

// A home of the project's lessons and templates, with or without a built module; NNTRACE_HOME
// points at it for one test.
class WebHome {
public:
    WebHome(const std::string& name, bool built) : dir_(name) {
        fs::create_directory_symlink(fs::path(NNTRACE_SOURCE_HOME) / "lessons", dir_.path() / "lessons");
        fs::create_directory_symlink(fs::path(NNTRACE_SOURCE_HOME) / "templates", dir_.path() / "templates");
        if (built) {
            const fs::path viz = dir_.path() / "build-web" / "node_modules" / "@viz-js" / "viz" / "dist";
            fs::create_directories(viz);
            std::ofstream(dir_.path() / "build-web" / "nntrace-web.js") << "// a stand-in module\n";
            std::ofstream(viz / "viz-global.js") << "// a stand-in Viz\n";
        }
        ::setenv("NNTRACE_HOME", dir_.path().c_str(), 1);
    }
    ~WebHome() { ::setenv("NNTRACE_HOME", NNTRACE_SOURCE_HOME, 1); }

private:
    ScratchDir dir_;
};

}  // namespace

TEST_CASE("CLI build: the module and Viz built by scripts/build-web are copied into assets/web", "[cli][build][web]") {
    const WebHome home("web-home-built", true);
    ScratchDir out("web-course");
    const auto r = run({"build", "--out", out.path().string()});
    REQUIRE(r.code == 0);
    CHECK(read_text(out.path() / "assets" / "web" / "nntrace-web.js") == "// a stand-in module\n");
    CHECK(read_text(out.path() / "assets" / "web" / "viz-standalone.js") == "// a stand-in Viz\n");
    CHECK(r.err.find("build-web") == std::string::npos);
}

TEST_CASE("CLI build: without the module the course is built and a note names scripts/build-web", "[cli][build][web]") {
    const WebHome home("web-home-bare", false);
    ScratchDir out("web-course-bare");
    const auto r = run({"build", "--out", out.path().string()});
    REQUIRE(r.code == 0);
    CHECK_FALSE(fs::exists(out.path() / "assets" / "web"));
    CHECK(fs::exists(out.path() / "net-222" / "en" / "index.html"));
    CHECK(occurrences(r.err, "run scripts/build-web") == 1);
}

TEST_CASE("CLI run: a page of its own gets no module beside it", "[cli][run][web]") {
    const WebHome home("web-home-run", true);
    ScratchDir out("web-run");
    const auto r = run({"run", "net-222", "--format", "html", "--out", (out.path() / "page.html").string()});
    REQUIRE(r.code == 0);
    CHECK(fs::exists(out.path() / "assets" / "nntrace.css"));
    CHECK_FALSE(fs::exists(out.path() / "assets" / "web"));
}
