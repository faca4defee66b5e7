#include "algorithms/target_seeking.hpp"

#include <cmath>

#include "core/backward.hpp"
#include "core/builder.hpp"

namespace nntrace {
namespace {



std::map<std::string, Num> variable_values(const SeekRound& round, const Graph& graph) {
    std::map<std::string, Num> out;
    for (const auto& v : graph.variables) out[v] = round.graph.value(v);
    return out;
}

// A zero factor cannot be divided by: the move is undefined, not merely large.
bool usable(const Num& factor) { return is_finite(factor) && factor.hand != 0.0 && factor.exact != 0.0; }

// The course keeps x inside the function's domain by putting it back at a fixed value.
void apply_resets(const SeekPlan& plan, Move& move) {
    for (const Reset& r : plan.resets)
        if (r.variable == move.variable && move.after.hand < r.below) {
            move.after = Num::both(r.reset_to);
            move.reset = true;
        }
}

// The moves of one round, or nullopt (with the culprit in `run`) when a factor is unusable.
std::optional<std::vector<Move>> make_moves(const SeekPlan& plan, const SeekRound& round,
                                            const std::vector<std::vector<Num>>& factors, SeekRun& run) {
    const Arithmetic& ar = plan.arithmetic;
    std::vector<Move> moves;
    for (std::size_t i = 0; i < plan.movers.size(); ++i) {
        const Mover& m = plan.movers[i];
        Move move;
        move.variable = m.variable;
        move.chain = chain_of(plan, m);
        move.factors = factors[i];
        move.before = round.graph.value(m.variable);
        // Share first, then divide link by link, as the source writes Δw = (Δz/2)/18.
        move.share_of_delta = m.share == 1.0 ? round.delta : multiply(m.share, round.delta, ar);
        move.delta = move.share_of_delta;
        for (std::size_t k = 0; k < move.factors.size(); ++k) {
            if (!usable(move.factors[k])) {
                run.end = SeekEnd::fault;
                run.fault_variable = move.chain[k + 1];
                run.fault_link = move.chain[k];
                return std::nullopt;
            }
            move.delta = divide(move.delta, move.factors[k], ar);
            move.link_deltas.push_back(move.delta);
        }
        move.after = subtract(move.before, move.delta, ar);
        apply_resets(plan, move);
        moves.push_back(std::move(move));
    }
    return moves;
}

SeekRound evaluate(const SeekPlan& plan, const std::map<std::string, Num>& values) {
    SeekRound r{build_graph(plan.graph, values, plan.arithmetic), {}, {}, {}};
    r.output = r.graph.value(plan.graph.output);
    r.delta = subtract(r.output, Num::both(plan.target), plan.arithmetic);
    return r;
}

std::map<std::string, Num> after_moves(std::map<std::string, Num> values, const std::vector<Move>& moves) {
    for (const auto& m : moves) values[m.variable] = m.after;
    return values;
}

bool changed_nothing(const std::vector<Move>& moves) {
    for (const auto& m : moves)
        if (m.after.hand != m.before.hand) return false;
    return true;
}

}  // namespace

BuiltGraph build_graph(const Graph& graph, const std::map<std::string, Num>& values,
                       const Arithmetic& arithmetic) {
    BuiltGraph built{Tape(arithmetic), {}};
    Scope scope;
    for (const auto& v : graph.variables) {
        const NodeId id = built.tape.parameter(v, values.at(v));
        scope.names[v] = id;
        built.ids[v] = id;
    }
    for (std::size_t i = 0; i < graph.nodes.size(); ++i) {
        const GraphNode& n = graph.nodes[i];
        if (scope.names.count(n.name)) throw GraphError(i, 0, "the name '" + n.name + "' is already used");
        try {
            const NodeId id = build_named(built.tape, n.name, n.expr, n.source, scope);
            scope.names[n.name] = id;
            built.ids[n.name] = id;
        } catch (const ExpressionError& e) {
            throw GraphError(i, e.column(), e.what());
        }
    }
    return built;
}

std::vector<std::string> chain_of(const SeekPlan& plan, const Mover& mover) {
    std::vector<std::string> chain{plan.graph.output};
    chain.insert(chain.end(), mover.via.begin(), mover.via.end());
    chain.push_back(mover.variable);
    return chain;
}

std::optional<std::string> plan_problem(const SeekPlan& plan) {
    const BuiltGraph g = build_graph(plan.graph, plan.start, plan.arithmetic);
    if (!g.ids.count(plan.graph.output)) return "the output '" + plan.graph.output + "' is not a node of the graph";
    for (const Mover& m : plan.movers) {
        const auto chain = chain_of(plan, m);
        for (const auto& name : chain)
            if (!g.ids.count(name)) return "'" + name + "' is not a variable or node of the graph";
        if (g.tape[g.ids.at(m.variable)].op != Op::parameter)
            return "'" + m.variable + "' is a node, not a variable: only variables can be moved";
        for (std::size_t k = 0; k + 1 < chain.size(); ++k)
            if (!backward(g.tape, g.ids.at(chain[k])).reaches[g.ids.at(chain[k + 1])])
                return "'" + chain[k] + "' does not depend on '" + chain[k + 1] + "'";
    }
    for (const Reset& r : plan.resets) {
        bool moved = false;
        for (const Mover& m : plan.movers) moved = moved || m.variable == r.variable;
        if (!moved) return "the floor on '" + r.variable + "' names a variable this part does not move";
    }
    return std::nullopt;
}

std::vector<std::vector<Num>> seek_factors(const SeekPlan& plan, const BuiltGraph& at) {
    std::vector<std::vector<Num>> out;
    for (const Mover& m : plan.movers) {
        const auto chain = chain_of(plan, m);
        std::vector<Num> factors;
        // ∂chain[k]/∂chain[k+1]: the engine's reverse pass from the upper node of each link.
        for (std::size_t k = 0; k + 1 < chain.size(); ++k)
            factors.push_back(backward(at.tape, at.ids.at(chain[k])).of[at.ids.at(chain[k + 1])]);
        out.push_back(std::move(factors));
    }
    return out;
}

SeekRun seek_once(const SeekPlan& plan) {
    SeekRun run;
    try {
        run.rounds.push_back(evaluate(plan, plan.start));
        SeekRound& first = run.rounds.back();
        auto moves = make_moves(plan, first, seek_factors(plan, first.graph), run);
        if (!moves) return run;
        first.moves = std::move(*moves);
        const auto next = after_moves(variable_values(first, plan.graph), first.moves);
        run.rounds.push_back(evaluate(plan, next));
        run.end = SeekEnd::stepped;
    } catch (const NumericFault&) {
        run.end = SeekEnd::fault;  // a value that is not a number: the rounds so far are all there is
    }
    return run;
}

SeekRun seek_until(const SeekPlan& plan, double tolerance, int max_rounds) {
    SeekRun run;
    std::map<std::string, Num> values = plan.start;
    std::optional<std::vector<std::vector<Num>>> fixed;
    try {
        for (int k = 1;; ++k) {
            run.rounds.push_back(evaluate(plan, values));
            SeekRound& round = run.rounds.back();
            if (std::fabs(round.delta.hand) < tolerance) {
                run.end = SeekEnd::converged;
                return run;
            }
            if (k >= max_rounds) {
                run.end = SeekEnd::capped;
                return run;
            }
            if (plan.factors == FactorMode::fixed && !fixed) fixed = seek_factors(plan, round.graph);
            auto moves = make_moves(plan, round, fixed ? *fixed : seek_factors(plan, round.graph), run);
            if (!moves) return run;
            round.moves = std::move(*moves);
            if (changed_nothing(round.moves)) {
                run.end = SeekEnd::stalled;
                return run;
            }
            values = after_moves(values, round.moves);
        }
    } catch (const NumericFault&) {
        run.end = SeekEnd::fault;  // the values ran away: the rounds so far are all there is
    }
    return run;
}

}  // namespace nntrace
