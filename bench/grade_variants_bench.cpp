// Grading by variant: `nntrace grade --variants DIR` of examples/exercise-7-random.toml for a
// class in which every student has a variant of their own, the rows in bench/run.py's pattern
// (in each 5 rows, 2 all right, then one answer wrong in yhat, dL/dw7, dL/dw8 in turn: the
// sign flipped, then another student's key, then a value no mistake gives).
//
//   GradeVariants/{one_core,every_core}/<students>   judge every row against its own variant
//                              and build the report's record: what the command does once the
//                              variants are read (every_core: the variants judged on as many
//                              threads as cores, as nntrace grade does; wall time). The variants
//                              are drawn before timing. Goal: 10⁴ rows under 1 s.
//   VariantParts/...           what one variant costs: a run, a Judge with its mistakes (alone,
//                              and as one of a class's, its graphs shared), a Judge of right
//                              answers only, a draw.
#include <algorithm>
#include <atomic>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include <benchmark/benchmark.h>

#include "checking/grade_by_variant.hpp"
#include "problem/random_variants.hpp"
#include "render/number_format.hpp"

namespace nntrace::bench {
namespace {

const std::string variants_home = NNTRACE_SOURCE_HOME;
const std::vector<std::string> variant_answers{"yhat", "dL/dw7", "dL/dw8"};

struct VariantClass {
    std::vector<ClassVariant> variants;
    std::string sheet;
};

VariantClass variant_class(std::size_t students) {
    const Problem randomised = read_problem(variants_home + "/examples/exercise-7-random.toml");
    VariantClass c;
    std::vector<std::vector<std::string>> keys;
    for (std::size_t i = 0; i < students; ++i) {
        const Variant v = draw_variant(randomised, 2026, "s" + std::to_string(i + 1));
        std::vector<std::string> key;
        for (const auto& name : variant_answers)
            for (const auto& [answer, value] : v.answers)
                if (answer == name) key.push_back(format_number(value.hand, v.digits));
        keys.push_back(key);
        c.variants.push_back({"s" + std::to_string(i + 1), v.problem});
    }
    c.sheet = "id,yhat,dL/dw7,dL/dw8\n";
    for (std::size_t i = 0; i < students; ++i) {
        std::vector<std::string> row = keys[i];
        const int wrong = static_cast<int>(i % 5) - 2;
        if (wrong >= 0) {
            const std::size_t kind = (i / 5) % 3;
            std::string& cell = row[static_cast<std::size_t>(wrong)];
            if (kind == 0) cell = cell[0] == '-' ? cell.substr(1) : "-" + cell;
            else if (kind == 1) row = keys[(i + 1) % students];
            else cell = "9.999";
        }
        c.sheet += "s" + std::to_string(i + 1) + "," + row[0] + "," + row[1] + "," + row[2] + "\n";
    }
    return c;
}

// What nntrace grade's parallel_for does: as many threads as cores, each taking the next task.
void on_every_core(std::size_t count, const std::function<void(std::size_t)>& body) {
    std::atomic<std::size_t> next{0};
    std::vector<std::thread> workers;
    for (unsigned t = 0; t < std::max(1u, std::thread::hardware_concurrency()); ++t)
        workers.emplace_back([&] {
            for (std::size_t k; (k = next++) < count;) body(k);
        });
    for (auto& w : workers) w.join();
}

void GradeVariants(benchmark::State& state, bool threads) {
    const auto students = static_cast<std::size_t>(state.range(0));
    const VariantClass c = variant_class(students);
    for (auto _ : state) {
        const GradeSheet sheet = read_grade_sheet(c.sheet, "sheet.csv");
        const VariantGrading g = grade_by_variant(c.variants, sheet, MistakeContext{3}, {},
                                                  threads ? ForEach(on_every_core) : ForEach());
        const Record r = grade_record(g.run, sheet, g.results);
        benchmark::DoNotOptimize(r.sections.size());
    }
    state.counters["rows"] = static_cast<double>(students);
    state.counters["us_per_row"] = benchmark::Counter(
        static_cast<double>(students) * 1e-6, benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}
BENCHMARK_CAPTURE(GradeVariants, one_core, false)
    ->Name("GradeVariants/one_core")->Arg(1000)->Arg(10000)->Iterations(1)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(GradeVariants, every_core, true)
    ->Name("GradeVariants/every_core")->Arg(1000)->Arg(10000)->Iterations(1)->Unit(benchmark::kMillisecond)->UseRealTime();

void VariantPartsRun(benchmark::State& state) {
    const Problem p = read_problem(variants_home + "/examples/exercise-7.toml");
    for (auto _ : state) benchmark::DoNotOptimize(run_problem(p, {}).sections.size());
}
BENCHMARK(VariantPartsRun)->Name("VariantParts/run")->Unit(benchmark::kMicrosecond);

void VariantPartsJudge(benchmark::State& state) {
    const Problem p = read_problem(variants_home + "/examples/exercise-7.toml");
    for (auto _ : state) {
        const Judge j(p, variant_answers, MistakeContext{3});
        benchmark::DoNotOptimize(j.judge("yhat", "0.999").verdict);  // not correct: the mistakes run
    }
}
BENCHMARK(VariantPartsJudge)->Name("VariantParts/judge_with_mistakes")->Unit(benchmark::kMicrosecond);

// One variant of a class with a wrong answer, its graphs shared with the variants judged before
// it (ShapePool, as grade_by_variant does): what each wrong row of GradeVariants costs.
void VariantPartsJudgeInClass(benchmark::State& state) {
    const VariantClass c = variant_class(50);
    ShapePool shapes;
    std::size_t next = 0;
    for (auto _ : state) {
        const Problem& p = c.variants[next++ % c.variants.size()].problem;
        const Judge j(p, variant_answers, MistakeContext{3}, {}, true, &shapes);
        benchmark::DoNotOptimize(j.judge("yhat", "9.999").verdict);  // not correct: the mistakes run
    }
}
BENCHMARK(VariantPartsJudgeInClass)->Name("VariantParts/judge_in_class")->Unit(benchmark::kMicrosecond);

// A variant whose rows are all right: its values come off the graph, with no record and no
// mistakes run (judge.hpp).
void VariantPartsJudgeRight(benchmark::State& state) {
    const Problem p = read_problem(variants_home + "/examples/exercise-7.toml");
    for (auto _ : state) {
        const Judge j(p, variant_answers, MistakeContext{3});
        benchmark::DoNotOptimize(j.judge("yhat", "0.384").verdict);
    }
}
BENCHMARK(VariantPartsJudgeRight)->Name("VariantParts/judge_all_right")->Unit(benchmark::kMicrosecond);

void VariantPartsDraw(benchmark::State& state) {
    const Problem p = read_problem(variants_home + "/examples/exercise-7-random.toml");
    int i = 0;
    for (auto _ : state) benchmark::DoNotOptimize(draw_variant(p, 2026, "s" + std::to_string(i++)).answers.size());
}
BENCHMARK(VariantPartsDraw)->Name("VariantParts/draw")->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace nntrace::bench
