#include <catch2/catch.hpp>

#include "cli_fixture.hpp"

TEST_CASE("CLI: no command prints the usage and exits 2", "[cli]") {
    const auto r = run({});
    CHECK(r.code == 2);
    CHECK(r.err.find("usage: nntrace") != std::string::npos);
}

TEST_CASE("CLI: --help exits 0 and lists the commands", "[cli]") {
    const auto r = run({"--help"});
    CHECK(r.code == 0);
    CHECK(r.out.find("run <lesson | FILE.toml>") != std::string::npos);
}

TEST_CASE("CLI: every command has --help", "[cli]") {
    for (const char* command : {"list", "run", "build"}) {
        const auto r = run({command, "--help"});
        INFO(command);
        CHECK(r.code == 0);
        CHECK(r.out.find(std::string("nntrace ") + command) != std::string::npos);
    }
}

TEST_CASE("CLI: an unknown command exits 2 and names it", "[cli]") {
    const auto r = run({"frobnicate"});
    CHECK(r.code == 2);
    CHECK(r.err.find("'frobnicate'") != std::string::npos);
    CHECK(count_lines(r.err) == 1);
}

TEST_CASE("CLI: an unknown option exits 2 with a one-line message naming it", "[cli]") {
    const auto r = run({"run", "linear-backprop", "--colour"});
    CHECK(r.code == 2);
    CHECK(r.err.find("--colour") != std::string::npos);
    CHECK(count_lines(r.err) == 1);
}

TEST_CASE("CLI: --decimals must be a whole number from 0 to 12", "[cli]") {
    for (const char* bad : {"abc", "-1", "13", "2.5"}) {
        const auto r = run({"run", "linear-backprop", "--decimals", bad});
        INFO(bad);
        CHECK(r.code == 2);
        CHECK(r.err.find("--decimals") != std::string::npos);
    }
}

TEST_CASE("CLI: --exact and --decimals exclude each other", "[cli]") {
    const auto r = run({"run", "linear-backprop", "--exact", "--decimals", "3"});
    CHECK(r.code == 2);
    CHECK(r.err.find("--exact and --decimals") != std::string::npos);
}

TEST_CASE("CLI: --rounding needs decimals (the file's or --decimals) and a known mode", "[cli]") {
    CHECK(run({"run", "linear-backprop", "--rounding", "truncate"}).code == 0);  // the lesson's 4 decimals
    const auto exact = run({"run", "gd-1d", "--rounding", "truncate"});
    CHECK(exact.code == 2);
    CHECK(exact.err.find("--rounding truncate") != std::string::npos);
    const auto r = run({"run", "linear-backprop", "--decimals", "3", "--rounding", "banker"});
    CHECK(r.code == 2);
    CHECK(r.err.find("--rounding banker") != std::string::npos);
}

TEST_CASE("CLI: --set needs NAME=VALUE", "[cli]") {
    for (const char* bad : {"w", "=3", "w="}) {
        const auto r = run({"run", "linear-backprop", "--set", bad});
        INFO(bad);
        CHECK(r.code == 2);
        CHECK(r.err.find("--set") != std::string::npos);
    }
}

TEST_CASE("CLI: --format and --lang accept only their values", "[cli]") {
    CHECK(run({"run", "linear-backprop", "--format", "pdf"}).code == 2);
    CHECK(run({"run", "linear-backprop", "--lang", "fr"}).code == 2);
}

TEST_CASE("CLI: run without a target exits 2", "[cli]") {
    const auto r = run({"run"});
    CHECK(r.code == 2);
    CHECK(r.err.find("lesson id or a problem file") != std::string::npos);
}

TEST_CASE("CLI: run with two targets exits 2", "[cli]") {
    CHECK(run({"run", "linear-backprop", "extra"}).code == 2);
}
