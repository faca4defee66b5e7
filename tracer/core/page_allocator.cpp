#include "page_allocator.hpp"

#include <cstdint>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace nntrace {
namespace {

constexpr std::size_t huge_page = std::size_t{2} << 20;

bool mapped_directly(std::size_t bytes) {
#if defined(__linux__)
    return bytes >= huge_page;
#else
    (void)bytes;
    return false;
#endif
}

std::size_t rounded_up(std::size_t bytes) { return (bytes + huge_page - 1) / huge_page * huge_page; }

PageObserver observer = nullptr;

void observed(long long bytes) {
    if (observer) observer(bytes);
}

}  // namespace

void* allocate_pages(std::size_t bytes) {
#if defined(__linux__)
    if (mapped_directly(bytes)) {
        // Over-map by one huge page so that the block can start on a 2 MB boundary, which the
        // kernel needs to back it with huge pages; the slack around it is unmapped again.
        const std::size_t size = rounded_up(bytes);
        void* raw = mmap(nullptr, size + huge_page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (raw == MAP_FAILED) throw std::bad_alloc();
        auto* start = static_cast<char*>(raw);
        auto* aligned = reinterpret_cast<char*>((reinterpret_cast<std::uintptr_t>(start) + huge_page - 1) / huge_page * huge_page);
        if (aligned > start) munmap(start, static_cast<std::size_t>(aligned - start));
        const std::size_t tail = static_cast<std::size_t>(start + size + huge_page - (aligned + size));
        if (tail > 0) munmap(aligned + size, tail);
        madvise(aligned, size, MADV_HUGEPAGE);  // a hint: without huge pages the block still works
        observed(static_cast<long long>(bytes));  // what was asked for, as malloc's counts are
        return aligned;
    }
#endif
    return ::operator new(bytes);
}

void release_pages(void* p, std::size_t bytes) noexcept {
#if defined(__linux__)
    if (mapped_directly(bytes)) {
        munmap(p, rounded_up(bytes));
        observed(-static_cast<long long>(bytes));
        return;
    }
#endif
    ::operator delete(p);
}

void observe_pages(PageObserver o) { observer = o; }

}  // namespace nntrace
