// The tape's nodes, in blocks of 2^18 (18 MB, nine 2 MB huge pages). A single array would double
// as the tape grows: a 10⁷-node tape would sit in room for 1.7·10⁷ nodes, and for the moment of
// each doubling the old and the new array live together (1.8 GB for 720 MB of nodes). Blocks
// never move: a full block stays, the next one is added. The first block grows like a vector,
// so that the small graphs of a lesson take a few hundred bytes, not 18 MB.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <vector>

#include "page_allocator.hpp"

namespace nntrace {

template <class T>
class NodeStore {
public:
    static constexpr std::size_t block_shift = 18;
    static constexpr std::size_t block_size = std::size_t{1} << block_shift;

    std::size_t size() const { return size_; }
    const T& operator[](std::size_t i) const { return blocks_[i >> block_shift][i & (block_size - 1)]; }
    T& operator[](std::size_t i) { return blocks_[i >> block_shift][i & (block_size - 1)]; }
    const T& at(std::size_t i) const {
        if (i >= size_) throw std::out_of_range("NodeStore: no such node");
        return (*this)[i];
    }
    T& at(std::size_t i) {
        if (i >= size_) throw std::out_of_range("NodeStore: no such node");
        return (*this)[i];
    }

    void push_back(const T& value) {
        if (blocks_.empty() || blocks_.back().size() == block_size) {
            blocks_.emplace_back();
            if (blocks_.size() > 1) blocks_.back().reserve(block_size);
        }
        blocks_.back().push_back(value);
        ++size_;
    }
    // Room for `n` in all: the first block at its final size, the list of blocks at its length.
    void reserve(std::size_t n) {
        blocks_.reserve((n + block_size - 1) / block_size);
        if (blocks_.empty()) blocks_.emplace_back();
        if (blocks_.size() == 1) blocks_.front().reserve(n < block_size ? n : block_size);
    }

private:
    std::vector<std::vector<T, PageAllocator<T>>> blocks_;
    std::size_t size_ = 0;
};

}  // namespace nntrace
