#include "problem/network_table.hpp"

#include <algorithm>

#include "problem/run_parts.hpp"

namespace nntrace {
namespace {

Cell name_cell(const std::string& name) { return Cell{std::nullopt, words("network.name", {Arg{name, std::nullopt}})}; }

std::string joined(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
    return out;
}

// One note for the whole network when every layer is numbered the same way, else one per layer.
std::vector<Note> numbering_notes(const Problem& p) {
    auto id_of = [](WeightNumbering w) {
        return w == WeightNumbering::by_source ? std::string("network.note.by_source") : std::string("network.note.by_destination");
    };
    const auto& order = p.network_numbering;
    const bool uniform = std::all_of(order.begin(), order.end(), [&](WeightNumbering w) { return w == order.front(); });
    if (uniform) return {Note{"network-numbering", Note::Kind::convention, words(id_of(order.front()))}};
    std::vector<Note> notes;
    for (std::size_t l = 0; l < order.size(); ++l) {
        const Num layer = Num::both(static_cast<double>(l + 1));
        notes.push_back(Note{"network-numbering-" + std::to_string(l + 1), Note::Kind::convention,
                             words(id_of(order[l]) + "_layer", {Arg{"", layer}})});
    }
    return notes;
}

Table numbering_table(const Problem& p, const std::map<std::string, Num>& values) {
    Table t{"network-numbering", words("network.table.numbering"), {}, {}};
    t.columns = {Column{"name", words("network.column.param"), std::nullopt},
                 Column{"from", words("network.column.from"), std::nullopt},
                 Column{"to", words("network.column.to"), std::nullopt},
                 Column{"value", words("network.column.value"), std::nullopt}};
    for (const NetworkLink& link : p.network_links) {
        const Cell from = link.from.empty() ? Cell{std::nullopt, words("network.bias")} : name_cell(link.from);
        t.rows.push_back({name_cell(link.param), from, name_cell(joined(link.to)), Cell{values.at(link.param), std::nullopt}});
    }
    return t;
}

}  // namespace

void add_network_numbering(const Problem& problem, const std::map<std::string, Num>& values, Section& setup) {
    if (problem.network_links.empty()) return;
    for (auto& note : numbering_notes(problem)) setup.items.emplace_back(std::move(note));
    setup.items.emplace_back(numbering_table(problem, values));
}

}  // namespace nntrace
