// Problem files at scale (issue 14, item 8): a problem file's text read, checked and run —
// forward and backward — as `nntrace run` does, before any rendering.
//
//   ProblemFile/network/W      a [network] of fully connected sigmoid layers with about W
//                              weights, every weight written out in the file:
//                              100-500-100-10 (~101,000), 1000-1000-10 (~1,010,000)
//   ProblemFile/chain/N        N chained [nodes], n_k = "n_(k-1)*0.5 + x", written last-first
//                              so that ordering them has to follow the whole chain
// Counters: the size of the file, ns per weight (or node), peak heap and resident memory. The
// goal: 10⁶ weights read, checked and run in at most 5 s and 1 GB.
#include <cstdint>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "problem/problem.hpp"
#include "support.hpp"

namespace nntrace::bench {
namespace {

// The file of a layered network: inputs x1…, targets t1…, every weight in the file.
std::string network_file(const std::vector<int>& sizes, std::size_t& weights) {
    std::string text = "[inputs]\n";
    for (int i = 1; i <= sizes.front(); ++i) text += "x" + std::to_string(i) + " = " + std::to_string(0.01 * (i % 97)) + "\n";
    for (int i = 1; i <= sizes.back(); ++i) text += "t" + std::to_string(i) + " = 0.5\n";
    text += "[network]\ninputs = [";
    for (int i = 1; i <= sizes.front(); ++i) text += (i > 1 ? ", \"x" : "\"x") + std::to_string(i) + "\"";
    text += "]\ntargets = [";
    for (int i = 1; i <= sizes.back(); ++i) text += (i > 1 ? ", \"t" : "\"t") + std::to_string(i) + "\"";
    text += "]\nactivation = \"sigmoid\"\n";
    weights = 0;
    std::uint64_t k = 0;
    for (std::size_t l = 1; l < sizes.size(); ++l) {
        const std::size_t n = static_cast<std::size_t>(sizes[l - 1]) * static_cast<std::size_t>(sizes[l]);
        text += "\n[[network.layer]]\nsize = " + std::to_string(sizes[l]) + "\nbias = 0.1\nweights = [";
        for (std::size_t i = 0; i < n; ++i) {
            // small weights of both signs, written with 3 decimals: "-0.012"
            const long milli = static_cast<long>((k++ * 2654435761u) % 41) - 20;
            text += (i ? ", " : "") + std::to_string(milli / 1000.0).substr(0, milli < 0 ? 6 : 5);
        }
        text += "]\n";
        weights += n;
    }
    return text;
}

std::string chain_file(int nodes) {
    std::string text = "[inputs]\nx = 0.5\n[nodes]\n";
    for (int k = nodes; k >= 1; --k)
        text += "n" + std::to_string(k) + " = \"" + (k == 1 ? std::string("x") : "n" + std::to_string(k - 1) + "*0.5 + x") + "\"\n";
    return text + "[loss]\nnode = \"n" + std::to_string(nodes) + "\"\nwrt = [\"x\"]\n";
}

void read_check_run(const std::string& text) {
    const Problem problem = parse_problem(text, "bench.toml");
    const Record record = run_problem(problem, {});
    benchmark::DoNotOptimize(record.sections.size());
}

void measure(benchmark::State& state, const std::string& text, std::size_t units) {
    for (auto _ : state) read_check_run(text);
    std::size_t peak = 0;
    {
        HeapCount count;
        read_check_run(text);
        peak = count.peak();
    }
    state.counters["file_MB"] = static_cast<double>(text.size()) / 1e6;
    state.counters["units"] = static_cast<double>(units);
    // A rate over the units, inverted: seconds per unit; counted in units of 10⁻⁹, nanoseconds.
    state.counters["ns_per_unit"] = benchmark::Counter(static_cast<double>(units) * 1e-9,
                                                       benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
    report_memory(state, peak);
}

void network(benchmark::State& state, const std::vector<int>& sizes) {
    std::size_t weights = 0;
    const std::string text = network_file(sizes, weights);
    measure(state, text, weights);
}

void chain(benchmark::State& state) {
    const int nodes = static_cast<int>(state.range(0));
    measure(state, chain_file(nodes), static_cast<std::size_t>(nodes));
}

}  // namespace

BENCHMARK_CAPTURE(network, 100-500-100-10, std::vector<int>{100, 500, 100, 10})
    ->Name("ProblemFile/network/101000")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(network, 1000-1000-10, std::vector<int>{1000, 1000, 10})
    ->Name("ProblemFile/network/1010000")->Unit(benchmark::kMillisecond);
BENCHMARK(chain)->Name("ProblemFile/chain")->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);

}  // namespace nntrace::bench
