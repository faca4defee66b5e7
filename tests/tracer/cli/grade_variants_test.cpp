// nntrace grade --variants DIR and --seed S --roster ROSTER.csv: each row against its student's
// own variant, as nntrace variants wrote or draws it.
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>

#include "cli_fixture.hpp"

namespace {

std::string randomised() { return source_path("examples/exercise-7-random.toml"); }

std::string put(const ScratchDir& dir, const std::string& name, const std::string& text) {
    const auto path = (dir.path() / name).string();
    std::ofstream(path, std::ios::binary) << text;
    return path;
}

std::string contents(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

bool says(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

const char* class_roster = "id,name\ns1,Ann\ns2,Bo\ns3,Cy\n";

// DIR from nntrace variants, and its key.csv (id,name,<answers>): a sheet of the class's keys.
std::string variants_dir(const ScratchDir& dir) {
    const std::string out = (dir.path() / "homework").string();
    const CliResult r = run({"variants", randomised(), "--roster", put(dir, "roster.csv", class_roster), "--seed", "7", "--out", out});
    REQUIRE(r.code == 0);
    return out;
}

// The key with the answers of the second and third rows swapped.
std::string swapped_rows(const std::string& key) {
    std::vector<std::string> lines;
    std::istringstream in(key);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    REQUIRE(lines.size() == 4);
    const auto answers = [](const std::string& l) { return l.substr(l.find(',', l.find(',') + 1)); };
    const auto who = [](const std::string& l) { return l.substr(0, l.find(',', l.find(',') + 1)); };
    return lines[0] + "\n" + lines[1] + "\n" + who(lines[2]) + answers(lines[3]) + "\n" + who(lines[3]) + answers(lines[2]) + "\n";
}

}  // namespace

TEST_CASE("Grade by variant: the class's own keys are all correct", "[cli][grade][variants]") {
    ScratchDir dir("grade-variants-own");
    const std::string hw = variants_dir(dir);
    const std::string book = (dir.path() / "book.csv").string();
    const CliResult r = run({"grade", randomised(), (std::filesystem::path(hw) / "key.csv").string(), "--variants", hw,
                             "--gradebook", book});
    CHECK(r.code == 0);
    CHECK(r.err.empty());
    CHECK(count_lines(contents(book)) == 4);
    CHECK_FALSE(says(contents(book), "wrong"));
}

TEST_CASE("Grade by variant: --seed and --roster grade as --variants does", "[cli][grade][variants]") {
    ScratchDir dir("grade-variants-seed");
    const std::string hw = variants_dir(dir);
    const std::string sheet = put(dir, "sheet.csv", swapped_rows(contents(std::filesystem::path(hw) / "key.csv")));
    const CliResult folder = run({"grade", randomised(), sheet, "--variants", hw, "--format", "csv"});
    const CliResult drawn = run({"grade", randomised(), sheet, "--seed", "7", "--roster", (dir.path() / "roster.csv").string(),
                                 "--format", "csv"});
    CHECK(folder.code == 3);
    CHECK(drawn.code == folder.code);
    CHECK(drawn.out == folder.out);
}

TEST_CASE("Grade by variant: answers from another student's variant say so", "[cli][grade][variants]") {
    ScratchDir dir("grade-variants-copied");
    const std::string hw = variants_dir(dir);
    const std::string sheet = put(dir, "sheet.csv", swapped_rows(contents(std::filesystem::path(hw) / "key.csv")));
    const CliResult r = run({"grade", randomised(), sheet, "--variants", hw});
    CHECK(r.code == 3);
    CHECK(says(r.out, "matches another student's variant (the key of s3)"));
    CHECK(says(r.out, "matches another student's variant (the key of s2)"));
    const CliResult zh = run({"grade", randomised(), sheet, "--variants", hw, "--lang", "zh"});
    CHECK(says(zh.out, "与另一名学生的题目变体一致"));
}

TEST_CASE("Grade by variant: a row whose id has no variant is reported by line", "[cli][grade][variants]") {
    ScratchDir dir("grade-variants-unknown");
    const std::string hw = variants_dir(dir);
    const std::string sheet = put(dir, "sheet.csv", "id,name,yhat\ns1,Ann,0.1\nzz,Zed,0.2\n");
    const CliResult r = run({"grade", randomised(), sheet, "--variants", hw});
    CHECK(says(r.err, sheet + ":3:1: no variant for the id 'zz' (row skipped)"));
}

TEST_CASE("Grade by variant: conflicting or incomplete options exit 2", "[cli][grade][variants]") {
    ScratchDir dir("grade-variants-options");
    const std::string sheet = put(dir, "sheet.csv", "id,yhat\ns1,0.1\n");
    const std::string roster = put(dir, "roster.csv", class_roster);
    const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
        {{"--variants", dir.path().string(), "--seed", "7", "--roster", roster}, "not both"},
        {{"--seed", "7"}, "--seed: give --roster"},
        {{"--roster", roster}, "--roster: give --seed"},
        {{"--seed", "-1", "--roster", roster}, "--seed -1: expected a whole number"},
        {{"--variants", roster}, "not a folder"},
        {{"--variants", dir.path().string()}, "no <id>/problem.toml"},
    };
    for (const auto& [options, what] : cases) {
        std::vector<std::string> args{"grade", randomised(), sheet};
        args.insert(args.end(), options.begin(), options.end());
        const CliResult r = run(args);
        CHECK(r.code == 2);
        CHECK(says(r.err, what));
    }
}

TEST_CASE("Grade by variant: --seed on a problem without [random] exits 2", "[cli][grade][variants]") {
    ScratchDir dir("grade-variants-fixed");
    const CliResult r = run({"grade", source_path("examples/exercise-7.toml"), put(dir, "sheet.csv", "id,yhat\ns1,0.1\n"),
                             "--seed", "7", "--roster", put(dir, "roster.csv", class_roster)});
    CHECK(r.code == 2);
    CHECK(says(r.err, "has no [random] table"));
}
