// The chain rule as a textbook writes it: ∂A/∂B as the sum over the routes from B up to A
// through named quantities of the products of named local derivatives (record.hpp NamedChain).
//
// How a chain is laid out:
//  - The named quantities every route passes through cut the chain into factors, read from A
//    down; between two of them there is one named local derivative, or, where routes part and
//    meet again, a sum over the routes (∂E_total/∂out_h1 = ∂E_o1/∂out_h1 + ∂E_o2/∂out_h1).
//  - A factor identically 1 (E_total = E_o1 + E_o2 ⇒ ∂E_total/∂E_o1 = 1) is folded into the
//    factor after it, which then reads from the quantity above: ∂E_total/∂out_o1 = −(t1 − out_o1),
//    the source's own factor. That is exact (times 1) and, because every route from the lower
//    quantity up passes through the one between, the label is the whole derivative. In a route
//    of a sum, a leading 1 is dropped and the route is named by the quantity under it
//    (∂E_o1/∂out_h1) where no other route reaches that quantity; other 1s fold only where the
//    folded label is still the whole derivative.
//  - Several chains of one root share their first factors: the product down to a named
//    quantity N is the same δ_N = ∂A/∂N in each (a hand calculation rounds it the same way), and
//    is marked where two or more chains use it (the deepest such product of each chain only, the
//    textbook's δ of a weighted sum). Every chain is still shown with every factor.
//  - A hand calculation multiplies the factors from the left, rounding each product; a sum adds
//    its routes and rounds the total. The tape multiplies elementary factors in another order,
//    so the two can differ in the last digit: the chain then carries both and the reason.
#pragma once

#include <string>
#include <vector>

#include "backward.hpp"
#include "named_graph.hpp"
#include "record.hpp"

namespace nntrace {

// More routes than this between two named quantities and the chain is not written (a page
// would not hold it); the elementary steps still are.
constexpr std::size_t max_routes = 32;

// The chains of ∂root/∂w for every w in `wrt`, in that order, with `tape[i]` the tape's
// gradient for wrt[i]. Keys: "d" + root + "/d" + w + "/chain" + suffix. A chain with too many
// routes, or for a w the root does not depend on, is left out.
std::vector<NamedChain> named_chains(const NamedGraph& g, const std::vector<NodeId>& wrt,
                                     const std::vector<Num>& tape, const std::string& suffix);

// `wrt` from the output toward the inputs: by the longest named route up to the root, shortest
// first; ties keep their order.
std::vector<NodeId> output_first(const NamedGraph& g, std::vector<NodeId> wrt);

// The chains as record items, with the tape's gradients from `gradients` (same root).
std::vector<Item> named_chain_items(const Tape& tape, const Gradients& gradients, const std::vector<NodeId>& wrt,
                                    const std::string& suffix);

}  // namespace nntrace
