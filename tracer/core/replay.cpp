#include "replay.hpp"

#include <cmath>
#include <stdexcept>

namespace nntrace {
namespace {

bool one_track(const Tape& graph) {
    if (graph.arithmetic().is_hand()) return false;
    for (NodeId id = 0; id < graph.size(); ++id)
        if (graph[id].value.hand != graph[id].value.exact) return false;
    return true;
}

}  // namespace

Tape Replay::tape_at(std::size_t pass) const {
    if (pass >= passes_) throw std::out_of_range("Replay::tape_at: no such pass");
    Tape tape = graph_;
    for (NodeId id = 0; id < nodes_; ++id) {
        NodeNumbers numbers{value(pass, id), {}};
        for (int k = 0; k < arity(graph_[id].op); ++k) numbers.local[static_cast<std::size_t>(k)] = local(pass, id, k);
        tape.set_numbers(id, numbers);
    }
    return tape;
}

Num Replay::gradient(std::size_t pass, NodeId id) const {
    using From = BackwardPlan::Visit::From;
    const GradientSource& source = gradient_source_[id];
    switch (source.from) {
        case From::root: return Num::both(1.0);
        case From::nothing: break;
        case From::one_term: return contribution(pass, source.index);
        case From::sum: return read(sums_, pass * plan_.sums.size() + source.index);
    }
    return Num{0, 0};
}

Gradients Replay::gradients_at(std::size_t pass) const {
    if (pass >= backward_passes_) throw std::out_of_range("Replay::gradients_at: pass not differentiated");
    Gradients g{plan_.root, std::vector<Num>(nodes_), plan_.reaches, {}, {}};
    for (NodeId id = 0; id < nodes_; ++id) g.of[id] = gradient(pass, id);
    g.terms.reserve(plan_.terms.size());
    for (std::size_t t = 0; t < plan_.terms.size(); ++t) {
        const BackwardPlan::Term& term = plan_.terms[t];
        g.terms.push_back({term.target, term.through, term.arg, g.of[term.through], local(pass, term.through, term.arg),
                           contribution(pass, t)});
    }
    for (const BackwardPlan::Sum& s : plan_.sums) g.sums.push_back({s.node, s.terms, g.of[s.node], s.position});
    return g;
}

Replay::Replay(Tape graph, NodeId root)
    : graph_(std::move(graph)), plan_(plan_backward(graph_, root)), nodes_(graph_.size()),
      tracks_(one_track(graph_) ? 1 : 2) {
    edge_.reserve(nodes_);
    for (NodeId id = 0; id < nodes_; ++id) {
        const Node& n = graph_[id];
        if (arity(n.op) == 0)
            leaves_.push_back(id);
        else
            operations_.push_back({n.op, arity(n.op), id, n.args, edges_, n.param, n.function});
        edge_.push_back(edges_);
        edges_ += static_cast<std::size_t>(arity(n.op));
    }
    for (const BackwardPlan::Term& t : plan_.terms) term_edge_.push_back(edge_[t.through] + static_cast<std::size_t>(t.arg));
    gradient_source_.resize(nodes_);
    for (const BackwardPlan::Visit& v : plan_.visits) gradient_source_[v.node] = {v.from, v.source};
    grow(values_, nodes_);
    grow(locals_, edges_);
    for (NodeId id = 0; id < nodes_; ++id) {
        const Node& n = graph_[id];
        write(values_, id, n.value);
        for (int k = 0; k < arity(n.op); ++k) write(locals_, edge_[id] + static_cast<std::size_t>(k), n.local[static_cast<std::size_t>(k)]);
    }
    passes_ = 1;
}

void Replay::write_one(Numbers& v, std::size_t i, const Num& n) {
    // One track holds only while both tracks agree: exact arithmetic from equal leaves.
    if (n.hand != n.exact && !(std::isnan(n.hand) && std::isnan(n.exact)))
        throw std::logic_error("Replay: a hand value in an exact run");
    v[i] = n.exact;
}

void Replay::reserve(std::size_t passes) {
    values_.reserve(passes * nodes_ * tracks_);
    locals_.reserve(passes * edges_ * tracks_);
    sums_.reserve(passes * plan_.sums.size() * tracks_);
    contributions_.reserve(passes * plan_.terms.size() * tracks_);
}

void Replay::forward(const std::vector<std::pair<NodeId, Num>>& leaves) {
    for (const auto& [id, v] : leaves)
        if (id >= nodes_ || arity(graph_[id].op) != 0) throw std::logic_error("Replay::forward: not a leaf of the graph");
    const std::size_t pass = passes_;
    try {
        grow(values_, nodes_);
        grow(locals_, edges_);
        // Leaves first (as in pass 0 unless given), then the operations in tape order.
        for (NodeId id : leaves_) write(values_, pass * nodes_ + id, value(0, id));
        for (const auto& [id, v] : leaves) write(values_, pass * nodes_ + id, v);
        if (tracks_ == 1)
            evaluate_one_track(pass);
        else
            evaluate_two_tracks(pass);
    } catch (...) {
        values_.resize(pass * nodes_ * tracks_);  // a failed pass leaves no trace
        locals_.resize(pass * edges_ * tracks_);
        throw;
    }
    passes_ = pass + 1;
}

void Replay::evaluate_one_track(std::size_t pass) {
    double* value = values_.data() + pass * nodes_;
    double* local = locals_.data() + pass * edges_;
    for (const Operation& o : operations_) {
        const std::array<double, 2> args{value[o.arg[0]], o.args == 2 ? value[o.arg[1]] : 0.0};
        const Evaluation e = graph_.exact_numbers_of(o.id, o.op, o.param, o.function, args);
        value[o.id] = e.value;
        local[o.edge] = e.local[0];
        if (o.args == 2) local[o.edge + 1] = e.local[1];
    }
}

void Replay::evaluate_two_tracks(std::size_t pass) {
    for (NodeId id = 0; id < nodes_; ++id) {
        const Node& n = graph_[id];
        const int n_args = arity(n.op);
        if (n_args == 0) continue;
        std::array<Num, 2> args{};
        for (int k = 0; k < n_args; ++k) args[static_cast<std::size_t>(k)] = value(pass, n.args[static_cast<std::size_t>(k)]);
        const NodeNumbers numbers = graph_.numbers_of(id, n, args);
        write(values_, pass * nodes_ + id, numbers.value);
        for (int k = 0; k < n_args; ++k)
            write(locals_, pass * edges_ + edge_[id] + static_cast<std::size_t>(k), numbers.local[static_cast<std::size_t>(k)]);
    }
}

void Replay::backward() {
    const std::size_t pass = backward_passes_;
    if (pass >= passes_) throw std::logic_error("Replay::backward: no pass left to differentiate");
    const std::size_t terms = plan_.terms.size();
    const std::size_t sums = plan_.sums.size();
    auto fault = [&](const BackwardPlan::Visit& v) {
        const Node& n = graph_[v.node];
        throw NumericFault{v.node, n.op, {value(pass, n.args[0]).hand, value(pass, n.args[1]).hand}, true};
    };
    try {
        grow(sums_, sums);
        grow(contributions_, terms);
        if (tracks_ == 1) {
            const double* local = locals_.data() + pass * edges_;
            double* sum = sums_.data() + pass * sums;
            double* contribution = contributions_.data() + pass * terms;
            run_backward<double>(
                plan_, graph_.arithmetic(), [&](std::size_t t, const BackwardPlan::Term&) { return local[term_edge_[t]]; },
                [&](NodeId node, double g) {
                    if (gradient_source_[node].from == BackwardPlan::Visit::From::sum) sum[gradient_source_[node].index] = g;
                }, [&](std::size_t t) { return contribution[t]; },
                [&](std::size_t t, double c) { contribution[t] = c; }, fault);
        } else {
            run_backward<Num>(
                plan_, graph_.arithmetic(),
                [&](std::size_t, const BackwardPlan::Term& term) { return this->local(pass, term.through, term.arg); },
                [&](NodeId node, const Num& g) {
                    if (gradient_source_[node].from == BackwardPlan::Visit::From::sum)
                        write(sums_, pass * sums + gradient_source_[node].index, g);
                },
                [&](std::size_t t) { return this->contribution(pass, t); },
                [&](std::size_t t, const Num& c) { write(contributions_, pass * terms + t, c); }, fault);
        }
    } catch (...) {
        sums_.resize(pass * sums * tracks_);
        contributions_.resize(pass * terms * tracks_);
        throw;
    }
    backward_passes_ = pass + 1;
}

}  // namespace nntrace
