// Pages for a class: `nntrace grade --format html|md` of examples/exercise-7.toml with 10⁴ and
// 10⁵ generated rows, the sheet's pattern as in bench/run.py (in each 5 rows, 2 all right, then
// one wrong answer each in yhat, dL/dw7, dL/dw8, 4 wrong values in turn, one of them blank).
//
//   GradePages/<format>/<rows>   read the sheet, judge every row, build the record, render the
//                                page: what the command does between reading its files and
//                                writing its output. Goal: ≤ 2 s for 10⁵ rows, linear in rows.
#include <array>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "checking/answers.hpp"
#include "checking/grade.hpp"
#include "checking/judge.hpp"
#include "problem/problem.hpp"
#include "render/render.hpp"
#include "support.hpp"

namespace nntrace::bench {
namespace {

const std::string home = NNTRACE_SOURCE_HOME;
const std::array<std::string, 3> names{"yhat", "dL/dw7", "dL/dw8"};
const std::array<std::string, 3> right{"0.384", "-0.410", "-0.301"};
const std::array<std::array<std::string, 4>, 3> wrong{{{"0.385", "0.400", "0.147", "-0.384"},
                                                        {"0.410", "-0.411", "-0.205", "-0.420"},
                                                        {"0.301", "-0.300", "-0.150", ""}}};

std::string sheet_text(std::size_t rows) {
    std::string out = "student,yhat,dL/dw7,dL/dw8\n";
    for (std::size_t i = 0; i < rows; ++i) {
        const int wrong_one = static_cast<int>(i % 5) - 2;
        out += "s" + std::to_string(i + 1);
        for (int j = 0; j < 3; ++j) out += "," + (j == wrong_one ? wrong[j][(i / 5) % 4] : right[j]);
        out += "\n";
    }
    return out;
}

RenderOptions render_options() {
    RenderOptions o;
    o.lang = "en";
    o.messages_dir = home + "/templates/messages";
    o.templates_dir = home + "/templates";
    return o;
}

// What `nntrace grade` does between reading its files and writing the page.
std::size_t grade_page(const Problem& problem, const std::string& sheet_text, Format format) {
    const GradeSheet sheet = read_grade_sheet(sheet_text, "sheet.csv");
    std::vector<GivenAnswer> asked;
    for (const auto& a : sheet.answers) asked.push_back({a, "", std::nullopt, ""});
    std::vector<std::string> cells;
    for (const auto& s : sheet.students) cells.insert(cells.end(), s.given.begin(), s.given.end());
    const Judge judge(with_answers(problem, asked), sheet.answers, MistakeContext{most_decimals(cells)});
    const Record record = grade_record(judge, sheet, grade_students(judge, sheet));
    const std::string page = render(record, format, render_options());
    benchmark::DoNotOptimize(page.data());
    return page.size();
}

void GradePages(benchmark::State& state, Format format) {
    const Problem problem = read_problem(home + "/examples/exercise-7.toml");
    const auto rows = static_cast<std::size_t>(state.range(0));
    const std::string text = sheet_text(rows);
    std::size_t bytes = 0;
    for (auto _ : state) bytes = grade_page(problem, text, format);
    HeapCount heap;
    grade_page(problem, text, format);
    state.counters["rows"] = static_cast<double>(rows);
    state.counters["page_MB"] = static_cast<double>(bytes) / (1024.0 * 1024.0);
    state.counters["us_per_row"] = benchmark::Counter(
        static_cast<double>(rows) * 1e-6, benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
    report_memory(state, heap.peak());
}

BENCHMARK_CAPTURE(GradePages, html, Format::html)
    ->Name("GradePages/html")->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(GradePages, md, Format::md)
    ->Name("GradePages/md")->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace nntrace::bench
