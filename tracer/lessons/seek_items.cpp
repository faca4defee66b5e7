#include "lessons/seek_items.hpp"

#include "core/backward.hpp"
#include "core/named_chain.hpp"
#include "core/recording.hpp"

namespace nntrace {
namespace {

std::string derivative_name(const std::string& upper, const std::string& lower) {
    return "∂" + upper + "/∂" + lower;
}

Piece symbol(std::string name, Num value) { return {std::move(name), value}; }
Piece text(std::string t) { return {std::move(t), std::nullopt}; }
Arg word(std::string t) { return {std::move(t), std::nullopt}; }

Step delta_step(const SeekPlan& plan, const SeekRound& round, const std::string& prefix) {
    const std::string& out = plan.graph.output;
    return {prefix + "delta_" + out, "Δ" + out,
            {symbol(out, round.output), text(" − "), symbol("target", Num::both(plan.target))},
            round.delta, std::nullopt};
}

// Δw = share · Δz / (∂z/∂w), or down a chain: Δx = Δc / (∂c/∂b) / (∂b/∂a) / (∂a/∂x).
Step move_delta_step(const SeekPlan& plan, const SeekRound& round, const Move& m, double share,
                     const std::string& prefix) {
    Formula f;
    if (share != 1.0) f = {symbol("", Num::both(share)), text(" · ")};
    f.push_back(symbol("Δ" + plan.graph.output, round.delta));
    for (std::size_t k = 0; k < m.factors.size(); ++k) {
        f.push_back(text(" / "));
        f.push_back(symbol(derivative_name(m.chain[k], m.chain[k + 1]), m.factors[k]));
    }
    return {prefix + "delta_" + m.variable, "Δ" + m.variable, f, m.delta, std::nullopt};
}

Step move_update_step(const Move& m, const std::string& prefix) {
    return {prefix + m.variable, m.variable,
            {symbol(m.variable, m.before), text(" − "), symbol("Δ" + m.variable, m.delta)},
            m.after, std::nullopt};
}

Column column(std::string key, Message title, std::optional<int> decimals = std::nullopt) {
    return {std::move(key), std::move(title), decimals};
}

std::vector<Column> table_columns(const SeekPlan& plan) {
    const Graph& g = plan.graph;
    std::vector<Column> cols{column("round", {"seek.column.round", {}}, 0)};
    for (const auto& v : g.variables) cols.push_back(column(v, {"seek.column.name", {word(v)}}));
    for (const auto& n : g.nodes) cols.push_back(column(n.name, {"seek.column.name", {word(n.name)}}));
    cols.push_back(column("delta_" + g.output, {"seek.column.delta", {word(g.output)}}));
    for (const auto& m : plan.movers) {
        const auto chain = chain_of(plan, m);
        for (std::size_t k = 0; k + 1 < chain.size(); ++k)
            cols.push_back(column("d" + chain[k] + "_d" + chain[k + 1],
                                  {"seek.column.factor", {word(chain[k]), word(chain[k + 1])}}));
    }
    for (const auto& m : plan.movers)
        for (const auto& node : m.via) cols.push_back(column("delta_" + node, {"seek.column.delta", {word(node)}}));
    for (const auto& m : plan.movers)
        cols.push_back(column("delta_" + m.variable, {"seek.column.delta", {word(m.variable)}}));
    for (const auto& r : plan.resets) cols.push_back(column("reset_" + r.variable, {"seek.column.reset", {word(r.variable)}}));
    return cols;
}

// The value a floor put the variable back to, with a word saying so; empty when it did not act.
Cell reset_cell(const SeekRound& round, const Reset& r) {
    for (const auto& m : round.moves)
        if (m.variable == r.variable && m.reset)
            return Cell{m.after, Message{"seek.reset", {word(r.variable)}}};
    return Cell{};
}

std::vector<Cell> table_row(const SeekPlan& plan, const SeekRound& round, std::size_t number) {
    std::vector<Cell> row{Cell{Num::both(static_cast<double>(number)), std::nullopt}};
    for (const auto& v : plan.graph.variables) row.push_back({round.graph.value(v), std::nullopt});
    for (const auto& n : plan.graph.nodes) row.push_back({round.graph.value(n.name), std::nullopt});
    row.push_back({round.delta, std::nullopt});
    // A round that made no move leaves its factor and move cells empty.
    for (std::size_t i = 0; i < plan.movers.size(); ++i) {
        const std::size_t links = plan.movers[i].via.size() + 1;
        for (std::size_t k = 0; k < links; ++k)
            row.push_back(round.moves.empty() ? Cell{} : Cell{round.moves[i].factors[k], std::nullopt});
    }
    // Δ of each node on a chain: every link's Δ but the last, which is the move itself.
    for (std::size_t i = 0; i < plan.movers.size(); ++i)
        for (std::size_t k = 0; k < plan.movers[i].via.size(); ++k)
            row.push_back(round.moves.empty() ? Cell{} : Cell{round.moves[i].link_deltas.at(k), std::nullopt});
    for (std::size_t i = 0; i < plan.movers.size(); ++i)
        row.push_back(round.moves.empty() ? Cell{} : Cell{round.moves[i].delta, std::nullopt});
    for (const auto& r : plan.resets) row.push_back(reset_cell(round, r));
    return row;
}

}  // namespace

std::vector<Item> gradient_items(const BuiltGraph& graph, const std::string& of,
                                 const std::vector<std::string>& wrt, const std::string& prefix,
                                 bool with_terms) {
    const Gradients g = backward(graph.tape, graph.ids.at(of));
    // The textbook's chain for each variable first (∂z/∂b = ∂z/∂x·∂x/∂b + ∂z/∂y·∂y/∂b), then
    // the derivatives, then the elementary lines (folded away by the lesson page).
    std::vector<NodeId> ids;
    for (const auto& v : wrt) ids.push_back(graph.ids.at(v));
    std::vector<Item> items = named_chain_items(graph.tape, g, ids, "");
    for (Item& item : items) std::get<NamedChain>(item).key.insert(0, prefix);
    for (const auto& v : wrt)
        items.emplace_back(Step{prefix + "d" + of + "/d" + v, derivative_name(of, v), {}, g.of[graph.ids.at(v)], std::nullopt});
    if (with_terms)
        for (Item& line : chain_lines(graph.tape, g, prefix + "terms/")) items.push_back(std::move(line));
    return items;
}

Diagram gradient_diagram(const BuiltGraph& graph, const std::string& of, const std::string& key) {
    const Gradients g = backward(graph.tape, graph.ids.at(of));
    Diagram d = diagram_of(graph.tape, graph.ids.at(of), &g, key);
    d.title = Message{"seek.diagram", {word(of)}};
    return d;
}

std::vector<Item> adjustment_items(const SeekPlan& plan, const SeekRun& run, const std::string& prefix) {
    std::vector<Item> items;
    if (run.rounds.empty()) return items;
    const SeekRound& first = run.rounds.front();
    items.emplace_back(delta_step(plan, first, prefix));
    for (std::size_t i = 0; i < first.moves.size(); ++i)
        items.emplace_back(move_delta_step(plan, first, first.moves[i], plan.movers[i].share, prefix));
    for (const auto& m : first.moves) items.emplace_back(move_update_step(m, prefix));
    if (run.rounds.size() > 1) {
        auto after = forward_steps(run.rounds[1].graph.tape, prefix);
        items.insert(items.end(), after.begin(), after.end());
    }
    return items;
}

Table iteration_table(const SeekPlan& plan, const SeekRun& run, const std::string& key, const Message& title) {
    Table t{key, title, table_columns(plan), {}};
    for (std::size_t r = 0; r < run.rounds.size(); ++r) t.rows.push_back(table_row(plan, run.rounds[r], r + 1));
    return t;
}

std::optional<Note> ending_note(const SeekPlan& plan, const SeekRun& run, const std::string& key) {
    const Arg out = word(plan.graph.output);
    switch (run.end) {
        case SeekEnd::stepped: return std::nullopt;
        case SeekEnd::converged: return Note{key, Note::Kind::info, {"seek.converged", {out}}};
        case SeekEnd::capped: return Note{key, Note::Kind::warning, {"seek.capped", {out}}};
        case SeekEnd::stalled: return Note{key, Note::Kind::warning, {"seek.stalled", {}}};
        case SeekEnd::fault:
            if (run.fault_variable.empty()) return Note{key, Note::Kind::fault, {"seek.not_finite", {}}};
            return Note{key, Note::Kind::fault,
                        {"seek.zero_factor", {word(run.fault_link), word(run.fault_variable)}}};
    }
    return std::nullopt;
}

}  // namespace nntrace
