// Helpers of the [network] tests: a record's computed figures, keyed, to compare two records.
#pragma once

#include <map>
#include <string>
#include <variant>

#include "core/record.hpp"

namespace nntrace::test {

// What a record computed, by key: every step's value (with its formula as text), every chain-rule
// line's local derivative and contribution, every sum and every update. Two problems that
// describe the same network give the same map.
struct Figure {
    std::string formula;  // the step's formula, pieces joined; empty for other items
    double hand = 0, exact = 0;
    bool operator==(const Figure& o) const { return formula == o.formula && hand == o.hand && exact == o.exact; }
};

inline std::string formula_text(const Formula& f) {
    std::string out;
    for (const auto& piece : f) out += piece.text;
    return out;
}

inline std::map<std::string, Figure> figures(const Record& r) {
    std::map<std::string, Figure> out;
    for (const auto& s : r.sections)
        for (const auto& item : s.items) {
            if (const auto* st = std::get_if<Step>(&item)) out[s.key + "/" + st->key] = {formula_text(st->formula), st->value.hand, st->value.exact};
            if (const auto* c = std::get_if<ChainLine>(&item)) {
                out[s.key + "/" + c->key + "/local"] = {c->rule, c->local.hand, c->local.exact};
                out[s.key + "/" + c->key] = {c->through + ">" + c->target, c->contribution.hand, c->contribution.exact};
            }
            if (const auto* g = std::get_if<GradientSum>(&item)) out[s.key + "/" + g->key] = {"", g->total.hand, g->total.exact};
            if (const auto* u = std::get_if<Update>(&item)) out[s.key + "/" + u->key] = {u->param, u->after.hand, u->after.exact};
        }
    return out;
}

}  // namespace nntrace::test
