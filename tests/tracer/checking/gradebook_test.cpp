// The gradebook of `nntrace grade --gradebook`: one row per student whose points follow from the
// verdicts the grader itself gives and the problem's [grading].
#include <algorithm>
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>

#include "checking/answers.hpp"
#include "checking/csv.hpp"
#include "checking/gradebook.hpp"
#include "tracer/cli/cli_fixture.hpp"

using namespace nntrace;

namespace {

// Bo flips a sign, Cy forgets the ½, Di is one off in yhat, Ed leaves one blank.
const char* book_sheet =
    "student,yhat,dL/dw7,dL/dw8\n"
    "Ann,0.384,-0.410,-0.301\n"
    "Bo,0.384,0.410,0.301\n"
    "Cy,0.384,-0.820,-0.602\n"
    "\"Di, Jr.\",0.385,-0.410,-0.301\n"
    "Ed,0.384,,-0.301\n";

std::string book_write(const ScratchDir& dir, const std::string& name, const std::string& text) {
    const auto path = (dir.path() / name).string();
    std::ofstream(path, std::ios::binary) << text;
    return path;
}

std::string book_read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string exercise7_text() { return book_read(source_path("examples/exercise-7.toml")); }

// The verdicts the grader gives each row of `sheet` for the problem in `problem_file`.
std::vector<StudentResult> graded_by_library(const std::string& problem_file, const GradeSheet& sheet) {
    std::vector<GivenAnswer> asked;
    for (const auto& a : sheet.answers) asked.push_back({a, "", std::nullopt, ""});
    std::vector<std::string> cells;
    for (const auto& s : sheet.students) cells.insert(cells.end(), s.given.begin(), s.given.end());
    const Judge judge(with_answers(read_problem(problem_file), asked), sheet.answers, MistakeContext{most_decimals(cells)});
    return grade_students(judge, sheet);
}

const char* verdict_word(Verdict v) {
    switch (v) {
        case Verdict::correct: return "correct";
        case Verdict::last_digit: return "last digit";
        case Verdict::carried: return "carried";
        case Verdict::wrong: return "wrong";
        case Verdict::blank: break;
    }
    return "blank";
}

struct Book {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
};

Book gradebook_of(const std::string& problem_file, const std::string& sheet_file, const ScratchDir& dir) {
    const std::string book = (dir.path() / "book.csv").string();
    const CliResult r = run({"grade", problem_file, sheet_file, "--gradebook", book});
    REQUIRE(r.code != 2);
    const CsvText csv = read_csv(book_read(book));
    REQUIRE_FALSE(csv.records.empty());
    Book b{csv.records.front().fields, {}};
    for (std::size_t i = 1; i < csv.records.size(); ++i) b.rows.push_back(csv.records[i].fields);
    return b;
}

// Every row's points are worth × credit(verdict the grader gives), and the total and
// percentage add them up.
void check_points(const std::string& problem_file, const std::string& sheet_text, const Book& book) {
    const GradeSheet sheet = read_grade_sheet(sheet_text, "sheet.csv");
    const auto results = graded_by_library(problem_file, sheet);
    const Grading grading = read_problem(problem_file).grading;
    REQUIRE(book.rows.size() == results.size());
    for (std::size_t s = 0; s < results.size(); ++s) {
        double total = 0, most = 0;
        for (std::size_t a = 0; a < sheet.answers.size(); ++a) {
            const Verdict v = results[s].judgements[a].verdict;
            const double worth = grading.points_for(sheet.answers[a]);
            CHECK(book.rows[s][3 + 2 * a] == verdict_word(v));
            CHECK(std::stod(book.rows[s][2 + 2 * a]) == Approx(worth * credit(grading, v)));
            total += worth * credit(grading, v);
            most += worth;
        }
        CHECK(std::stod(book.rows[s][book.header.size() - 2]) == Approx(total));
        CHECK(std::stod(book.rows[s].back()) == Approx(100 * total / most).margin(0.05));
    }
}

}  // namespace

TEST_CASE("Gradebook: the header is id and name then points and verdict per answer then total and percent", "[gradebook]") {
    ScratchDir dir("gradebook-header");
    const Book b = gradebook_of(source_path("examples/exercise-7.toml"), book_write(dir, "sheet.csv", book_sheet), dir);
    CHECK(b.header == std::vector<std::string>{"id", "name", "yhat points", "yhat verdict", "dL/dw7 points",
                                               "dL/dw7 verdict", "dL/dw8 points", "dL/dw8 verdict", "total", "percent"});
    for (const auto& row : b.rows) CHECK(row.size() == b.header.size());
}

TEST_CASE("Gradebook: by default the points follow the grader's verdicts", "[gradebook]") {
    ScratchDir dir("gradebook-defaults");
    const std::string problem = source_path("examples/exercise-7.toml");
    check_points(problem, book_sheet, gradebook_of(problem, book_write(dir, "sheet.csv", book_sheet), dir));
}

TEST_CASE("Gradebook: by default a last digit earns half a point", "[gradebook]") {
    ScratchDir dir("gradebook-last-digit");
    const Book b = gradebook_of(source_path("examples/exercise-7.toml"), book_write(dir, "sheet.csv", book_sheet), dir);
    std::size_t last_digits = 0;
    for (const auto& row : b.rows)
        for (std::size_t c = 3; c + 2 < row.size(); c += 2)
            if (row[c] == "last digit") {
                ++last_digits;
                CHECK(row[c - 1] == "0.5");
            }
    CHECK(last_digits > 0);
}

TEST_CASE("Gradebook: [grading] sets each answer's points and the credits", "[gradebook]") {
    ScratchDir dir("gradebook-custom");
    const std::string problem = book_write(dir, "graded.toml", exercise7_text() +
        "\n[grading]\npoints = { yhat = 2, \"dL/dw7\" = 3 }\nlast_digit = 0.25\ncarried = 0.5\n");
    check_points(problem, book_sheet, gradebook_of(problem, book_write(dir, "sheet.csv", book_sheet), dir));
}

TEST_CASE("Gradebook: a sheet with id and name columns keeps both", "[gradebook]") {
    ScratchDir dir("gradebook-roster");
    const Book b = gradebook_of(source_path("examples/exercise-7.toml"),
                                book_write(dir, "sheet.csv", "id,name,yhat\ns01,Ann,0.384\ns02,\"Li, Chen\",0.380\n"), dir);
    REQUIRE(b.rows.size() == 2);
    CHECK(b.rows[1][0] == "s02");
    CHECK(b.rows[1][1] == "Li, Chen");
}

TEST_CASE("Gradebook: the report still goes to --out beside it", "[gradebook]") {
    ScratchDir dir("gradebook-report");
    const std::string book = (dir.path() / "book.csv").string(), report = (dir.path() / "report.csv").string();
    const CliResult r = run({"grade", source_path("examples/exercise-7.toml"), book_write(dir, "sheet.csv", book_sheet),
                             "--format", "csv", "--out", report, "--gradebook", book});
    CHECK(r.code == 3);
    CHECK(book_read(report).find("# Per answer") != std::string::npos);
    CHECK(book_read(book).rfind("id,name,", 0) == 0);
}

TEST_CASE("Gradebook: a [grading] answer that names nothing exits 2 at its place and writes nothing", "[gradebook]") {
    ScratchDir dir("gradebook-bad");
    const std::string text = exercise7_text() + "\n[grading]\npoints = { yhatt = 2 }\n";
    const std::string problem = book_write(dir, "graded.toml", text);
    const int line = static_cast<int>(std::count(text.begin(), text.end(), '\n'));
    const std::string book = (dir.path() / "book.csv").string(), report = (dir.path() / "report.txt").string();
    const CliResult r = run({"grade", problem, book_write(dir, "sheet.csv", book_sheet), "--gradebook", book, "--out", report});
    CHECK(r.code == 2);
    CHECK(r.err.find(problem + ":" + std::to_string(line) + ":12: [grading] points: 'yhatt'") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(book));
    CHECK_FALSE(std::filesystem::exists(report));
}

TEST_CASE("Gradebook: the gradebook cannot be the report's own file", "[gradebook]") {
    ScratchDir dir("gradebook-same");
    const std::string same = (dir.path() / "out.csv").string();
    const CliResult r = run({"grade", source_path("examples/exercise-7.toml"), book_write(dir, "sheet.csv", book_sheet),
                             "--out", same, "--gradebook", same});
    CHECK(r.code == 2);
    CHECK(r.err.find("--gradebook") != std::string::npos);
}

TEST_CASE("Gradebook: a carried error earns the carried share of the points", "[gradebook]") {
    Grading g;
    g.carried = 0.5;
    CHECK(credit(g, Verdict::carried) == 0.5);
    CHECK(credit(g, Verdict::correct) == 1);
    CHECK(credit(g, Verdict::wrong) == 0);
    CHECK(credit(g, Verdict::blank) == 0);
}
