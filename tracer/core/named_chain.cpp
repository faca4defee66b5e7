#include "named_chain.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>

namespace nntrace {
namespace {

// One factor while a chain is laid out: which quantities it links, and whether it is
// identically 1 (then it is folded away, see the header).
struct Link {
    NodeId of, wrt;
    bool one = false;
    ChainFactor factor;
};

using Counts = std::map<NodeId, double>;

// For every named quantity, the number of named routes from `bottom` up to it.
Counts routes_up_from(const NamedGraph& g, NodeId bottom) {
    Counts down{{bottom, 1.0}};
    for (NodeId q : g.quantities()) {
        if (q <= bottom) continue;
        double n = 0;
        for (const NamedLocal& l : g.arguments(q))
            if (const auto it = down.find(l.wrt); it != down.end()) n += it->second;
        if (n > 0) down[q] = n;
    }
    return down;
}

double count(const Counts& c, NodeId id) {
    const auto it = c.find(id);
    return it == c.end() ? 0.0 : it->second;
}

Link link_of(const NamedGraph& g, const NamedLocal& l) {
    ChainFactor f;
    f.of = g.name(l.of);
    f.wrt = g.name(l.wrt);
    f.formula = formula_of(l.formula, [&](const Sym& s) { return g.tape()[s.node].value; });
    f.value = l.value;
    return Link{l.of, l.wrt, l.identically_one(), std::move(f)};
}

Num product_of(const std::vector<ChainFactor>& factors, const Arithmetic& a) {
    Num p = factors.at(0).value;
    for (std::size_t i = 1; i < factors.size(); ++i) p = multiply(p, factors[i].value, a);
    return Num{p.exact + 0.0, p.hand + 0.0};
}

// Every route from `top` down to `bottom` through quantities that `reaches` counts; false when
// there are more than max_routes.
bool enumerate(const NamedGraph& g, NodeId top, NodeId bottom, const Counts& reaches, std::vector<NodeId>& stack,
               std::vector<std::vector<NodeId>>& out) {
    stack.push_back(top);
    bool ok = true;
    if (top == bottom) {
        out.push_back(stack);
        ok = out.size() <= max_routes;
    } else {
        for (const NamedLocal& l : g.arguments(top))
            if (l.wrt >= bottom && count(reaches, l.wrt) > 0 && !(ok = enumerate(g, l.wrt, bottom, reaches, stack, out)))
                break;
    }
    stack.pop_back();
    return ok;
}

std::vector<Link> links_along(const NamedGraph& g, const std::vector<NodeId>& route) {
    std::vector<Link> links;
    for (std::size_t i = 0; i + 1 < route.size(); ++i)
        for (const NamedLocal& l : g.arguments(route[i]))
            if (l.wrt == route[i + 1]) links.push_back(link_of(g, l));
    return links;
}

// One route of a sum, its 1s folded where the labels stay whole derivatives.
ChainPath route_of(const NamedGraph& g, const std::vector<NodeId>& route) {
    ChainPath p;
    for (NodeId id : route) p.through.push_back(g.name(id));
    std::vector<Link> links = links_along(g, route);
    const NodeId bottom = route.back();
    const Counts up = routes_up_from(g, bottom);
    bool dropped = false;
    while (links.size() > 1 && links.front().one) {
        links.erase(links.begin());
        dropped = true;
    }
    if (dropped && count(up, links.front().of) == 1) p.whole_of = g.name(links.front().of);
    for (std::size_t i = 0; i < links.size() && links.size() > 1;) {
        if (!links[i].one) { ++i; continue; }
        const bool next = i + 1 < links.size();
        Link& into = next ? links[i + 1] : links[i - 1];
        const NodeId lower = next ? into.wrt : links[i].wrt;
        const NodeId upper = next ? links[i].of : into.of;
        if (count(routes_up_from(g, lower), upper) != 1) { ++i; continue; }
        if (next) { into.of = upper; into.factor.of = g.name(upper); }
        else { into.wrt = lower; into.factor.wrt = g.name(lower); }
        links.erase(links.begin() + static_cast<std::ptrdiff_t>(i));
    }
    for (Link& l : links) p.factors.push_back(std::move(l.factor));
    p.value = product_of(p.factors, g.tape().arithmetic());
    return p;
}

// The factors of ∂root/∂wrt, before δs and first uses are marked; nullopt for too many routes.
std::optional<std::vector<ChainFactor>> factors_of(const NamedGraph& g, NodeId wrt) {
    const Counts down = routes_up_from(g, wrt);
    const double total = count(down, g.root());
    if (total == 0) return std::nullopt;
    // Routes from each quantity up to the root, to find those every route passes through.
    Counts up{{g.root(), 1.0}};
    const auto& qs = g.quantities();
    for (auto it = qs.rbegin(); it != qs.rend(); ++it)
        for (const NamedLocal& l : g.arguments(*it)) up[l.wrt] += count(up, *it);
    std::vector<NodeId> cuts;
    for (auto it = qs.rbegin(); it != qs.rend(); ++it)
        if (count(down, *it) > 0 && count(down, *it) * count(up, *it) == total) cuts.push_back(*it);
    const Arithmetic& a = g.tape().arithmetic();
    std::vector<Link> links;
    for (std::size_t i = 0; i + 1 < cuts.size(); ++i) {
        std::vector<std::vector<NodeId>> routes;
        std::vector<NodeId> stack;
        if (!enumerate(g, cuts[i], cuts[i + 1], down, stack, routes)) return std::nullopt;
        if (routes.size() == 1) {
            for (Link& l : links_along(g, routes[0])) links.push_back(std::move(l));
            continue;
        }
        Link sum{cuts[i], cuts[i + 1], false, {}};
        sum.factor.of = g.name(cuts[i]);
        sum.factor.wrt = g.name(cuts[i + 1]);
        for (const auto& r : routes) {
            sum.factor.paths.push_back(route_of(g, r));
            add_to(sum.factor.value, sum.factor.paths.back().value);
        }
        written_down(sum.factor.value, a);
        links.push_back(std::move(sum));
    }
    // Every route from a lower quantity up passes through the one between: folding is exact.
    for (std::size_t i = 0; i < links.size() && links.size() > 1;) {
        if (!links[i].one) { ++i; continue; }
        if (i + 1 < links.size()) {
            links[i + 1].of = links[i].of;
            links[i + 1].factor.of = links[i].factor.of;
        } else {
            links[i - 1].wrt = links[i].wrt;
            links[i - 1].factor.wrt = links[i].factor.wrt;
        }
        links.erase(links.begin() + static_cast<std::ptrdiff_t>(i));
    }
    std::vector<ChainFactor> out;
    for (Link& l : links) out.push_back(std::move(l.factor));
    return out;
}

bool same_written(double x, double y, const Arithmetic& a) {
    if (a.is_hand()) return std::fabs(x - y) < 0.5 * std::pow(10.0, -a.decimals);
    return std::fabs(x - y) <= 1e-9 * std::max({1.0, std::fabs(x), std::fabs(y)});
}

// δ where two or more chains share the product down to a quantity; formulas written once.
void mark_shared(std::vector<NamedChain>& chains, const Arithmetic& a) {
    std::map<std::string, int> uses;
    for (const NamedChain& c : chains)
        for (std::size_t i = 1; i + 1 < c.factors.size(); ++i) ++uses[c.factors[i].wrt];
    std::set<std::string> deltas, written;
    auto first_time = [&](const ChainFactor& f) { return written.insert(f.of + "\n" + f.wrt).second; };
    for (NamedChain& c : chains) {
        // One δ per chain, the deepest shared product: the textbook's δ of a layer's weighted sum.
        std::size_t deepest = 0;
        for (std::size_t i = 1; i + 1 < c.factors.size(); ++i)
            if (uses[c.factors[i].wrt] >= 2) deepest = i;
        Num p = c.factors[0].value;
        for (std::size_t i = 0; i < c.factors.size(); ++i) {
            ChainFactor& f = c.factors[i];
            f.first = first_time(f);
            if (f.first)
                for (ChainPath& route : f.paths)
                    for (ChainFactor& rf : route.factors) rf.first = first_time(rf);
            if (i == 0) continue;
            p = multiply(p, f.value, a);
            if (i == deepest) f.delta = ChainDelta{f.wrt, Num{p.exact + 0.0, p.hand + 0.0}, deltas.insert(f.wrt).second};
        }
    }
}

}  // namespace

std::vector<NamedChain> named_chains(const NamedGraph& g, const std::vector<NodeId>& wrt,
                                     const std::vector<Num>& tape, const std::string& suffix) {
    const Arithmetic& a = g.tape().arithmetic();
    const std::string& root = g.name(g.root());
    std::vector<NamedChain> chains;
    for (std::size_t i = 0; i < wrt.size(); ++i) {
        if (wrt[i] == g.root()) continue;
        auto factors = factors_of(g, wrt[i]);
        if (!factors || factors->empty()) continue;
        NamedChain c;
        c.of = root;
        c.wrt = g.name(wrt[i]);
        c.key = "d" + c.of + "/d" + c.wrt + "/chain" + suffix;
        c.factors = std::move(*factors);
        c.value = product_of(c.factors, a);
        c.tape = Num{tape.at(i).exact + 0.0, tape.at(i).hand + 0.0};
        c.agrees = same_written(c.value.hand, c.tape.hand, a);
        if (!c.agrees)
            c.reason = Message{same_written(c.value.exact, c.tape.exact, Arithmetic::exact()) ? "chain.reason.rounding_order"
                                                                                               : "chain.reason.differs",
                               {}};
        chains.push_back(std::move(c));
    }
    mark_shared(chains, a);
    return chains;
}

std::vector<NodeId> output_first(const NamedGraph& g, std::vector<NodeId> wrt) {
    std::map<NodeId, int> depth{{g.root(), 0}};
    const auto& qs = g.quantities();
    for (auto it = qs.rbegin(); it != qs.rend(); ++it)
        for (const NamedLocal& l : g.arguments(*it)) depth[l.wrt] = std::max(depth[l.wrt], depth[*it] + 1);
    std::stable_sort(wrt.begin(), wrt.end(), [&](NodeId x, NodeId y) { return depth[x] < depth[y]; });
    return wrt;
}

std::vector<Item> named_chain_items(const Tape& tape, const Gradients& gradients, const std::vector<NodeId>& wrt,
                                    const std::string& suffix) {
    const NamedGraph g(tape, gradients.root);
    std::vector<Num> numbers;
    for (NodeId w : wrt) numbers.push_back(gradients.of.at(w));
    std::vector<Item> items;
    for (NamedChain& c : named_chains(g, wrt, numbers, suffix)) items.emplace_back(std::move(c));
    return items;
}

}  // namespace nntrace
