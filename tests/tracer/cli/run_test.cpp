#include <catch2/catch.hpp>

#include <fstream>

#include "cli_fixture.hpp"

TEST_CASE("CLI run: an unknown lesson exits 2 and names it", "[cli][run]") {
    const auto r = run({"run", "no-such-lesson"});
    CHECK(r.code == 2);
    CHECK(r.err.find("no-such-lesson") != std::string::npos);
    CHECK(count_lines(r.err) == 1);
}

TEST_CASE("CLI run: an unknown --set name exits 2 and names it", "[cli][run]") {
    const auto r = run({"run", "linear-backprop", "--set", "q=1"});
    CHECK(r.code == 2);
    CHECK(r.err.find("q") != std::string::npos);
    CHECK(count_lines(r.err) == 1);
}

TEST_CASE("CLI run: a non-numeric --set value exits 2", "[cli][run]") {
    const auto r = run({"run", "linear-backprop", "--set", "w=abc"});
    CHECK(r.code == 2);
    CHECK(r.err.find("w=abc") != std::string::npos);
}

TEST_CASE("CLI run: a missing problem file exits 2 and names it", "[cli][run]") {
    const auto r = run({"run", "nowhere/missing.toml"});
    CHECK(r.code == 2);
    CHECK(r.err.find("missing.toml") != std::string::npos);
}

TEST_CASE("CLI run: a bad problem file exits 2 with FILE:LINE:COLUMN", "[cli][run]") {
    ScratchDir dir("bad-problem");
    const auto file = dir.path() / "bad.toml";
    std::ofstream(file) << "[inputs]\nx = 1\n[nodes]\ny = \"2 * (x + \"\n";
    const auto r = run({"run", file.string()});
    CHECK(r.code == 2);
    CHECK(r.err.find(file.string() + ":4:") != std::string::npos);
    CHECK(count_lines(r.err) == 1);
}

TEST_CASE("CLI run: --out writes the whole file and leaves no temporary behind", "[cli][run]") {
    ScratchDir dir("out");
    const auto file = dir.path() / "deep" / "lesson.json";
    const auto r = run({"run", "linear-backprop", "--format", "json", "--out", file.string()});
    REQUIRE(r.code == 0);
    CHECK(r.out.empty());
    std::ifstream in(file);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(text.find("\"comparisons\"") != std::string::npos);
    int entries = 0;
    for (const auto& e : std::filesystem::directory_iterator(file.parent_path())) {
        (void)e;
        ++entries;
    }
    CHECK(entries == 1);
}

TEST_CASE("CLI run: the problem-format example shows yhat and both gradients", "[cli][run]") {
    const auto r = run({"run", source_path("examples/exercise-7.toml"), "--format", "json"});
    REQUIRE(r.code == 0);
    CHECK(r.out.find("\"yhat\"") != std::string::npos);
    CHECK(r.out.find("dL/dw7") != std::string::npos);
    CHECK(r.out.find("dL/dw8") != std::string::npos);
}

TEST_CASE("CLI list: every lesson on its own line with a title", "[cli][list]") {
    const auto r = run({"list"});
    REQUIRE(r.code == 0);
    CHECK(r.out.find("linear-backprop") != std::string::npos);
}

TEST_CASE("CLI build: writes the course index and each lesson's files", "[cli][build]") {
    ScratchDir dir("build");
    const auto r = run({"build", "--out", dir.path().string()});
    REQUIRE(r.code == 0);
    CHECK(std::filesystem::exists(dir.path() / "README.md"));
    CHECK(std::filesystem::exists(dir.path() / "linear-backprop" / "record.json"));
    CHECK(std::filesystem::exists(dir.path() / "linear-backprop" / "zh" / "index.md"));
    CHECK(std::filesystem::exists(dir.path() / "linear-backprop" / "en" / "lesson.txt"));
}
