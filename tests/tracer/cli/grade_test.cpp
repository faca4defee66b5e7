// nntrace grade through the command line: the class summary, skipped rows, bad headers.
#include <fstream>

#include <catch2/catch.hpp>

#include "cli_fixture.hpp"

namespace {

std::string exercise7() { return source_path("examples/exercise-7.toml"); }

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::string sheet(const ScratchDir& dir, const std::string& text) {
    const auto path = (dir.path() / "sheet.csv").string();
    std::ofstream(path, std::ios::binary) << text;
    return path;
}

// The key 0.384, -0.410, -0.301; Bo flips a sign, Cy forgets the ½, Di is one off, Ed is blank.
const char* class_sheet =
    "student,yhat,dL/dw7,dL/dw8\n"
    "Ann,0.384,-0.410,-0.301\n"
    "Bo,0.384,0.410,0.301\n"
    "Cy,0.384,-0.820,-0.602\n"
    "\"Di, Jr.\",0.385,-0.410,-0.301\n"
    "Ed,0.384,,-0.301\n";

}  // namespace

TEST_CASE("Grade: the summary counts each verdict per answer", "[cli][grade]") {
    ScratchDir dir("grade-summary");
    const CliResult r = run({"grade", exercise7(), sheet(dir, class_sheet), "--format", "csv"});
    REQUIRE(r.code == 3);  // Bo and Cy have wrong answers
    CHECK(r.err.empty());
    // answer, correct, last digit, carried, wrong, blank
    CHECK(has(r.out, "yhat,4,1,0,0,0"));
    CHECK(has(r.out, "dL/dw7,2,0,0,2,1"));
    CHECK(has(r.out, "dL/dw8,3,0,0,2,0"));
}

TEST_CASE("Grade: the most common mistakes are listed per answer", "[cli][grade]") {
    ScratchDir dir("grade-mistakes");
    const CliResult r = run({"grade", exercise7(), sheet(dir, class_sheet)});
    REQUIRE(r.code == 3);
    CHECK(has(r.out, "The sign is flipped"));
    CHECK(has(r.out, "The loss taken without its ½"));
    CHECK(has(r.out, "Di, Jr."));
}

TEST_CASE("Grade: malformed rows are reported by line on stderr and skipped", "[cli][grade]") {
    ScratchDir dir("grade-skipped");
    const std::string path = sheet(dir, "student,yhat\nAnn,0.384\nBo,0.384,1\nCy,abc\n\"Di,0.384\nEd,0.384\n");
    const CliResult r = run({"grade", exercise7(), path, "--format", "csv"});
    REQUIRE(r.code == 0);
    CHECK(has(r.err, path + ":3:10: 3 fields, expected 2"));  // at the field too many
    CHECK(has(r.err, path + ":4:4: the answer for yhat, 'abc', is not a number"));
    CHECK(has(r.err, path + ":5:1: unbalanced quote"));
    CHECK(has(r.out, "yhat,2,0,0,0,0"));  // Ann and Ed
}

TEST_CASE("Grade: a malformed header exits 2 with its line, writing nothing", "[cli][grade]") {
    ScratchDir dir("grade-header");
    const std::vector<std::pair<std::string, std::string>> headers = {
        {"name,yhat\nAnn,0.384\n", "the first column must be 'student'"},
        {"student\nAnn\n", "no answer columns"},
        {"student,yhat,yhat\n", "named twice"},
        {"student,yhatt\n", "did you mean 'yhat'?"},
        {"student,\"yhat\n", "not valid CSV"},
        {"student,,yhat\n", "has no name"},
        {"", "is empty"},
    };
    for (const auto& [text, what] : headers) {
        const std::string path = sheet(dir, text);
        const CliResult r = run({"grade", exercise7(), path});
        CHECK(r.code == 2);
        CHECK(r.out.empty());
        CHECK(has(r.err, what));
        if (!text.empty()) CHECK(has(r.err, path + ":1:"));
    }
}

TEST_CASE("Grade: a header fault names the column of the answer at fault", "[cli][grade][hardening]") {
    ScratchDir dir("grade-header-column");
    const std::vector<std::pair<std::string, std::string>> headers = {
        {"student,yhat,yhat\n", ":1:14: header: the answer 'yhat' is named twice"},
        {"student,yhat,dL/dw7x\n", ":1:14: header: 'dL/dw7x' names nothing"},
        {"student,yhat,\"dL/dw7\n", ":1:14: the header is not valid CSV: unbalanced quote"},
        {"name,yhat\n", ":1:1: header: the first column must be 'student'"},
    };
    for (const auto& [text, what] : headers) {
        const std::string path = sheet(dir, text);
        const CliResult r = run({"grade", exercise7(), path});
        CHECK(r.code == 2);
        CHECK(has(r.err, path + what));
    }
}

TEST_CASE("Grade: a sheet that is not UTF-8 or holds a control character is refused where it is", "[cli][grade][hardening]") {
    ScratchDir dir("grade-utf8");
    const std::vector<std::pair<std::string, std::string>> sheets = {
        {"student,yhat\nJos\xE9,0.384\n", ":2:4: this byte (\\xe9) is not UTF-8"},
        {"student,yhat\n\xE6\x9D\x8E\xE9,0.384\n", ":2:2: this byte (\\xe9) is not UTF-8"},
        {std::string("student,yhat\nAn") + '\0' + "n,0.384\n", ":2:3: a control character (\\x00)"},
        {"student,yhat\nA\x1b[31mnn,0.384\n", ":2:2: a control character (\\x1b)"},
    };
    for (const auto& [text, what] : sheets) {
        const std::string path = sheet(dir, text);
        const CliResult r = run({"grade", exercise7(), path, "--format", "html"});
        CHECK(r.code == 2);
        CHECK(r.out.empty());
        CHECK(has(r.err, path + what));
    }
}

TEST_CASE("Grade: carried errors are counted apart, and scored as correct on request", "[cli][grade]") {
    // Fay's dL/dw7 follows from her yhat = 0.385 (see checking/follow_on_test.cpp); Gus's does not.
    ScratchDir dir("grade-carried");
    const std::string path = sheet(dir, "student,yhat,dL/dw7\nFay,0.385,-0.409\nGus,0.385,-0.420\n");
    const CliResult r = run({"grade", exercise7(), path, "--format", "csv"});
    REQUIRE(r.code == 3);
    CHECK(has(r.out, "dL/dw7,0,0,1,1,0"));  // correct, last digit, carried, wrong, blank
    CHECK(has(r.out, "follows from your yhat = 0.385"));
    const CliResult scored = run({"grade", exercise7(), path, "--format", "csv", "--carried-correct"});
    CHECK(scored.code == 3);                      // Gus is still wrong
    CHECK(has(scored.out, "dL/dw7,1,0,1,1,0"));   // Fay's carried answer counts as correct too
}

TEST_CASE("Grade: a class with every answer correct exits 0", "[cli][grade]") {
    ScratchDir dir("grade-all-correct");
    const CliResult r = run({"grade", exercise7(), sheet(dir, "student,yhat,dL/dw7\nAnn,0.384,-0.410\n"), "--format", "csv"});
    CHECK(r.code == 0);
}
