// An allocator for the replay's big flat arrays. A training run of 10,000 rounds keeps ~15 MB of
// numbers, and on 4 KB pages the kernel's page faults cost as much as the arithmetic itself.
// Blocks of 2 MB and more are therefore mapped directly and marked for transparent huge pages
// (Linux `madvise`, honoured when the system allows it), so that filling them takes a few faults
// instead of thousands. Smaller blocks come from operator new.
#pragma once

#include <cstddef>
#include <new>

namespace nntrace {

void* allocate_pages(std::size_t bytes);
void release_pages(void* p, std::size_t bytes) noexcept;

// Memory measurements (bench/) count the heap through operator new, which the directly mapped
// blocks bypass: an observer set here is told of every block mapped (+bytes) and unmapped (−bytes).
using PageObserver = void (*)(long long bytes);
void observe_pages(PageObserver observer);

template <class T>
struct PageAllocator {
    using value_type = T;
    PageAllocator() = default;
    template <class U>
    PageAllocator(const PageAllocator<U>&) {}
    T* allocate(std::size_t n) { return static_cast<T*>(allocate_pages(n * sizeof(T))); }
    void deallocate(T* p, std::size_t n) noexcept { release_pages(p, n * sizeof(T)); }
    template <class U>
    bool operator==(const PageAllocator<U>&) const { return true; }
    template <class U>
    bool operator!=(const PageAllocator<U>&) const { return false; }
};

}  // namespace nntrace
