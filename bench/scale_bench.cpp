// Scale: tapes built directly with Tape::input/parameter/apply, then one backward pass.
//
//   MLP/784-64-10/tape     one traced forward and backward step of a 784-64-10 sigmoid MLP
//                          (about 51,000 parameters, fixed seeded weights), E = ½Σ(t−o)²
//   MLP/784-64-10/record   the same, plus the chain-rule lines of the record (chain_lines)
//   Graph/chain/N          x, tanh(x), tanh(tanh(x)), …: N nodes in a line
//   Graph/layered/N        layers of 10 sums, node j of a layer = tanh(a_j + a_(j+1 mod 10)) of
//                          the layer before: every node has two consumers, so backward sums
//   Graph/layered-record/N the layered graph plus its chain-rule lines
// Counters: nodes on the tape, ns and heap bytes per node (of the tape, gradients and lines).
#include <cstdint>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "core/backward.hpp"
#include "core/recording.hpp"
#include "core/tape.hpp"
#include "support.hpp"

namespace nntrace::bench {
namespace {

// A fixed, portable pseudo-random sequence in [-1, 1) (splitmix64).
class Sequence {
public:
    explicit Sequence(std::uint64_t seed) : state_(seed) {}
    double next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        z ^= z >> 31;
        return static_cast<double>(z >> 11) * 0x1.0p-52 - 1.0;
    }

private:
    std::uint64_t state_;
};

// One dense sigmoid layer: out_j = σ(Σ_i w_ji·in_i + b_j), the weights named "w<layer>_<j>_<i>".
std::vector<NodeId> dense_layer(Tape& tape, const std::vector<NodeId>& in, std::size_t size, int layer,
                                Sequence& random) {
    const double scale = 1.0 / static_cast<double>(in.size());
    const std::string prefix = std::to_string(layer) + "_";
    std::vector<NodeId> out;
    for (std::size_t j = 0; j < size; ++j) {
        NodeId sum = tape.parameter("b" + prefix + std::to_string(j + 1), 0.1 * random.next());
        for (std::size_t i = 0; i < in.size(); ++i) {
            const NodeId w = tape.parameter("w" + prefix + std::to_string(j + 1) + "_" + std::to_string(i + 1),
                                            scale * random.next());
            sum = tape.apply(Op::add, {sum, tape.apply(Op::mul, {w, in[i]})});
        }
        out.push_back(tape.apply(Op::sigmoid, {sum}));
    }
    return out;
}

// The 784-64-10 network on one example; returns the loss node.
NodeId build_mlp(Tape& tape) {
    Sequence random(20240601);
    std::vector<NodeId> x;
    for (int i = 0; i < 784; ++i) x.push_back(tape.input("x" + std::to_string(i + 1), 0.5 * (random.next() + 1.0)));
    const auto hidden = dense_layer(tape, x, 64, 1, random);
    const auto out = dense_layer(tape, hidden, 10, 2, random);
    const NodeId half = tape.constant(0.5, "0.5");
    NodeId loss = tape.constant(0, "0");
    for (std::size_t k = 0; k < out.size(); ++k) {
        const NodeId t = tape.input("t" + std::to_string(k + 1), k == 3 ? 1.0 : 0.0);
        const NodeId diff = tape.apply(Op::sub, {t, out[k]});
        loss = tape.apply(Op::add, {loss, tape.apply(Op::mul, {half, tape.apply(Op::powc, {diff}, 2)})});
    }
    return loss;
}

NodeId build_chain(Tape& tape, std::size_t n) {
    NodeId x = tape.parameter("x", 0.5);
    while (tape.size() < n) x = tape.apply(Op::tanh, {x});
    return x;
}

constexpr std::size_t width = 10;

NodeId build_layered(Tape& tape, std::size_t n) {
    std::vector<NodeId> layer;
    for (std::size_t j = 0; j < width; ++j) layer.push_back(tape.parameter("a" + std::to_string(j + 1), 0.1 * double(j)));
    while (tape.size() + 2 * width + 1 < n) {
        std::vector<NodeId> next;
        for (std::size_t j = 0; j < width; ++j)
            next.push_back(tape.apply(Op::tanh, {tape.apply(Op::add, {layer[j], layer[(j + 1) % width]})}));
        layer = std::move(next);
    }
    NodeId sum = layer[0];  // the root depends on every node
    for (std::size_t j = 1; j < width; ++j) sum = tape.apply(Op::add, {sum, layer[j]});
    return sum;
}

enum class Keep { gradients, lines };

// Builds the tape, differentiates, and with Keep::lines turns the backward pass into record lines.
template <class Build>
std::size_t traced_step(Build build, Keep keep) {
    Tape tape;
    const NodeId root = build(tape);
    const Gradients g = backward(tape, root);
    benchmark::DoNotOptimize(g.of.data());
    if (keep == Keep::lines) {
        const std::vector<Item> lines = chain_lines(tape, g, "");
        benchmark::DoNotOptimize(lines.data());
    }
    return tape.size();
}

template <class Build>
void run(benchmark::State& state, Build build, Keep keep) {
    std::size_t nodes = 0;
    for (auto _ : state) nodes = traced_step(build, keep);
    HeapCount heap;
    traced_step(build, keep);
    const auto n = static_cast<double>(nodes);
    state.counters["nodes"] = n;
    state.counters["ns_per_node"] = benchmark::Counter(
        n * 1e-9, benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
    state.counters["heap_bytes_per_node"] = static_cast<double>(heap.peak()) / n;
    report_memory(state, heap.peak());
}

void MLP(benchmark::State& state, Keep keep) { run(state, build_mlp, keep); }

void Graph(benchmark::State& state, NodeId (*shape)(Tape&, std::size_t), Keep keep) {
    const auto n = static_cast<std::size_t>(state.range(0));
    run(state, [&](Tape& tape) { return shape(tape, n); }, keep);
}

BENCHMARK_CAPTURE(MLP, tape, Keep::gradients)->Name("MLP/784-64-10/tape")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(MLP, record, Keep::lines)->Name("MLP/784-64-10/record")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(Graph, chain, build_chain, Keep::gradients)
    ->Name("Graph/chain")->RangeMultiplier(10)->Range(100, 1000000)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(Graph, layered, build_layered, Keep::gradients)
    ->Name("Graph/layered")->RangeMultiplier(10)->Range(100, 1000000)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(Graph, layered_record, build_layered, Keep::lines)
    ->Name("Graph/layered-record")->RangeMultiplier(10)->Range(100, 1000000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace nntrace::bench
