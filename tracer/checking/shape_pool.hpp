// The graphs a class's variants share. Every variant of a randomised problem has the same
// functions, nodes and loss, only other numbers: one graph of each shape, built at the first
// problem of that shape and worked out again with the next one's numbers, instead of a graph per
// variant; the graph keeps those of the mistakes that rescale its loss the same way for every
// student (GraphReplay::variation_graph) (issue 17: grading by variant).
#pragma once

#include <memory>
#include <mutex>
#include <vector>

#include "checking/graph_replay.hpp"

namespace nntrace {

// Whether `a` under `a_options` and `b` under `b_options` build the same graph: the same
// functions, inputs and params (their names, in order), nodes (names and expressions), loss,
// [train] or none, arithmetic and slips. Their numbers may differ.
bool same_shape(const Problem& a, const RunOptions& a_options, const Problem& b, const RunOptions& b_options);

// The graphs of the shapes met so far. Not thread-safe: one thread at a time (ShapePool).
class ShapeCache {
public:
    // The replay of graphs shaped like `problem` under `options`, built at the first problem of
    // that shape; its own values are those it was built or last rebased with. Throws InputError
    // as GraphReplay's constructor does when a graph must be built and cannot be.
    std::shared_ptr<GraphReplay> shaped_like(const Problem& problem, const RunOptions& options);

    // The same, its own values now `problem`'s (GraphReplay::rebase).
    std::shared_ptr<GraphReplay> rebased_to(const Problem& problem, const RunOptions& options);

private:
    struct Entry {
        Problem problem;  // the first problem of the shape, to compare the next ones with
        RunOptions options;
        std::shared_ptr<GraphReplay> replay;
    };
    std::vector<Entry> entries_;
};

// Caches handed out to one holder at a time, so that the threads judging a class's variants
// never share one: a lease returns its cache to the pool when it ends. The pool must outlive its
// leases.
class ShapePool {
public:
    class Lease {
    public:
        Lease() = default;
        Lease(ShapePool* pool, std::unique_ptr<ShapeCache> cache) : pool_(pool), cache_(std::move(cache)) {}
        Lease(Lease&&) noexcept = default;
        Lease& operator=(Lease&& other) noexcept;
        ~Lease();

        explicit operator bool() const { return cache_ != nullptr; }
        ShapeCache* operator->() const { return cache_.get(); }

    private:
        void give_back();
        ShapePool* pool_ = nullptr;
        std::unique_ptr<ShapeCache> cache_;
    };

    Lease lease();

private:
    std::mutex mutex_;
    std::vector<std::unique_ptr<ShapeCache>> free_;
};

}  // namespace nntrace
