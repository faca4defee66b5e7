// nntrace check through the command line: exit codes 0/3/2, the diagnosis, the formats.
#include <catch2/catch.hpp>

#include "cli_fixture.hpp"

namespace {

std::string exercise7() { return source_path("examples/exercise-7.toml"); }

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("Check: the homework's own answers exit 0", "[cli][check]") {
    const CliResult r = run({"check", exercise7()});
    CHECK(r.code == 0);
    CHECK(has(r.out, "✓ correct"));
    CHECK(r.err.empty());
}

TEST_CASE("Check: a wrong answer exits 3 and names the sign mistake", "[cli][check]") {
    const CliResult r = run({"check", exercise7(), "--answer", "dL/dw8=0.301"});
    CHECK(r.code == 3);
    CHECK(has(r.out, "✗ wrong"));
    CHECK(has(r.out, "The sign is flipped"));
    CHECK(has(r.out, "∂L/∂w8 = −0.301"));  // the correct chain-rule lines follow
}

TEST_CASE("Check: a last-digit answer alone exits 0", "[cli][check]") {
    const CliResult r = run({"check", exercise7(), "--answer", "yhat=0.385"});
    CHECK(r.code == 0);
    CHECK(has(r.out, "≈ last digit"));
}

TEST_CASE("Check: the command line wins over the file for a repeated answer", "[cli][check]") {
    const CliResult r = run({"check", exercise7(), "--answer", "yhat=0.999"});
    CHECK(r.code == 3);
    CHECK(has(r.out, "0.999"));
    CHECK_FALSE(has(r.out, "yhat    0.384"));
}

TEST_CASE("Check: an unknown answer option exits 2 naming the option", "[cli][check]") {
    const CliResult r = run({"check", exercise7(), "--answer", "dL/dw11=0.1"});
    CHECK(r.code == 2);
    CHECK(r.out.empty());
    CHECK(has(r.err, "--answer dL/dw11=0.1: 'dL/dw11' names nothing in the problem"));
}

TEST_CASE("Check: an answer option that is not a number exits 2", "[cli][check]") {
    const CliResult r = run({"check", exercise7(), "--answer", "yhat=abc"});
    CHECK(r.code == 2);
    CHECK(r.out.empty());
    CHECK(has(r.err, "--answer yhat=abc"));
}

TEST_CASE("Check: a format check does not write exits 2", "[cli][check]") {
    CHECK(run({"check", exercise7(), "--format", "csv"}).code == 2);
}

TEST_CASE("Check: json and md carry the verdicts", "[cli][check]") {
    const CliResult json = run({"check", exercise7(), "--answer", "dL/dw8=0.301", "--format", "json"});
    CHECK(json.code == 3);
    CHECK(has(json.out, "\"check.verdict.wrong\""));
    CHECK(has(json.out, "\"check.mistake.sign_flipped\""));
    const CliResult md = run({"check", exercise7(), "--format", "md", "--lang", "zh"});
    CHECK(md.code == 0);
    CHECK(has(md.out, "✓ 正确"));
}

TEST_CASE("Check: an answer cut off instead of rounded is explained as such", "[cli][check]") {
    const CliResult r = run({"check", exercise7(), "--answer", "dL/dw7=-0.409"});
    CHECK(r.code == 0);  // a last digit is not wrong
    CHECK(has(r.out, "≈ last digit"));
    CHECK(has(r.out, "instead of rounding gives −0.409"));
    CHECK_FALSE(has(r.out, "none of the common mistakes"));
}

TEST_CASE("Check: an answer worked on from a wrong earlier answer is a carried error, exit 3", "[cli][check]") {
    // dL/dw7 from the student's own yhat = 0.385 is −0.409 (see checking/follow_on_test.cpp).
    const std::vector<std::string> args{"check", exercise7(), "--answer", "yhat=0.385", "--answer", "dL/dw7=-0.409"};
    const CliResult r = run(args);
    CHECK(r.code == 3);
    CHECK(has(r.out, "↪ carried error"));
    CHECK(has(r.out, "follows from your yhat = 0.385"));
    CHECK(has(r.out, "The first wrong step is yhat = 0.385"));
    std::vector<std::string> scored = args;
    scored.push_back("--carried-correct");
    CHECK(run(scored).code == 0);
}

TEST_CASE("Check: --help states the exit codes", "[cli][check]") {
    const CliResult r = run({"check", "--help"});
    CHECK(r.code == 0);
    CHECK(has(r.out, "3 some answer wrong or a"));
    CHECK(has(r.out, "--carried-correct"));
}
