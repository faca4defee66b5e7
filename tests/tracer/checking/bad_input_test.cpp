// Every file in bad/ is a problem `nntrace check` must refuse: exit 2, FILE:LINE:COLUMN and what
// is wrong on the error output, and nothing written.
#include <filesystem>
#include <regex>

#include <catch2/catch.hpp>

#include "tracer/cli/cli_fixture.hpp"

namespace {

std::vector<std::filesystem::path> bad_files() {
    std::vector<std::filesystem::path> out;
    for (const auto& e : std::filesystem::directory_iterator(source_path("tests/tracer/checking/bad")))
        if (e.path().extension() == ".toml") out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST_CASE("Check: there are at least 30 bad inputs", "[check][bad]") { CHECK(bad_files().size() >= 30); }

TEST_CASE("Check: a bad input exits 2 with file, line and column, writing nothing", "[check][bad]") {
    for (const auto& file : bad_files()) {
        DYNAMIC_SECTION(file.filename().string()) {
            const CliResult r = run({"check", file.string()});
            CHECK(r.code == 2);
            CHECK(r.out.empty());
            const std::regex where("^" + std::regex_replace(file.string(), std::regex(R"([.^$|()\[\]{}*+?\\])"), R"(\$&)") +
                                   R"(:[1-9][0-9]*:[1-9][0-9]*: \S.*\n$)");
            CHECK(std::regex_match(r.err, where));
        }
    }
}

TEST_CASE("Check: an unknown answer name suggests the close one", "[check][bad]") {
    const CliResult r = run({"check", source_path("tests/tracer/checking/bad/unknown-answer.toml")});
    CHECK(r.err.find(":18:1: 'oo' names nothing in the problem") != std::string::npos);
    CHECK(r.err.find("did you mean 'o'?") != std::string::npos);
}
