// nntrace variants through the command line: the key agrees with each variant's own file, the
// same seed writes the same files, and a roster whose ids are not folder names is refused
// before anything is written.
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>

#include "checking/csv.hpp"
#include "cli_fixture.hpp"
#include "problem/problem.hpp"
#include "render/number_format.hpp"

// Its own namespace: the unity build puts it beside other tests with helpers of the same names.
namespace variants_cli {

std::string exercise() { return source_path("examples/exercise-7-random.toml"); }
std::string roster() { return source_path("examples/roster.csv"); }

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::string read_file(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string write_roster(const ScratchDir& dir, const std::string& text) {
    const auto path = (dir.path() / "roster.csv").string();
    std::ofstream(path, std::ios::binary) << text;
    return path;
}

CliResult variants(const std::string& roster_file, const std::filesystem::path& out, const std::string& seed = "2026") {
    return run({"variants", exercise(), "--roster", roster_file, "--seed", seed, "--out", out.string()});
}

// A refused roster: exit 2, the message, and no output folder.
void check_refused(const std::string& roster_text, const std::string& message) {
    ScratchDir dir("variants-refused");
    const CliResult r = variants(write_roster(dir, roster_text), dir.path() / "out");
    INFO(r.err);
    CHECK(r.code == 2);
    CHECK(contains(r.err, message));
    CHECK_FALSE(std::filesystem::exists(dir.path() / "out"));
}


TEST_CASE("Variants: every key answer is what a run of the variant's own file gives", "[cli][variants]") {
    ScratchDir dir("variants-key");
    REQUIRE(variants(roster(), dir.path()).code == 0);
    const nntrace::CsvText key = nntrace::read_csv(read_file(dir.path() / "key.csv"));
    REQUIRE(key.records.size() == 6);  // the header and five students
    const std::vector<std::string>& header = key.records.front().fields;
    for (std::size_t row = 1; row < key.records.size(); ++row) {
        const std::vector<std::string>& cells = key.records[row].fields;
        const nntrace::Record run = nntrace::run_problem(nntrace::read_problem(dir.path() / cells[0] / "problem.toml"), {});
        for (std::size_t c = 3; c < header.size(); ++c) {  // after id, name, class
            INFO(cells[0] << " " << header[c]);
            CHECK(cells[c] == nntrace::format_number(run.find(header[c])->hand, run.digits));
        }
    }
}

TEST_CASE("Variants: the same seed writes the same files", "[cli][variants]") {
    ScratchDir dir("variants-again");
    REQUIRE(variants(roster(), dir.path() / "a").code == 0);
    REQUIRE(variants(roster(), dir.path() / "b").code == 0);
    CHECK(read_file(dir.path() / "a/key.csv") == read_file(dir.path() / "b/key.csv"));
    CHECK(read_file(dir.path() / "a/s02/problem.toml") == read_file(dir.path() / "b/s02/problem.toml"));
    CHECK(read_file(dir.path() / "a/booklet.html") == read_file(dir.path() / "b/booklet.html"));
}

TEST_CASE("Variants: another seed gives another key", "[cli][variants]") {
    ScratchDir dir("variants-seed");
    REQUIRE(variants(roster(), dir.path() / "a", "1").code == 0);
    REQUIRE(variants(roster(), dir.path() / "b", "2").code == 0);
    CHECK(read_file(dir.path() / "a/key.csv") != read_file(dir.path() / "b/key.csv"));
}

TEST_CASE("Variants: each student gets a handout a solution and a problem file", "[cli][variants]") {
    ScratchDir dir("variants-files");
    REQUIRE(variants(roster(), dir.path()).code == 0);
    for (const char* file : {"handout.md", "handout.html", "solution.md", "solution.html", "problem.toml"})
        CHECK(std::filesystem::is_regular_file(dir.path() / "s04" / file));
    CHECK(std::filesystem::is_regular_file(dir.path() / "assets/nntrace.css"));
}

TEST_CASE("Variants: the pages of a class say nothing of the interactive module", "[cli][variants]") {
    // A handout is printed and a solution is read at the student's numbers: neither has a panel,
    // so the module is neither copied (where it was built) nor missed (where it was not).
    ScratchDir dir("variants-no-module");
    const CliResult r = variants(roster(), dir.path());
    REQUIRE(r.code == 0);
    CHECK_FALSE(contains(r.err, "nntrace-web.js"));
    CHECK_FALSE(std::filesystem::exists(dir.path() / "assets/web"));
    for (const char* page : {"s01/handout.html", "s01/solution.html", "booklet.html"}) {
        INFO(page);
        CHECK_FALSE(contains(read_file(dir.path() / page), "interactive module"));
    }
}

TEST_CASE("Variants: a handout asks and does not answer", "[cli][variants]") {
    ScratchDir dir("variants-handout");
    REQUIRE(variants(roster(), dir.path()).code == 0);
    const std::string handout = read_file(dir.path() / "s01/handout.md");
    CHECK(contains(handout, "Ada Brandt (s01)"));
    CHECK(contains(handout, "yhat, dL/dw7, dL/dw8"));
    CHECK(contains(handout, "w7\\*h1 + w8\\*h2"));
    CHECK_FALSE(contains(handout, "Forward pass"));
    CHECK_FALSE(contains(handout, "Backward pass"));
}

TEST_CASE("Variants: a handout states its rounding as an instruction with nothing in brackets", "[cli][variants]") {
    // A solution explains the exact values it shows in brackets; a handout shows none.
    ScratchDir dir("variants-instruction");
    REQUIRE(variants(roster(), dir.path()).code == 0);
    const std::string handout = read_file(dir.path() / "s01/handout.md");
    CHECK(contains(handout, "Work by hand: round every intermediate result half away from zero"));
    CHECK_FALSE(contains(handout, "brackets"));
    CHECK(contains(read_file(dir.path() / "s01/solution.md"), "follows in brackets"));
}

TEST_CASE("Variants: the solution is nntrace run of the variant's file", "[cli][variants]") {
    ScratchDir dir("variants-solution");
    REQUIRE(variants(roster(), dir.path()).code == 0);
    const CliResult r = run({"run", (dir.path() / "s03/problem.toml").string(), "--format", "md"});
    REQUIRE(r.code == 0);
    CHECK(r.out == read_file(dir.path() / "s03/solution.md"));
}

TEST_CASE("Variants: the booklet holds every handout on a page of its own", "[cli][variants]") {
    ScratchDir dir("variants-booklet");
    REQUIRE(variants(roster(), dir.path()).code == 0);
    const std::string booklet = read_file(dir.path() / "booklet.html");
    std::size_t handouts = 0;
    for (std::size_t at = booklet.find("<article class=\"handout\">"); at != std::string::npos;
         at = booklet.find("<article class=\"handout\">", at + 1))
        ++handouts;
    CHECK(handouts == 5);
    CHECK(contains(booklet, "break-after: page"));
    CHECK(contains(booklet, "王芳"));
}

TEST_CASE("Variants: --lang zh writes the handouts in Chinese", "[cli][variants]") {
    ScratchDir dir("variants-zh");
    REQUIRE(run({"variants", exercise(), "--roster", roster(), "--seed", "5", "--out", dir.path().string(), "--lang", "zh"}).code == 0);
    CHECK(contains(read_file(dir.path() / "s02/handout.md"), "计算任务"));
}

TEST_CASE("Variants: a hostile name is shown as text in the HTML handout", "[cli][variants]") {
    ScratchDir dir("variants-hostile");
    REQUIRE(variants(write_roster(dir, "id,name\ns1,<script>alert(1)</script>\n"), dir.path() / "out").code == 0);
    const std::string page = read_file(dir.path() / "out/s1/handout.html");
    CHECK_FALSE(contains(page, "<script>alert"));
    CHECK(contains(page, "&lt;script&gt;"));
}

TEST_CASE("Variants: a name that a spreadsheet would run as a formula stays text in key.csv", "[cli][variants]") {
    ScratchDir dir("variants-formula");
    REQUIRE(variants(write_roster(dir, "id,name\ns1,\"=HYPERLINK(\"\"http://x\"\")\"\n"), dir.path() / "out").code == 0);
    CHECK(contains(read_file(dir.path() / "out/key.csv"), "s1,\"'=HYPERLINK(\"\"http://x\"\")\""));
}

TEST_CASE("Variants: an id with a slash is refused", "[cli][variants]") {
    check_refused("id,name\ns1,Ann\n../x,Eve\n", "roster.csv:3:1: the student id '../x' contains '/'");
}

TEST_CASE("Variants: the id .. is refused", "[cli][variants]") {
    check_refused("id,name\n..,Eve\n", "roster.csv:2:1: the student id '..' is '..'");
}

TEST_CASE("Variants: an empty id is refused", "[cli][variants]") {
    check_refused("name,id\nEve,\n", "roster.csv:2:5: the student id '' is empty");
}

TEST_CASE("Variants: an id given twice is refused whatever its letter case", "[cli][variants]") {
    check_refused("id,name\nann,Ann\nANN,Anna\n", "roster.csv:3:1: the student id 'ANN' is given twice (first at line 2)");
}

TEST_CASE("Variants: a roster without a name column is refused", "[cli][variants]") {
    check_refused("id,student\ns1,Ann\n", "roster.csv:1:1: the roster's header needs a column named 'name'");
}

TEST_CASE("Variants: a row with a missing cell is refused", "[cli][variants]") {
    check_refused("id,name,class\ns1,Ann\n", "roster.csv:2:1: this row has 2 cells; the header has 3");
}

TEST_CASE("Variants: a roster saved with a byte order mark is read", "[cli][variants]") {
    ScratchDir dir("variants-bom");
    REQUIRE(variants(write_roster(dir, "\xEF\xBB\xBFid,name\ns1,Ann\n"), dir.path() / "out").code == 0);
    CHECK(std::filesystem::is_regular_file(dir.path() / "out/s1/handout.html"));
}

TEST_CASE("Variants: a student without a passing draw stops the command before anything is written", "[cli][variants]") {
    ScratchDir dir("variants-undrawable");
    const auto problem = (dir.path() / "boundary.toml").string();
    // 0.85 × 0.85 = 0.7225: on a rounding boundary at 3 decimals, the only draw there is.
    std::ofstream(problem, std::ios::binary) << "decimals = 3\n[params]\nw = 0.8\n[nodes]\ny = \"w*w\"\n[random]\nw = { choices = [0.85] }\n";
    const CliResult r = run({"variants", problem, "--roster", roster(), "--seed", "1", "--out", (dir.path() / "out").string()});
    CHECK(r.code == 2);
    CHECK(contains(r.err, "boundary.toml:6:2: no variant for student 's01'"));
    CHECK_FALSE(std::filesystem::exists(dir.path() / "out"));
}

TEST_CASE("Variants: a problem without [random] is refused", "[cli][variants]") {
    ScratchDir dir("variants-plain");
    const CliResult r = run({"variants", source_path("examples/exercise-7.toml"), "--roster", roster(), "--seed", "1",
                             "--out", (dir.path() / "out").string()});
    CHECK(r.code == 2);
    CHECK(contains(r.err, "has no [random] table"));
    CHECK_FALSE(std::filesystem::exists(dir.path() / "out"));
}

TEST_CASE("Variants: a seed that is not a whole number is refused", "[cli][variants]") {
    ScratchDir dir("variants-bad-seed");
    const CliResult r = variants(roster(), dir.path() / "out", "-3");
    CHECK(r.code == 2);
    CHECK(contains(r.err, "--seed -3: expected a whole number"));
}

TEST_CASE("Variants: --out is required", "[cli][variants]") {
    const CliResult r = run({"variants", exercise(), "--roster", roster(), "--seed", "1"});
    CHECK(r.code == 2);
    CHECK(contains(r.err, "--out is required"));
}

}  // namespace variants_cli
