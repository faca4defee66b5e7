#include "named_diagram.hpp"

#include <algorithm>
#include <map>

#include "named_graph.hpp"

namespace nntrace {

Diagram named_diagram(const Tape& tape, const Gradients& g, const std::string& key) {
    const NamedGraph graph(tape, g.root);
    auto id_of = [](NodeId i) { return "n" + std::to_string(i); };
    Diagram d;
    d.key = key;
    d.root = id_of(g.root);
    std::map<NodeId, int> layer;  // longest named route from a leaf: the column it is drawn in
    for (NodeId q : graph.quantities()) {
        const Node& n = tape[q];
        int& here = layer[q];
        for (const NamedLocal& l : graph.arguments(q)) {
            here = std::max(here, layer[l.wrt] + 1);
            DiagramEdge e{id_of(l.wrt), id_of(q), "", l.value, {}};
            e.formula = formula_of(l.formula, [&](const Sym& s) { return tape[s.node].value; });
            d.edges.push_back(std::move(e));
        }
        // Every quantity here is one the author named (the root too, where it is unnamed).
        d.nodes.push_back(DiagramNode{id_of(q), std::string(tape.name(q)), std::string(op_name(n.op)), true, here, n.value, g.of[q]});
    }
    return d;
}

}  // namespace nntrace
