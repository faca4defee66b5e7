#include "chain_lines.hpp"

namespace nntrace {
namespace {

// Parts joined with " = ", leaving out an empty part and one that repeats the part before
// (a formula that is a bare number has nothing to substitute).
std::string equation(const std::vector<std::string>& parts) {
    std::string out, previous;
    for (const std::string& p : parts) {
        if (p.empty() || p == previous) continue;
        previous = p;
        out += (out.empty() ? "" : " = ") + p;
    }
    return out;
}

class Lines {
public:
    Lines(const ChainNotation& n) : n_(n) {}

    std::string symbols(const std::vector<ChainFactor>& factors, const std::string& between) const {
        std::string out;
        for (std::size_t i = 0; i < factors.size(); ++i) out += (i ? between : "") + n_.partial(factors[i].of, factors[i].wrt);
        return out;
    }

    std::string values(const std::vector<ChainFactor>& factors, const std::string& between) const {
        std::string out;
        for (std::size_t i = 0; i < factors.size(); ++i) out += (i ? between : "") + n_.operand(factors[i].value);
        return out;
    }

    // ∂out_o1/∂l_o1 = out_o1·(1 − out_o1) = 0.75·(1 − 0.75) = 0.1875
    ChainText local(const ChainFactor& f, int depth) const {
        const auto [symbols, substituted] = n_.formula(f.formula);
        const bool one_value = f.formula.size() == 1;  // "out_h1 = 0.59": its value once
        return {depth, equation({n_.partial(f.of, f.wrt), symbols, one_value ? "" : substituted, n_.result(f.value)}),
                f.value, std::nullopt};
    }

    // A route of a sum: the whole derivative it is, or the product it contributes.
    std::string route_symbols(const ChainPath& p) const {
        return p.whole_of.empty() ? symbols(p.factors, n_.tight_times) : n_.partial(p.whole_of, p.factors.back().wrt);
    }

    // ∂E_total/∂out_h1 = ∂E_o1/∂out_h1 + ∂E_o2/∂out_h1 = 0.055 + (−0.019) = 0.036
    ChainText sum(const ChainFactor& f, int depth) const {
        std::string s, v;
        for (std::size_t i = 0; i < f.paths.size(); ++i) {
            const ChainPath& p = f.paths[i];
            s += (i ? " + " : "") + route_symbols(p);
            v += (i ? " + " : "") + (p.whole_of.empty() ? values(p.factors, n_.tight_times) : n_.operand(p.value));
        }
        return {depth, equation({n_.partial(f.of, f.wrt), s, v, n_.result(f.value)}), f.value, std::nullopt};
    }

    // What a factor brings under the chain: its formula once, or its routes and theirs.
    void under(const ChainFactor& f, bool sum_said, std::vector<ChainText>& out) const {
        if (!f.first) return;
        if (f.paths.empty()) {
            out.push_back(local(f, 1));
            return;
        }
        if (!sum_said) out.push_back(sum(f, 1));
        for (const ChainPath& p : f.paths) {
            if (!p.whole_of.empty())
                out.push_back({1, equation({n_.partial(p.whole_of, p.factors.back().wrt), symbols(p.factors, n_.times),
                                            values(p.factors, n_.times), n_.result(p.value)}),
                               p.value, std::nullopt});
            for (const ChainFactor& pf : p.factors) under(pf, true, out);
        }
    }

    void deltas(const NamedChain& c, std::vector<ChainText>& out) const {
        std::size_t reused = 0;
        for (std::size_t i = 0; i < c.factors.size(); ++i) {
            const auto& d = c.factors[i].delta;
            if (d && d->first) {
                const std::vector<ChainFactor> head(c.factors.begin(), c.factors.begin() + static_cast<std::ptrdiff_t>(i + 1));
                out.push_back({1, equation({n_.delta(d->name), n_.partial(c.of, d->name), symbols(head, n_.times),
                                            values(head, n_.times), n_.result(d->value)}),
                               d->value, std::nullopt});
            }
            if (d && !d->first) reused = i;
        }
        if (reused == 0) return;
        const ChainDelta& d = *c.factors[reused].delta;
        const std::vector<ChainFactor> tail(c.factors.begin() + static_cast<std::ptrdiff_t>(reused + 1), c.factors.end());
        out.push_back({1, "= " + equation({n_.delta(d.name) + n_.times + symbols(tail, n_.times),
                                           n_.operand(d.value) + n_.times + values(tail, n_.times), n_.result(c.value)}),
                       c.value, std::nullopt});
    }

private:
    const ChainNotation& n_;
};

}  // namespace

std::vector<ChainText> chain_lines(const NamedChain& c, const ChainNotation& n) {
    const Lines lines(n);
    std::vector<ChainText> out;
    if (c.factors.empty()) return out;
    const bool one_sum = c.factors.size() == 1 && !c.factors[0].paths.empty();
    if (one_sum) {
        out.push_back(lines.sum(c.factors[0], 0));
    } else if (c.factors.size() == 1) {
        out.push_back(lines.local(c.factors[0], 0));
    } else {
        out.push_back({0, equation({n.partial(c.of, c.wrt), lines.symbols(c.factors, n.times),
                                    lines.values(c.factors, n.times), n.result(c.value)}),
                       c.value, std::nullopt});
    }
    if (c.factors.size() > 1 || one_sum)
        for (const ChainFactor& f : c.factors) lines.under(f, one_sum, out);
    lines.deltas(c, out);
    if (!c.agrees) {
        out.push_back({1, "", std::nullopt, Message{"chain.tape_value", {Arg{"", c.tape}}}});
        if (c.reason) out.push_back({1, "", std::nullopt, *c.reason});
    }
    return out;
}

}  // namespace nntrace
