// One graph evaluated again and again with new leaf values. Training runs the same graph every
// round; only the numbers change. So the graph (names, formulas, labels) is built once, by the
// builder, and each pass is a loop over flat arrays of doubles: no strings, no allocation beyond
// the arrays' growth. Every number of every pass is kept: values, local derivatives, gradients
// and chain-rule products (each number once: a gradient that is a single product is that
// product). A page asks for a pass as a Tape and Gradients (tape_at, gradients_at) and gets
// exactly what building the graph afresh would have given.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "backward.hpp"
#include "page_allocator.hpp"
#include "tape.hpp"

namespace nntrace {

class Replay {
public:
    using Numbers = std::vector<double, PageAllocator<double>>;

    Replay() = default;
    // `graph` as built, with its numbers: they are pass 0. `root` is what backward differentiates.
    Replay(Tape graph, NodeId root);

    const Tape& graph() const { return graph_; }
    NodeId root() const { return plan_.root; }
    const BackwardPlan& plan() const { return plan_; }
    std::size_t passes() const { return passes_; }
    std::size_t backward_passes() const { return backward_passes_; }

    // Room for `passes` passes in all, each with its backward pass: one allocation up front.
    void reserve(std::size_t passes);

    // A new pass: the leaves given take their new values, every other leaf keeps its value in
    // the graph, and every operation is computed again. Throws NumericFault as the tape would.
    void forward(const std::vector<std::pair<NodeId, Num>>& leaves);
    // Differentiates the last pass (each pass at most once, in order). Throws NumericFault.
    void backward();

    Num value(std::size_t pass, NodeId id) const { return read(values_, pass * nodes_ + id); }
    Num local(std::size_t pass, NodeId id, int arg) const { return read(locals_, pass * edges_ + edge_[id] + static_cast<std::size_t>(arg)); }
    Num gradient(std::size_t pass, NodeId id) const;
    Num contribution(std::size_t pass, std::size_t term) const { return read(contributions_, pass * plan_.terms.size() + term); }

    // The graph with the numbers of `pass`, and its gradients (the pass must have been
    // differentiated): the same data as a fresh build and `backward` would give.
    Tape tape_at(std::size_t pass) const;
    Gradients gradients_at(std::size_t pass) const;

private:
    // Exact arithmetic keeps one track (hand equals exact); a hand calculation keeps two.
    Num read(const Numbers& v, std::size_t i) const {
        return tracks_ == 1 ? Num::both(v[i]) : Num{v[2 * i], v[2 * i + 1]};
    }
    void write(Numbers& v, std::size_t i, const Num& n) {
        if (tracks_ == 2) {
            v[2 * i] = n.exact;
            v[2 * i + 1] = n.hand;
        } else {
            write_one(v, i, n);
        }
    }
    void write_one(Numbers& v, std::size_t i, const Num& n);
    void evaluate_one_track(std::size_t pass);
    void evaluate_two_tracks(std::size_t pass);
    void grow(Numbers& v, std::size_t count) { v.resize(v.size() + count * tracks_); }

    Tape graph_;
    BackwardPlan plan_;
    std::size_t nodes_ = 0, edges_ = 0;
    std::vector<std::size_t> edge_;  // each node's first local derivative in a pass's block
    std::vector<NodeId> leaves_;     // the nodes without arguments
    // The operations in tape order, compactly: what a pass runs through.
    struct Operation {
        Op op;
        int args;
        NodeId id;
        std::array<NodeId, 2> arg;
        std::size_t edge;
        double param;
        std::uint32_t function;
    };
    std::vector<Operation> operations_;
    std::vector<std::size_t> term_edge_;  // each chain-rule term's local derivative in a pass's block
    // Where each node's gradient is found. Only sums are stored: a gradient reached through one
    // consumer is that one chain-rule product, the root's is 1, and the others' 0.
    struct GradientSource {
        BackwardPlan::Visit::From from = BackwardPlan::Visit::From::nothing;
        std::uint32_t index = 0;  // one_term: the term; sum: the sum's slot in a pass's block
    };
    std::vector<GradientSource> gradient_source_;
    std::size_t tracks_ = 2;
    std::size_t passes_ = 0, backward_passes_ = 0;
    Numbers values_, locals_, sums_, contributions_;
};

}  // namespace nntrace
