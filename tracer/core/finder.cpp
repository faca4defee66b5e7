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
    std::vector<Explanation> tried = q.alternatives;
    for (auto& e : tried) e.offered = true;
    for (auto* family : {rounding_explanations, step_explanations, neighbour_explanations, value_explanations,
                         digit_explanations})
        for (auto& e : family(q)) tried.push_back(std::move(e));
    // Most specific first; within a family, in the order tried.
    std::stable_sort(tried.begin(), tried.end(),
                     [](const Explanation& a, const Explanation& b) {
                         return a.family != b.family ? a.family < b.family : a.order < b.order;
                     });
    Finding f;
    f.tried = tried.size();
    std::set<std::string> seen;
    for (const auto& e : tried) {
        if (!reproduces(e.value, q.written) || !seen.insert(e.id).second) continue;
        // A generic explanation that only repeats an earlier one's value in other words is left out
        // ("the opposite sign" after "the sign of (t − o) flipped"); two of the caller's stay.
        const bool repeats = !e.offered && std::any_of(f.reproducing.begin(), f.reproducing.end(), [&](const Explanation& r) {
            return r.family == e.family && r.value == e.value;
        });
        if (!repeats) f.reproducing.push_back(e);
    }
    if (f.explained()) return f;
    double best = INFINITY;
    for (const auto& e : tried) {
        const double distance = std::fabs(e.value - q.written.value);
        if (!e.near_id.empty() && std::isfinite(e.value) && distance < best) {
            best = distance;
            f.nearest = e;
        }
    }
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
