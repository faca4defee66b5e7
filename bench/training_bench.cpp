// Tracing overhead: 10,000 rounds of training the 2-2-2 sigmoid network of lessons/net-222,
// with the whole record kept, against a plain loop doing the same arithmetic and keeping nothing.
//
//   Train222/plain       the reference: doubles, no tape, no record (checked: same final weights)
//   Train222/tape        train(): every number of every round kept (values, local derivatives,
//                        gradients, chain-rule products, updates), replaying one graph
//   Train222/record      train() + training_sections(): the sections a page gets (round 1
//                        written out as steps and chain-rule lines, the others as numbers)
//   Train222/every-round-written   the same with all 10,000 rounds written out as sections
//   Train222/problem     run_problem on lessons/net-222/problem.toml with rounds = 10000
#include <array>
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "algorithms/training.hpp"
#include "core/builder.hpp"
#include "core/expression.hpp"
#include "problem/problem.hpp"
#include "support.hpp"

namespace nntrace::bench {
namespace {

constexpr int rounds = 10000;

// The network's data, as in lessons/net-222/problem.toml.
constexpr double i1 = 0.10, i2 = 0.20, t1 = 0.85, t2 = 0.30, b1 = 0.35, b2 = 0.50, rate = 1;
constexpr std::array<double, 8> start_weights{0.05, 0.15, 0.10, 0.20, 0.25, 0.35, 0.30, 0.40};

double sigmoid(double z) { return 1.0 / (1.0 + std::exp(-z)); }

// The plain loop: forward, backward by hand-derived formulas, all eight weights at once.
std::array<double, 8> train_plain(int n) {
    auto w = start_weights;
    for (int k = 0; k < n; ++k) {
        // forward
        const double h1 = sigmoid(w[0] * i1 + w[1] * i2 + b1);
        const double h2 = sigmoid(w[2] * i1 + w[3] * i2 + b1);
        const double o1 = sigmoid(w[4] * h1 + w[5] * h2 + b2);
        const double o2 = sigmoid(w[6] * h1 + w[7] * h2 + b2);
        // backward: δ = ∂E/∂l at each neuron
        const double d1 = (o1 - t1) * o1 * (1 - o1);
        const double d2 = (o2 - t2) * o2 * (1 - o2);
        const double e1 = (d1 * w[4] + d2 * w[6]) * h1 * (1 - h1);
        const double e2 = (d1 * w[5] + d2 * w[7]) * h2 * (1 - h2);
        const std::array<double, 8> g{e1 * i1, e1 * i2, e2 * i1, e2 * i2, d1 * h1, d1 * h2, d2 * h1, d2 * h2};
        // update, all at once
        for (std::size_t j = 0; j < 8; ++j) w[j] -= rate * g[j];
    }
    return w;
}

std::string weight_name(std::size_t j) { return "w" + std::to_string(j + 1); }

// The graph, written as the [network] shorthand expands it, built by the engine's own builder.
struct NetworkSource {
    std::vector<std::pair<std::string, std::string>> nodes{
        {"l_h1", "w1*i1 + w2*i2 + b1"}, {"out_h1", "sigmoid(l_h1)"},
        {"l_h2", "w3*i1 + w4*i2 + b1"}, {"out_h2", "sigmoid(l_h2)"},
        {"l_o1", "w5*out_h1 + w6*out_h2 + b2"}, {"out_o1", "sigmoid(l_o1)"},
        {"l_o2", "w7*out_h1 + w8*out_h2 + b2"}, {"out_o2", "sigmoid(l_o2)"},
        {"E_o1", "0.5*(t1 - out_o1)^2"}, {"E_o2", "0.5*(t2 - out_o2)^2"},
        {"E_total", "E_o1 + E_o2"}};
    std::vector<Expr> parsed;

    NetworkSource() {
        for (const auto& [name, text] : nodes) parsed.push_back(parse_expression(text));
    }
};

TrainingSetup traced_setup(const NetworkSource& source, int n) {
    TrainingSetup setup;
    setup.build = [&source](Tape& tape, const std::map<std::string, Num>& values) {
        Scope scope;
        for (const char* input : {"i1", "i2", "t1", "t2"}) scope.names[input] = tape.input(input, values.at(input));
        for (const char* param : {"b1", "b2"}) scope.names[param] = tape.parameter(param, values.at(param));
        for (std::size_t j = 0; j < 8; ++j) scope.names[weight_name(j)] = tape.parameter(weight_name(j), values.at(weight_name(j)));
        NodeId last = 0;
        for (std::size_t k = 0; k < source.nodes.size(); ++k) {
            const auto& [name, text] = source.nodes[k];
            last = build_named(tape, name, source.parsed[k], text, scope);
            scope.names[name] = last;
        }
        return last;
    };
    setup.values = {{"i1", Num::both(i1)}, {"i2", Num::both(i2)}, {"t1", Num::both(t1)},
                    {"t2", Num::both(t2)}, {"b1", Num::both(b1)}, {"b2", Num::both(b2)}};
    for (std::size_t j = 0; j < 8; ++j) {
        setup.values[weight_name(j)] = Num::both(start_weights[j]);
        setup.update.push_back(weight_name(j));
    }
    setup.rate = rate;
    setup.rounds = n;
    setup.arithmetic = Arithmetic::exact();
    return setup;
}

std::string read_text(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

const std::string problem_path = std::string(NNTRACE_SOURCE_HOME) + "/lessons/net-222/problem.toml";

RunOptions problem_options(int n) {
    RunOptions options;
    options.sets = {{"rounds", std::to_string(n)}};
    return options;
}

// Whether two runs agree on the final weights (to 1e-12: the two compute in different orders).
bool same_weights(const std::array<double, 8>& a, const std::array<double, 8>& b) {
    for (std::size_t j = 0; j < 8; ++j)
        if (std::abs(a[j] - b[j]) > 1e-12 * std::max(1.0, std::abs(a[j]))) return false;
    return true;
}

std::array<double, 8> final_weights(const TrainingRun& run) {
    std::array<double, 8> w{};
    const auto last = run.updates_at(run.rounds());
    for (std::size_t j = 0; j < 8; ++j) w[j] = last.at(j).after.exact;
    return w;
}

std::array<double, 8> final_weights(const Record& record, int n) {
    std::array<double, 8> w{};
    for (std::size_t j = 0; j < 8; ++j) {
        const std::string key = weight_name(j) + (n == 1 ? "+" : "@" + std::to_string(n) + "+");
        const auto v = record.find(key);
        if (!v) throw std::runtime_error("the record has no " + key);
        w[j] = v->exact;
    }
    return w;
}

void set_round_counters(benchmark::State& state) {
    state.counters["rounds"] = rounds;
    state.counters["us_per_round"] = benchmark::Counter(
        rounds * 1e-6, benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}

void Train222_plain(benchmark::State& state) {
    for (auto _ : state) {
        auto w = train_plain(rounds);
        benchmark::DoNotOptimize(w);
    }
    HeapCount heap;
    benchmark::DoNotOptimize(train_plain(rounds));
    set_round_counters(state);
    report_memory(state, heap.peak());
}

void Train222_tape(benchmark::State& state) {
    const NetworkSource source;
    const TrainingSetup setup = traced_setup(source, rounds);
    if (!same_weights(final_weights(train(setup)), train_plain(rounds))) {
        state.SkipWithError("train() and the plain loop disagree on the final weights");
        return;
    }
    for (auto _ : state) {
        TrainingRun run = train(setup);
        benchmark::DoNotOptimize(run);
    }
    HeapCount heap;
    { const TrainingRun run = train(setup); benchmark::DoNotOptimize(&run); }
    set_round_counters(state);
    report_memory(state, heap.peak());
}

// `every_round`: every round written out as text-ready steps and chain-rule lines (what a page
// of all 10,000 rounds would need), instead of round 1 alone.
void Train222_record(benchmark::State& state, bool every_round) {
    const NetworkSource source;
    const TrainingSetup setup = traced_setup(source, rounds);
    TrainingView view;
    if (every_round) view.rounds_in_full = rounds;
    for (auto _ : state) {
        TrainingRun run = train(setup);
        std::vector<Section> sections = training_sections(run, setup, view);
        benchmark::DoNotOptimize(sections);
    }
    HeapCount heap;
    {
        const TrainingRun run = train(setup);
        const std::vector<Section> sections = training_sections(run, setup, view);
        benchmark::DoNotOptimize(sections.data());
    }
    set_round_counters(state);
    report_memory(state, heap.peak());
}

void Train222_problem(benchmark::State& state) {
    const Problem problem = parse_problem(read_text(problem_path), problem_path);
    const RunOptions options = problem_options(rounds);
    if (!same_weights(final_weights(run_problem(problem, options), rounds), train_plain(rounds))) {
        state.SkipWithError("run_problem and the plain loop disagree on the final weights");
        return;
    }
    for (auto _ : state) {
        Record record = run_problem(problem, options);
        benchmark::DoNotOptimize(record);
    }
    HeapCount heap;
    { const Record record = run_problem(problem, options); benchmark::DoNotOptimize(record.sections.data()); }
    set_round_counters(state);
    report_memory(state, heap.peak());
}

BENCHMARK(Train222_plain)->Name("Train222/plain")->Unit(benchmark::kMillisecond);
BENCHMARK(Train222_tape)->Name("Train222/tape")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(Train222_record, record, false)->Name("Train222/record")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(Train222_record, every_round, true)->Name("Train222/every-round-written")->Unit(benchmark::kMillisecond);
BENCHMARK(Train222_problem)->Name("Train222/problem")->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace nntrace::bench
