// Measuring helpers shared by the benchmarks: heap bytes (a counting operator new, switched on
// only for one untimed pass) and the process's peak resident memory.
#pragma once

#include <cstddef>

#include <benchmark/benchmark.h>

namespace nntrace::bench {

// Counts heap bytes from construction to destruction: `peak()` is the highest number of bytes
// live at once above what was live when counting started. Not nested, not thread-safe.
class HeapCount {
public:
    HeapCount();
    ~HeapCount();
    HeapCount(const HeapCount&) = delete;
    HeapCount& operator=(const HeapCount&) = delete;

    std::size_t peak() const;
};

// The process's peak resident set (getrusage ru_maxrss), in bytes.
std::size_t max_rss_bytes();

// Sets the counters every benchmark reports: "peak_heap_MB" (of the measured pass),
// "maxrss_MB" (of the whole process: run one benchmark per process to read it per benchmark).
void report_memory(benchmark::State& state, std::size_t peak_heap_bytes);

}  // namespace nntrace::bench
