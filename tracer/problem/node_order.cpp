// Nodes may be written in any order; the tape needs each node after the nodes it reads. Linear
// in the number of nodes and names (up to a logarithm): 100,000 chained nodes are ordinary.
#include <functional>
#include <queue>

#include "core/name_map.hpp"
#include "problem/checks.hpp"

namespace nntrace {
namespace {

enum class Mark { unvisited, open, done };

class NodeGraph {
public:
    explicit NodeGraph(const Problem& p) : problem_(p) {
        index_.reserve(p.nodes.size());
        for (std::size_t i = 0; i < p.nodes.size(); ++i) index_[p.nodes[i].name] = i;
        // A node read twice is listed twice: the counts below stay consistent, and no copy of
        // every name (names_in) is made for a sum of a thousand terms.
        reads_.reserve(p.nodes.size());
        for (const auto& n : p.nodes) {
            std::vector<std::size_t> reads;
            for_each_part(n.expr, [&](const Expr& e) {
                if (e.kind != Expr::Kind::name) return;
                if (const std::size_t* i = index_.find(e.text)) reads.push_back(*i);
            });
            reads_.push_back(std::move(reads));
        }
    }

    // Depth first from every node in file order; meeting an open node again closes a cycle. The
    // path is kept on a stack of its own: a chain of nodes is as deep as it is long.
    void reject_cycles() {
        marks_.assign(problem_.nodes.size(), Mark::unvisited);
        for (std::size_t i = 0; i < problem_.nodes.size(); ++i)
            if (marks_[i] == Mark::unvisited) visit(i);
    }

    // Kahn's algorithm, always taking the first ready node in file order (a heap of the ready
    // ones), so that independent nodes keep the order the user wrote them in.
    std::vector<std::size_t> order() const {
        const std::size_t n = problem_.nodes.size();
        std::vector<std::size_t> waiting_for(n, 0);
        std::vector<std::vector<std::size_t>> readers(n);
        for (std::size_t i = 0; i < n; ++i)
            for (auto r : reads_[i]) ++waiting_for[i], readers[r].push_back(i);
        std::priority_queue<std::size_t, std::vector<std::size_t>, std::greater<>> ready;
        for (std::size_t i = 0; i < n; ++i)
            if (waiting_for[i] == 0) ready.push(i);
        std::vector<std::size_t> out;
        out.reserve(n);
        while (!ready.empty()) {
            const std::size_t i = ready.top();
            ready.pop();
            out.push_back(i);
            for (auto reader : readers[i])
                if (--waiting_for[reader] == 0) ready.push(reader);
        }
        return out;
    }

private:
    void visit(std::size_t start) {
        struct Frame {
            std::size_t node;
            std::size_t next;  // the next of its reads to follow
        };
        std::vector<Frame> stack{{start, 0}};
        marks_[start] = Mark::open;
        path_.push_back(start);
        while (!stack.empty()) {
            Frame& f = stack.back();
            if (f.next == reads_[f.node].size()) {
                marks_[f.node] = Mark::done;
                path_.pop_back();
                stack.pop_back();
                continue;
            }
            const std::size_t r = reads_[f.node][f.next++];
            if (marks_[r] == Mark::open) report_cycle(f.node, r);
            if (marks_[r] == Mark::unvisited) {
                marks_[r] = Mark::open;
                path_.push_back(r);
                stack.push_back({r, 0});
            }
        }
    }

    // The cycle runs from `back_to` along the current path to `from`, which reads `back_to`.
    [[noreturn]] void report_cycle(std::size_t from, std::size_t back_to) const {
        std::string cycle;
        bool on_cycle = false;
        for (auto i : path_) {
            on_cycle = on_cycle || i == back_to;
            if (on_cycle) cycle += problem_.nodes[i].name + " → ";
        }
        cycle += problem_.nodes[back_to].name;
        const NodeDefinition& n = problem_.nodes[from];
        const Expr* use = find_name(n.expr, problem_.nodes[back_to].name);
        fail_at(problem_, n.source.at(use ? use->begin : 1), "the nodes form a cycle: " + cycle);
    }

    const Problem& problem_;
    NameMap<std::string_view, std::size_t> index_;
    std::vector<std::vector<std::size_t>> reads_;
    std::vector<Mark> marks_;
    std::vector<std::size_t> path_;
};

}  // namespace

void order_nodes(Problem& problem) {
    NodeGraph graph(problem);
    graph.reject_cycles();
    std::vector<NodeDefinition> sorted;
    for (auto i : graph.order()) sorted.push_back(std::move(problem.nodes[i]));
    problem.nodes = std::move(sorted);
}

}  // namespace nntrace
