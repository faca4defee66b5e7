#include <catch2/catch.hpp>

#include <sstream>

#include "cli/drawing_tools.hpp"
#include "cli_fixture.hpp"
#include "fake_tools.hpp"

using namespace nntrace;
namespace fs = std::filesystem;

namespace {

// A record with the diagrams and plots named: its drawings' stems are the keys ("a/b" → "a-b").
Record record_drawing(const std::string& id, const std::vector<std::string>& diagrams,
                      const std::vector<std::string>& plots) {
    Record r;
    r.id = id;
    r.sections.emplace_back();
    for (const std::string& key : diagrams) {
        Diagram d;
        d.key = key;
        r.sections[0].items.push_back(d);
    }
    for (const std::string& key : plots) {
        Plot p;
        p.key = key;
        r.sections[0].items.push_back(p);
    }
    return r;
}

DrawingTools fake_tools(const fs::path& dir) { return {(dir / "dot").string(), (dir / "gnuplot").string()}; }

// Starts and finishes the record's pictures, then commits them, as a command does.
std::set<std::string> draw_all(DrawingPool& pool, const Record& record, const fs::path& dir, std::ostream& warnings) {
    OutputTransaction output;
    auto drawn = pool.start(record, dir, output, warnings).finish(warnings);
    output.commit();
    return drawn;
}

bool has_temporary(const fs::path& dir) {
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().filename().string().find(".tmp") != std::string::npos) return true;
    return false;
}

}  // namespace

TEST_CASE("Drawing pool: every picture is drawn and put under its final name", "[cli][drawing]") {
    ScratchDir tools("pool-tools"), figures("pool-all");
    write_fake_tools(tools.path());
    std::ostringstream warnings;
    DrawingPool pool(fake_tools(tools.path()));
    const auto drawn = draw_all(pool, record_drawing("r", {"graph"}, {"loss", "path"}), figures.path(), warnings);
    CHECK(drawn == std::set<std::string>{"graph", "loss", "path"});
    CHECK(read_text(figures.path() / "graph.svg") == "picture of graph.dot\n");
    CHECK(read_text(figures.path() / "path.svg") == "picture of path.gp\n");
    CHECK(warnings.str().empty());
    CHECK_FALSE(has_temporary(figures.path()));
}

TEST_CASE("Drawing pool: a tool failing on one file names it, and that picture is not drawn", "[cli][drawing]") {
    ScratchDir tools("pool-tools"), figures("pool-dot-fails");
    write_fake_tools(tools.path(), "bad");
    std::ostringstream warnings;
    DrawingPool pool(fake_tools(tools.path()));
    const auto drawn = draw_all(pool, record_drawing("r", {"good", "bad"}, {}), figures.path(), warnings);
    CHECK(drawn == std::set<std::string>{"good"});
    CHECK_FALSE(fs::exists(figures.path() / "bad.svg"));
    CHECK(warnings.str() == "nntrace: dot failed on " + (figures.path() / "bad.dot").string() +
                                ": Error: bad.dot: syntax error in line 1\n");
    CHECK_FALSE(has_temporary(figures.path()));
}

TEST_CASE("Drawing pool: a plot failing leaves the record's other plots drawn", "[cli][drawing]") {
    ScratchDir tools("pool-tools"), figures("pool-plot-fails");
    write_fake_tools(tools.path(), "bad");
    std::ostringstream warnings;
    DrawingPool pool(fake_tools(tools.path()));
    const auto drawn = draw_all(pool, record_drawing("r", {}, {"first", "bad", "last"}), figures.path(), warnings);
    CHECK(drawn == std::set<std::string>{"first", "last"});
    CHECK(read_text(figures.path() / "last.svg") == "picture of last.gp\n");
    CHECK(occurrences(warnings.str(), "gnuplot failed on " + (figures.path() / "bad.gp").string()) == 1);
    CHECK(count_lines(warnings.str()) == 1);
    CHECK_FALSE(has_temporary(figures.path()));
}

TEST_CASE("Drawing pool: a failing source's picture left from an earlier build is removed", "[cli][drawing]") {
    ScratchDir tools("pool-tools"), figures("pool-stale");
    write_fake_tools(tools.path(), "bad");
    std::ofstream(figures.path() / "bad.svg") << "an old picture";
    std::ostringstream warnings;
    DrawingPool pool(fake_tools(tools.path()));
    draw_all(pool, record_drawing("r", {"bad"}, {}), figures.path(), warnings);
    CHECK_FALSE(fs::exists(figures.path() / "bad.svg"));
}

TEST_CASE("Drawing pool: a missing tool is reported once for all records, and their sources written",
          "[cli][drawing]") {
    ScratchDir figures("pool-missing");
    std::ostringstream warnings;
    DrawingPool pool(DrawingTools{"/nonexistent/dot", "/nonexistent/gnuplot"});
    OutputTransaction output;
    auto first = pool.start(record_drawing("one", {"g"}, {"p"}), figures.path() / "one", output, warnings);
    auto second = pool.start(record_drawing("two", {"g"}, {"p"}), figures.path() / "two", output, warnings);
    CHECK(first.finish(warnings).empty());
    CHECK(second.finish(warnings).empty());
    output.commit();
    CHECK(occurrences(warnings.str(), "dot not found") == 1);
    CHECK(occurrences(warnings.str(), "gnuplot not found") == 1);
    CHECK(fs::exists(figures.path() / "two" / "g.dot"));
    CHECK(fs::exists(figures.path() / "two" / "p.gp"));
}

TEST_CASE("Drawing pool: pictures not finished are cleaned up, not left as temporaries", "[cli][drawing]") {
    ScratchDir tools("pool-tools"), figures("pool-abandoned");
    write_fake_tools(tools.path());
    std::ostringstream warnings;
    DrawingPool pool(fake_tools(tools.path()));
    {
        OutputTransaction output;
        auto abandoned = pool.start(record_drawing("r", {"g"}, {"p", "q"}), figures.path(), output, warnings);
    }
    CHECK_FALSE(has_temporary(figures.path()));
    CHECK_FALSE(fs::exists(figures.path() / "g.svg"));
}
