// The corpus of bad inputs, through the command line as a user meets it: each gives exit code 2,
// one line that names the file, line and column or the option, and writes nothing.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <regex>

#include "cli_fixture.hpp"

namespace fs = std::filesystem;

namespace {

// Runs `args` + `--out` into an empty folder; the folder must stay empty.
void check_refused(std::vector<std::string> args, const std::regex& names_where) {
    ScratchDir dir("bad-input");
    args.push_back("--out");
    args.push_back((dir.path() / "out.txt").string());
    const auto r = run(args);
    std::string command;
    for (const auto& a : args) command += a + " ";
    INFO(command << "\n" << r.err);
    CHECK(r.code == 2);
    CHECK(count_lines(r.err) == 1);
    CHECK(std::regex_search(r.err, names_where));
    CHECK(fs::is_empty(dir.path()));
}

const std::regex file_line_column(R"(\.toml:\d+:\d+: )");

std::vector<fs::path> toml_files(const std::string& folder, const std::string& prefix = "") {
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(source_path(folder)))
        if (e.path().extension() == ".toml" && e.path().filename().string().rfind(prefix, 0) == 0)
            out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST_CASE("Bad inputs: every bad problem file is refused at its line and column", "[cli][bad-input]") {
    auto files = toml_files("tests/tracer/checking/bad");
    const auto shorthand = toml_files("tests/tracer/problem/data", "network-");
    files.insert(files.end(), shorthand.begin(), shorthand.end());
    files.push_back(source_path("tests/tracer/problem/data/cycle.toml"));
    files.push_back(source_path("tests/tracer/problem/data/ln-of-negative.toml"));
    files.push_back(source_path("tests/tracer/problem/data/misspelt-table.toml"));
    CHECK(files.size() >= 50);
    for (const auto& f : files) {
        // Some of these files are bad only in their answers: `check` reads those.
        const auto r = run({"run", f.string()});
        const bool bad_answers_only = r.code == 0;
        check_refused({bad_answers_only ? "check" : "run", f.string()}, file_line_column);
    }
}

TEST_CASE("Bad inputs: bad --set values name the option", "[cli][bad-input]") {
    const std::vector<std::vector<std::string>> cases = {
        {"run", "linear-backprop", "--set", "w=abc"},       {"run", "linear-backprop", "--set", "nope=1"},
        {"run", "linear-backprop", "--set", "w="},          {"run", "linear-backprop", "--set", "max_rounds=0"},
        {"run", "linear-backprop", "--set", "tolerance=-1"}, {"run", "perceptron", "--set", "order=sideways"},
        {"run", "black-box", "--set", "box=2*x +"},          {"run", "net-222", "--set", "rounds=-3"},
        {"run", "gd-1d", "--set", "rate=fast"},             {"run", source_path("examples/exercise-7.toml"), "--set", "w99=1"},
    };
    for (const auto& args : cases) check_refused(args, std::regex("--set "));
}

TEST_CASE("Bad inputs: bad options name the option", "[cli][bad-input]") {
    const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
        {{"run", "linear-backprop", "--decimals", "13"}, "--decimals"},
        {{"run", "linear-backprop", "--decimals", "x"}, "--decimals"},
        {{"run", "linear-backprop", "--exact", "--decimals", "2"}, "--exact and --decimals"},
        {{"run", "linear-backprop", "--rounding", "down", "--decimals", "2"}, "--rounding"},
        {{"run", "linear-backprop", "--format", "docx"}, "--format"},
        {{"run", "linear-backprop", "--lang", "fr"}, "--lang"},
        {{"run", "linear-backprop", "--table", "nope"}, "--table"},
        {{"run", "linear-backprop", "--plot-format", "gif"}, "--plot-format"},
        {{"run", "linear-backprop", "--verbose"}, "--verbose"},
        {{"run", "no-such-lesson"}, "no-such-lesson"},
    };
    for (const auto& [args, option] : cases) check_refused(args, std::regex(std::regex_replace(option, std::regex(R"([-])"), "\\-")));
}

TEST_CASE("Bad inputs: a malformed CSV header is refused at its line", "[cli][bad-input]") {
    ScratchDir dir("bad-csv");
    const auto csv = dir.path() / "class.csv";
    std::ofstream(csv) << "student,yhat,\"dL/dw7\n";
    const auto r = run({"grade", source_path("examples/exercise-7.toml"), csv.string()});
    CHECK(r.code == 2);
    CHECK(count_lines(r.err) == 1);
    CHECK(r.err.find(csv.string() + ":1") != std::string::npos);
}

TEST_CASE("Bad inputs: a broken lesson folder is refused at its line and column", "[cli][bad-input]") {
    for (const char* lesson : {"bad-expression", "syntax-error", "unknown-key", "unknown-kind", "wrong-id"}) {
        // A course of one broken lesson, with the real templates.
        ScratchDir home(std::string("broken-") + lesson);
        fs::create_directories(home.path() / "lessons");
        fs::copy(source_path("tests/tracer/lessons/fixtures/broken/") + lesson, home.path() / "lessons" / lesson,
                 fs::copy_options::recursive);
        fs::create_directory_symlink(source_path("templates"), home.path() / "templates");
        ::setenv("NNTRACE_HOME", home.path().c_str(), 1);
        const auto r = run({"run", lesson});
        ::setenv("NNTRACE_HOME", NNTRACE_SOURCE_HOME, 1);
        INFO(lesson << ": " << r.err);
        CHECK(r.code == 2);
        CHECK(count_lines(r.err) == 1);
        CHECK(std::regex_search(r.err, file_line_column));
    }
}
