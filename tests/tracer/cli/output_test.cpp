// Where `--out` and `--figures` write, and what they never do: replace a FIFO, a device or a
// symbolic link, overwrite an input, write into the current folder for '', follow a planted
// temporary name, or leave part of a failed command's output behind.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <fstream>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

#include "cli/output_target.hpp"
#include "cli_fixture.hpp"
#include "fake_tools.hpp"

using namespace nntrace;
namespace fs = std::filesystem;

namespace {

bool contains_text(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::string output_exercise7() { return source_path("examples/exercise-7.toml"); }

// A copy of the example problem inside `dir`, so that a test may try to overwrite it.
fs::path problem_copy(const ScratchDir& dir) {
    const fs::path copy = dir.path() / "p.toml";
    fs::copy_file(output_exercise7(), copy);
    return copy;
}

bool still_a_fifo(const fs::path& p) {
    struct stat st {};
    return ::lstat(p.c_str(), &st) == 0 && S_ISFIFO(st.st_mode);
}

std::vector<std::string> entries(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

}  // namespace

TEST_CASE("Output: the kind of a target is read after its symbolic links", "[cli][output]") {
    ScratchDir dir("output-kinds");
    const fs::path file = dir.path() / "file", fifo = dir.path() / "fifo", link = dir.path() / "link";
    std::ofstream(file) << "x";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    fs::create_symlink("fifo", link);
    fs::create_symlink("missing", dir.path() / "dangling");
    CHECK(resolve_output(file).kind == OutputKind::regular);
    CHECK(resolve_output(dir.path()).kind == OutputKind::directory);
    CHECK(resolve_output(fifo).kind == OutputKind::fifo);
    CHECK(resolve_output(link).kind == OutputKind::fifo);
    CHECK(resolve_output(link).path == fifo);
    CHECK(resolve_output(dir.path() / "dangling").kind == OutputKind::absent);
    CHECK(resolve_output(dir.path() / "dangling").path == dir.path() / "missing");
    CHECK(writes_through(OutputKind::fifo));
    CHECK(writes_through(OutputKind::char_device));
    CHECK_FALSE(writes_through(OutputKind::regular));
}

TEST_CASE("Output: --out onto a FIFO writes through it, leaving the FIFO and no assets", "[cli][output]") {
    ScratchDir dir("output-fifo");
    const fs::path fifo = dir.path() / "page.html";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    std::string received;
    std::thread reader([&] { received = read_text(fifo); });
    const auto r = run({"run", "linear-backprop", "--format", "html", "--out", fifo.string()});
    reader.join();
    CHECK(r.code == 0);
    CHECK(contains_text(received, "</html>"));
    CHECK(still_a_fifo(fifo));
    CHECK(entries(dir.path()) == std::vector<std::string>{"page.html"});
}

TEST_CASE("Output: --out through a symbolic link writes its target and keeps the link", "[cli][output]") {
    ScratchDir dir("output-symlink");
    fs::create_directories(dir.path() / "real");
    std::ofstream(dir.path() / "real" / "x.json") << "old";
    const fs::path link = dir.path() / "link.json";
    fs::create_symlink("real/x.json", link);
    const auto r = run({"run", "linear-backprop", "--format", "json", "--out", link.string()});
    CHECK(r.code == 0);
    CHECK(fs::is_symlink(link));
    CHECK(contains_text(read_text(dir.path() / "real" / "x.json"), "\"comparisons\""));
    CHECK(entries(dir.path() / "real") == std::vector<std::string>{"x.json"});
}

TEST_CASE("Output: a temporary name planted as a symbolic link is never written through", "[cli][output]") {
    ScratchDir dir("output-planted");
    const fs::path out = dir.path() / "x.txt", victim = dir.path() / "victim";
    std::ofstream(victim) << "precious";
    // The name the old code used for its temporary: `<out>.tmp<pid>`.
    fs::create_symlink(victim, dir.path() / ("x.txt.tmp" + std::to_string(::getpid())));
    REQUIRE(run({"run", "linear-backprop", "--out", out.string()}).code == 0);
    CHECK(read_text(victim) == "precious");
    CHECK(contains_text(read_text(out), "Linear backpropagation"));
}

TEST_CASE("Output: --out naming an input is refused, by file identity not name", "[cli][output]") {
    ScratchDir dir("output-input");
    const fs::path problem = problem_copy(dir);
    const std::string before = read_text(problem);
    fs::create_hard_link(problem, dir.path() / "hard.toml");
    const std::string dotted = (dir.path() / "." / "p.toml").string();
    for (const std::string& out : {problem.string(), dotted, (dir.path() / "hard.toml").string()}) {
        for (const char* command : {"run", "check"}) {
            const auto r = run({command, problem.string(), "--out", out});
            CHECK(r.code == 2);
            CHECK(contains_text(r.err, "--out " + out + ": is the input"));
        }
    }
    const fs::path sheet = dir.path() / "sheet.csv";
    std::ofstream(sheet) << "student,yhat\nAnn,0.384\n";
    const auto r = run({"grade", problem.string(), sheet.string(), "--out", sheet.string()});
    CHECK(r.code == 2);
    CHECK(contains_text(r.err, "--out " + sheet.string() + ": is the input"));
    CHECK(read_text(problem) == before);
    CHECK(read_text(sheet) == "student,yhat\nAnn,0.384\n");
}

TEST_CASE("Output: an empty path is refused, naming the option", "[cli][output]") {
    const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
        {{"build", "--out", ""}, "--out is empty"},
        {{"run", "linear-backprop", "--out", ""}, "--out is empty"},
        {{"run", "linear-backprop", "--figures", ""}, "--figures is empty"},
        {{"check", output_exercise7(), "--out", ""}, "--out is empty"},
        {{"grade", output_exercise7(), "s.csv", "--out", ""}, "--out is empty"},
        {{"run", ""}, "the target is empty"},
    };
    for (const auto& [args, message] : cases) {
        const auto r = run(args);
        CHECK(r.code == 2);
        CHECK(contains_text(r.err, message));
        CHECK(count_lines(r.err) == 1);
    }
}

TEST_CASE("Output: a directory or an empty file given as FILE is refused", "[cli][output]") {
    ScratchDir dir("output-inputs");
    const fs::path folder = dir.path() / "folder.toml", empty = dir.path() / "empty.toml";
    fs::create_directories(folder);
    std::ofstream{empty};
    const fs::path sheet = dir.path() / "sheet.csv";
    std::ofstream(sheet) << "student,yhat\nAnn,0.384\n";
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"run", folder.string()}, {"check", folder.string()}, {"grade", folder.string(), sheet.string()},
             {"grade", output_exercise7(), dir.path().string()}}) {
        const auto r = run(args);
        CHECK(r.code == 2);
        CHECK(contains_text(r.err, ": is a directory"));
    }
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"run", empty.string()}, {"check", empty.string()}, {"grade", empty.string(), sheet.string()}}) {
        const auto r = run(args);
        CHECK(r.code == 2);
        CHECK(contains_text(r.err, empty.string() + ": is empty"));
    }
}

TEST_CASE("Output: cannot-write errors name the option and the system's reason", "[cli][output]") {
    ScratchDir dir("output-unwritable");
    std::ofstream(dir.path() / "file") << "x";
    const std::vector<std::pair<std::string, std::string>> cases = {
        {dir.path().string(), "Is a directory"},
        {(dir.path() / "file" / "x.txt").string(), "Not a directory"},
    };
    for (const auto& [out, reason] : cases) {
        const auto r = run({"run", "linear-backprop", "--out", out});
        CHECK(r.code == 2);
        CHECK(contains_text(r.err, "--out " + out));
        CHECK(contains_text(r.err, reason));
        CHECK_FALSE(contains_text(r.err, "Success"));
        CHECK_FALSE(contains_text(r.err, "internal error"));
    }
    const auto r = run({"build", "--out", (dir.path() / "file").string()});
    CHECK(r.code == 2);
    CHECK(contains_text(r.err, "--out " + (dir.path() / "file").string()));
    CHECK(contains_text(r.err, "Not a directory"));
}

TEST_CASE("Output: a command that cannot write its --out leaves no figures", "[cli][output]") {
    ScratchDir dir("output-all-or-none");
    std::ofstream(dir.path() / "file") << "x";
    const auto r = run({"run", "linear-backprop", "--figures", (dir.path() / "figs").string(), "--out",
                        (dir.path() / "file" / "x.txt").string()});
    CHECK(r.code == 2);
    CHECK(entries(dir.path()) == std::vector<std::string>{"file"});
}

TEST_CASE("Output: a page whose --figures cannot be written leaves no assets", "[cli][output]") {
    ScratchDir dir("output-no-assets");
    std::ofstream(dir.path() / "file") << "x";
    const auto r = run({"run", "linear-backprop", "--format", "html", "--figures", (dir.path() / "file" / "f").string(),
                        "--out", (dir.path() / "rw" / "y.html").string()});
    CHECK(r.code == 2);
    CHECK(contains_text(r.err, "--figures"));
    CHECK(entries(dir.path()) == std::vector<std::string>{"file"});
}

TEST_CASE("Output: a failed build leaves no staging folder and no folder it made", "[cli][output]") {
    ScratchDir dir("output-build-fails");
    const fs::path out = dir.path() / "course";
    // A folder where the course wants a file: the build stages everything, then fails to rename.
    fs::create_directories(out / "index.html" / "in-the-way");
    const auto r = run({"build", "--out", out.string()});
    CHECK(r.code == 2);
    CHECK(contains_text(r.err, "--out " + out.string()));
    CHECK(entries(out) == std::vector<std::string>{"index.html"});
}
