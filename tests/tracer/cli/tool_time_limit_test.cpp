// External tools get a time limit: a `dot` that never finishes is stopped (with what it
// started), its picture left undrawn and its temporaries removed; a diagram too big for dot to
// lay out is not handed to it.
#include <catch2/catch.hpp>

#include <fstream>
#include <signal.h>
#include <sstream>
#include <thread>

#include "cli/drawing_tools.hpp"
#include "cli_fixture.hpp"
#include "fake_tools.hpp"

using namespace nntrace;
namespace fs = std::filesystem;

namespace {

// A `dot` that starts a child which would sleep for a minute, notes the child's pid, and waits.
void write_sleeping_dot(const fs::path& dir) {
    write_script(dir / "dot", "#!/bin/sh\n"
                              "sleep 60 &\n"
                              "echo $! > \"" + (dir / "child.pid").string() + "\"\n"
                              "wait\n");
}

Record one_diagram(std::size_t edges) {
    Diagram d;
    d.key = "graph";
    for (std::size_t i = 0; i <= edges; ++i) {
        DiagramNode n;
        n.id = "n" + std::to_string(i);
        n.name = "x" + std::to_string(i);
        n.op = "input";
        d.nodes.push_back(n);
    }
    for (std::size_t i = 0; i < edges; ++i) {
        DiagramEdge e;
        e.from = d.nodes[i].id;
        e.to = d.nodes[i + 1].id;
        e.rule = "r";
        d.edges.push_back(e);
    }
    Record r;
    r.id = "r";
    r.sections.emplace_back();
    r.sections[0].items.push_back(d);
    return r;
}

// Gone, or a zombie nobody has reaped yet: not running.
bool running(pid_t pid) {
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string pid_text, name, state;
    return stat >> pid_text >> name >> state && state != "Z";
}

// Whether `pid` is gone within a generous bound: a SIGKILL is delivered asynchronously, so on a
// busy machine the process may still show as running for a moment after the kill was sent.
bool gone_soon(pid_t pid) {
    for (int i = 0; i < 200 && running(pid); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    return !running(pid);
}

std::vector<std::string> everything_in(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& e : fs::recursive_directory_iterator(dir)) names.push_back(fs::relative(e.path(), dir).string());
    std::sort(names.begin(), names.end());
    return names;
}

}  // namespace

TEST_CASE("Tool time limit: a dot that does not finish is stopped with its children, the source kept",
          "[cli][drawing][time-limit]") {
    ScratchDir tools("limit-tools"), figures("limit-figures");
    write_sleeping_dot(tools.path());
    DrawingTools slow{(tools.path() / "dot").string(), "/nonexistent/gnuplot"};
    slow.time_limit = std::chrono::milliseconds(200);
    std::ostringstream warnings;
    std::set<std::string> drawn;
    {
        OutputTransaction output;
        DrawingPool pool(slow);
        drawn = pool.start(one_diagram(2), figures.path(), output, warnings).finish(warnings);
        output.commit();
    }
    CHECK(drawn.empty());
    CHECK(warnings.str() == "nntrace: dot failed on " + (figures.path() / "graph.dot").string() +
                                ": stopped after 0.200 s (the time limit, --tool-timeout)\n");
    CHECK(everything_in(figures.path()) == std::vector<std::string>{"graph.dot"});
    std::ifstream pid_file(tools.path() / "child.pid");
    pid_t child = 0;
    REQUIRE(pid_file >> child);
    CHECK(gone_soon(child));
}

TEST_CASE("Tool time limit: --tool-timeout and NNTRACE_TOOL_TIMEOUT take positive seconds", "[cli][time-limit]") {
    for (const std::string bad : {"0", "-1", "abc", "1e9", "nan"}) {
        const auto r = run({"run", "linear-backprop", "--figures", "figs", "--tool-timeout", bad});
        CHECK(r.code == 2);
        CHECK(r.err.find("--tool-timeout " + bad + ": expected a number of seconds") != std::string::npos);
    }
    ::setenv("NNTRACE_TOOL_TIMEOUT", "soon", 1);
    const auto r = run({"build", "--out", "never-written"});
    ::unsetenv("NNTRACE_TOOL_TIMEOUT");
    CHECK(r.code == 2);
    CHECK(r.err.find("NNTRACE_TOOL_TIMEOUT=soon: expected a number of seconds") != std::string::npos);
    CHECK_FALSE(fs::exists("never-written"));
}

TEST_CASE("Tool time limit: --help names the option and its default", "[cli][time-limit]") {
    for (const char* command : {"run", "build"}) {
        const auto r = run({command, "--help"});
        CHECK(r.out.find("--tool-timeout") != std::string::npos);
        CHECK(r.out.find("default 20") != std::string::npos);
    }
}

TEST_CASE("Tool time limit: a diagram with more edges than dot lays out in time is not drawn",
          "[cli][drawing][time-limit]") {
    ScratchDir tools("limit-tools"), figures("limit-big");
    write_fake_tools(tools.path());
    DrawingTools fake{(tools.path() / "dot").string(), (tools.path() / "gnuplot").string()};
    // The limit counts the DOT source's edges, what dot lays out: each edge of a diagram runs
    // through its label's node, two DOT edges apiece.
    fake.most_dot_edges = 10;
    std::ostringstream warnings;
    OutputTransaction output;
    DrawingPool pool(fake);
    CHECK(pool.start(one_diagram(5), figures.path() / "small", output, warnings).finish(warnings).size() == 1);
    CHECK(pool.start(one_diagram(6), figures.path() / "big", output, warnings).finish(warnings).empty());
    output.commit();
    CHECK(warnings.str() == "nntrace: " + (figures.path() / "big" / "graph.dot").string() +
                                " has 12 edges, more than dot lays out in reasonable time (10); wrote the source only\n");
    CHECK(fs::exists(figures.path() / "small" / "graph.svg"));
    CHECK(everything_in(figures.path() / "big") == std::vector<std::string>{"graph.dot"});
}
