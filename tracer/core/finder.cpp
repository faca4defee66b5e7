#include "finder.hpp"

#include "compare.hpp"

#include <algorithm>
#include <cmath>
#include <set>

namespace nntrace {

Arg number_arg(double v, int decimals) { return Arg{"", Num::both(v), std::max(0, decimals)}; }
Arg exact_arg(double v, int decimals) { return Arg{"", Num::both(v), -std::max(0, decimals)}; }
Arg text_arg(const std::string& s) { return Arg{s, std::nullopt}; }

bool reproduces(double v, const Printed& written) {
    if (!std::isfinite(v)) return false;
    return last_digit_units(v, written.decimals, Rounding::half_up) ==
           last_digit_units(written.value, written.decimals, Rounding::half_up);
}

Finding find_explanations(const Question& q) {
    // The caller's alternatives (the known slips, the runs by hand) before the generic ones of
    // the same family: "the sign of (t − o) flipped" says more than "the opposite sign".
    std::vector<Explanation> generic;
    for (auto* family : {rounding_explanations, step_explanations, neighbour_explanations, value_explanations,
                         digit_explanations})
        for (auto& e : family(q)) generic.push_back(std::move(e));
    // Sorted by index, not moved: an explanation carries its sentence, and a class's every
    // wrong answer is weighed against some thirty of them. Index i < n is the caller's i-th.
    const std::size_t n = q.alternatives.size();
    const auto at = [&](std::size_t i) -> const Explanation& { return i < n ? q.alternatives[i] : generic[i - n]; };
    const auto kept = [&](std::size_t i) {
        Explanation copy = at(i);
        copy.offered = i < n;
        return copy;
    };
    std::vector<std::size_t> tried(n + generic.size());
    for (std::size_t i = 0; i < tried.size(); ++i) tried[i] = i;
    // Most specific first; within a family, in the order tried.
    std::stable_sort(tried.begin(), tried.end(), [&](std::size_t a, std::size_t b) {
        return at(a).family != at(b).family ? at(a).family < at(b).family : at(a).order < at(b).order;
    });
    Finding f;
    f.tried = tried.size();
    std::set<std::string> seen;
    for (std::size_t i : tried) {
        const Explanation& e = at(i);
        if (!reproduces(e.value, q.written) || !seen.insert(e.id).second) continue;
        // A generic explanation that only repeats an earlier one's value in other words is left out
        // ("the opposite sign" after "the sign of (t − o) flipped"); two of the caller's stay.
        const bool repeats = i >= n && std::any_of(f.reproducing.begin(), f.reproducing.end(), [&](const Explanation& r) {
            return r.family == e.family && r.value == e.value;
        });
        if (!repeats) f.reproducing.push_back(kept(i));
    }
    if (f.explained()) return f;
    double best = INFINITY;
    std::optional<std::size_t> nearest;
    for (std::size_t i : tried) {
        const Explanation& e = at(i);
        const double distance = std::fabs(e.value - q.written.value);
        if (!e.near_id.empty() && std::isfinite(e.value) && distance < best) {
            best = distance;
            nearest = i;
        }
    }
    if (nearest) f.nearest = kept(*nearest);
    return f;
}

Message finding_reason(const Question& q, const Finding& f) {
    if (f.explained()) return f.reproducing.front().message;
    std::vector<Arg> args{exact_arg(q.computed.exact, q.exact_digits), text_arg(std::to_string(f.tried)),
                          number_arg(q.written.value, q.written.decimals)};
    if (!f.nearest) return Message{"finder.none", std::move(args)};
    args.insert(args.end(), f.nearest->near_args.begin(), f.nearest->near_args.end());
    return Message{"finder.none." + f.nearest->near_id, std::move(args)};
}

}  // namespace nntrace
