#include "support.hpp"

#include <cstdlib>
#include <new>

#include <malloc.h>
#include <sys/resource.h>

#include "core/page_allocator.hpp"

namespace {

// The counting state. Plain globals: the benchmarks run on one thread, and counting is on only
// during an untimed pass, so the timed loops pay one predictable branch per allocation.
bool counting = false;
std::size_t live = 0;
std::size_t high = 0;

void* allocate(std::size_t n) {
    void* p = std::malloc(n == 0 ? 1 : n);
    if (!p) throw std::bad_alloc();
    if (counting) {
        live += malloc_usable_size(p);
        if (live > high) high = live;
    }
    return p;
}

void release(void* p) noexcept {
    if (!p) return;
    if (counting) {
        const std::size_t n = malloc_usable_size(p);
        live = n > live ? 0 : live - n;  // memory allocated before counting began
    }
    std::free(p);
}

// Blocks the engine maps directly (core/page_allocator) count as heap too.
void pages_changed(long long bytes) {
    if (!counting) return;
    if (bytes >= 0) {
        live += static_cast<std::size_t>(bytes);
        if (live > high) high = live;
    } else {
        const auto n = static_cast<std::size_t>(-bytes);
        live = n > live ? 0 : live - n;
    }
}

}  // namespace

// The nothrow forms too (std::stable_sort's buffer): a block from the library's own operator
// new must never reach std::free here.
void* operator new(std::size_t n) { return allocate(n); }
void* operator new[](std::size_t n) { return allocate(n); }
void* operator new(std::size_t n, const std::nothrow_t&) noexcept {
    try {
        return allocate(n);
    } catch (const std::bad_alloc&) {
        return nullptr;
    }
}
void* operator new[](std::size_t n, const std::nothrow_t& tag) noexcept { return operator new(n, tag); }
void operator delete(void* p, const std::nothrow_t&) noexcept { release(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { release(p); }
void operator delete(void* p) noexcept { release(p); }
void operator delete[](void* p) noexcept { release(p); }
void operator delete(void* p, std::size_t) noexcept { release(p); }
void operator delete[](void* p, std::size_t) noexcept { release(p); }

namespace nntrace::bench {

HeapCount::HeapCount() {
    nntrace::observe_pages(pages_changed);
    live = 0;
    high = 0;
    counting = true;
}

HeapCount::~HeapCount() { counting = false; }

std::size_t HeapCount::peak() const { return high; }

std::size_t max_rss_bytes() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<std::size_t>(usage.ru_maxrss) * 1024;  // Linux reports kilobytes
}

void report_memory(benchmark::State& state, std::size_t peak_heap_bytes) {
    constexpr double mb = 1024.0 * 1024.0;
    state.counters["peak_heap_MB"] = static_cast<double>(peak_heap_bytes) / mb;
    state.counters["maxrss_MB"] = static_cast<double>(max_rss_bytes()) / mb;
}

}  // namespace nntrace::bench
