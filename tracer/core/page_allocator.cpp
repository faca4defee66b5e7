#include "page_allocator.hpp"

#include <cstdint>
#include <mutex>
#include <vector>

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

#if defined(__linux__)
// Blocks given back, kept for the next request of the same size: a training run or a benchmark
// builds the same graph pass after pass, and a block mapped afresh is zeroed and faulted in by
// the kernel again (a quarter of a pass over 10⁶ nodes). A request of another size first gives
// every kept block back to the kernel, so the process never holds more than it would without
// them at a peak; and only a few are kept.
class KeptBlocks {
public:
    void* take(std::size_t size) {
        std::lock_guard<std::mutex> lock(mutex_);
        for (std::size_t i = 0; i < blocks_.size(); ++i)
            if (blocks_[i].size == size) {
                void* p = blocks_[i].start;
                blocks_.erase(blocks_.begin() + static_cast<std::ptrdiff_t>(i));
                return p;
            }
        for (const Block& b : blocks_) munmap(b.start, b.size);
        blocks_.clear();
        return nullptr;
    }
    void keep(void* p, std::size_t size) {
        std::lock_guard<std::mutex> lock(mutex_);
        if (blocks_.size() == most) {
            munmap(blocks_.front().start, blocks_.front().size);
            blocks_.erase(blocks_.begin());
        }
        blocks_.push_back({p, size});
    }

private:
    struct Block {
        void* start;
        std::size_t size;
    };
    static constexpr std::size_t most = 8;
    std::mutex mutex_;
    std::vector<Block> blocks_;
};

KeptBlocks& kept() {
    static KeptBlocks* blocks = new KeptBlocks;  // never destroyed: blocks may be freed at exit
    return *blocks;
}
#endif

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
        if (void* again = kept().take(size)) {
            observed(static_cast<long long>(bytes));
            return again;
        }
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
        kept().keep(p, rounded_up(bytes));
        observed(-static_cast<long long>(bytes));
        return;
    }
#endif
    ::operator delete(p);
}

void observe_pages(PageObserver o) { observer = o; }

}  // namespace nntrace
