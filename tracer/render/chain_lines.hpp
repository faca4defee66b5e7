// The lines of a textbook chain (record.hpp NamedChain), laid out once for every renderer; each
// renderer says how it writes a derivative, a number and a formula (plain text or LaTeX).
//
//   ∂E_total/∂w5 = ∂E_total/∂out_o1 · ∂out_o1/∂l_o1 · ∂l_o1/∂w5 = (−0.74) · 0.19 · 0.59 = −0.08
//       ∂E_total/∂out_o1 = −(t1 − out_o1) = −(0.01 − 0.75) = 0.74      each formula once
//       ∂E_total/∂out_h1 = ∂E_o1/∂out_h1 + ∂E_o2/∂out_h1 = …              the routes of a sum
//       δ_l_o1 = ∂E_total/∂l_o1 = ∂E_total/∂out_o1 · ∂out_o1/∂l_o1 = 0.14  a δ where defined
//       = δ_l_o1 · ∂l_o1/∂w6 = 0.14 · 0.6 = 0.08                           a δ reused
//       the backward pass gets … — why they differ                          where they do
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/record.hpp"

namespace nntrace {

struct ChainNotation {
    std::function<std::string(const std::string& of, const std::string& wrt)> partial;
    std::function<std::string(const std::string& name)> delta;  // δ_name
    std::function<std::string(const Num&)> operand;              // a number in a product or sum, negatives in parentheses
    std::function<std::string(const Num&)> result;               // an equation's last figure
    // A formula with its symbols, and with their values in their place.
    std::function<std::pair<std::string, std::string>(const Formula&)> formula;
    std::string times;        // between factors: " · "
    std::string tight_times;  // inside a sum's term: "·"
};

struct ChainText {
    int depth = 0;              // 0: the chain itself; 1: a line under it
    std::string math;           // the equation (empty for a line of words)
    std::optional<Num> result;  // its last figure, for the exact value beside it
    std::optional<Message> words;  // a line of words instead: why the backward pass differs
};

std::vector<ChainText> chain_lines(const NamedChain& c, const ChainNotation& n);

}  // namespace nntrace
