// Nodes may be written in any order; the tape needs each node after the nodes it reads.
#include <map>

#include "problem/checks.hpp"

namespace nntrace {
namespace {

enum class Mark { unvisited, open, done };

class NodeGraph {
public:
    explicit NodeGraph(const Problem& p) : problem_(p) {
        for (std::size_t i = 0; i < p.nodes.size(); ++i) index_[p.nodes[i].name] = i;
        for (const auto& n : p.nodes) {
            std::vector<std::size_t> reads;
            for (const auto& name : names_in(n.expr))
                if (auto it = index_.find(name); it != index_.end()) reads.push_back(it->second);
            reads_.push_back(std::move(reads));
        }
    }

    // Depth first from every node in file order; meeting an open node again closes a cycle.
    void reject_cycles() {
        marks_.assign(problem_.nodes.size(), Mark::unvisited);
        for (std::size_t i = 0; i < problem_.nodes.size(); ++i)
            if (marks_[i] == Mark::unvisited) visit(i);
    }

    // Kahn's algorithm, always taking the first ready node in file order, so that independent
    // nodes keep the order the user wrote them in.
    std::vector<std::size_t> order() const {
        std::vector<bool> placed(problem_.nodes.size(), false);
        std::vector<std::size_t> out;
        while (out.size() < problem_.nodes.size()) {
            for (std::size_t i = 0; i < problem_.nodes.size(); ++i) {
                if (placed[i] || !ready(i, placed)) continue;
                placed[i] = true;
                out.push_back(i);
                break;
            }
        }
        return out;
    }

private:
    bool ready(std::size_t i, const std::vector<bool>& placed) const {
        for (auto r : reads_[i])
            if (!placed[r]) return false;
        return true;
    }

    void visit(std::size_t i) {
        marks_[i] = Mark::open;
        path_.push_back(i);
        for (auto r : reads_[i]) {
            if (marks_[r] == Mark::open) report_cycle(i, r);
            if (marks_[r] == Mark::unvisited) visit(r);
        }
        path_.pop_back();
        marks_[i] = Mark::done;
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
    std::map<std::string, std::size_t> index_;
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
