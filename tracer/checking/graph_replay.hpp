// A Judge's problem graph built once, its numbers worked out again (problem/replay_graph.hpp) for
// each run that only changes the arithmetic, the slips or the values of inputs and params: the
// twenty runs by hand at 0…9 decimals, rounding at the end, truncating, σ′ at the
// pre-activation, a forgotten bias (issue 17: grading by variant).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "checking/mistakes.hpp"
#include "core/tape.hpp"

namespace nntrace {

class GraphReplay {
public:
    // Builds the graph of `problem` under `options`. Throws InputError as run_problem does for a
    // graph that cannot be built.
    GraphReplay(const Problem& problem, const RunOptions& options);

    // The values run_for_keys gives `keys` for the built problem and options.
    std::optional<AnswerValues> own_values(const std::vector<std::string>& keys) const;

    // The values run_for_keys(p, o, keys) gives, where `p` has the built problem's nodes, loss and
    // functions (its inputs and params may hold other values). Nothing when a run is needed to
    // know them: a [train], a key not on the tape, a value that faults (the run then reports it).
    std::optional<AnswerValues> values(const Problem& p, const RunOptions& o, const std::vector<std::string>& keys) const;

private:
    std::optional<AnswerValues> read(const Tape& tape, bool has_loss, const std::vector<std::string>& keys) const;

    Tape shape_;
    std::vector<UserFunction> functions_;  // the shape's, remembering their values (graph_replay.cpp)
    NodeId loss_ = 0;
    bool has_loss_ = false;
    bool trains_ = false;
};

}  // namespace nntrace
