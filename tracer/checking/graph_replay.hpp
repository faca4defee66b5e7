// A Judge's problem graph built once, its numbers worked out again (core/replay_graph.hpp: work_out) for
// each run that only changes the arithmetic, the slips or the values of inputs and params: the
// twenty runs by hand at 0…9 decimals, rounding at the end, truncating, σ′ at the
// pre-activation, a forgotten bias (issue 17: grading by variant).
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "checking/mistakes.hpp"
#include "core/backward.hpp"
#include "core/replay_graph.hpp"
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

    // The same for the built problem itself, with the values it was built with (`o.sets` equal
    // to the options' it was built with), under another arithmetic (`o.arithmetic`, which must
    // be set) and slips: the runs by hand at 0…9 decimals, which need not read the problem's
    // values again. Nothing when `o` is not such a run.
    std::optional<AnswerValues> own_values_under(const RunOptions& o, const std::vector<std::string>& keys) const;

    // The same graph, its own values now those of `problem` under `options`: a problem with the
    // built one's nodes, loss, functions and arithmetic (shape_pool.hpp checks), whose inputs and
    // params may hold other numbers (another student's variant). Throws InputError as apply_sets
    // does for a bad set.
    void rebase(const Problem& problem, const RunOptions& options);

    // The problem's graph with every step's text (what a record shows), worked out with the own
    // numbers: what a record of the problem as rebased runs from (run_problem)
    // instead of building it. The text graph is built at the first call, from `problem`, which
    // must have this shape. Nothing for a [train] or when the own numbers fault.
    std::optional<GraphAlreadyBuilt> own_graph_with_text(const Problem& problem) const;

    // The graph of a variation that redefines nodes the same way for every problem of this shape
    // (a rescaled loss, named by `key`: its new text), built from `make()` at the first call for
    // `key` under `options` and kept with this graph: a class's variants share it. Its inputs and
    // params are this graph's, so values(problem, ...) gives the variation's numbers for any
    // problem of this shape. Throws InputError as the constructor does.
    std::shared_ptr<const GraphReplay> variation_graph(const std::string& key, const std::function<Problem()>& make,
                                                       const RunOptions& options) const;

    // The graph as built (its leaves hold the values it was built with, not the rebased ones),
    // the node it differentiates, and the inputs' and params' own values in tape order.
    const Tape& shape() const { return shape_; }
    NodeId loss() const { return loss_; }
    const std::vector<Num>& own_leaves() const { return own_leaves_; }

private:
    // Where a key's value is found: a node's value, or the loss's gradient at a node.
    struct KeyAt {
        NodeId node = 0;
        bool gradient = false;
    };
    const std::vector<KeyAt>* keys_at(const std::vector<std::string>& keys) const;
    // The values of `keys` from the shape's numbers worked out again under `a` and `slips`, the
    // leaves' values given in tape order, in arrays kept from run to run (work_out): no tape, no
    // names. Nothing for a key not on the graph or a value that faults.
    std::optional<AnswerValues> worked_out(const Arithmetic& a, const Slips& slips, const std::vector<Num>& leaves,
                                           const std::vector<std::string>& keys) const;
    // worked_out with the own leaves, remembered until the next rebase: the run by hand at the
    // problem's own decimals is the problem's own run, and truncating at them is one of the runs
    // by hand too.
    std::optional<AnswerValues> own_worked_out(const Arithmetic& a, const Slips& slips,
                                               const std::vector<std::string>& keys) const;
    std::optional<std::vector<Num>> in_tape_order(const std::map<std::string, Num>& values) const;
    // `problem`'s inputs and params in tape order, `sets` applied: read straight off the problem
    // when its leaves are the shape's and each set gives a leaf a number, else through apply_sets.
    std::optional<std::vector<Num>> leaves_of(const Problem& problem,
                                              const std::vector<std::pair<std::string, std::string>>& sets) const;
    // An empty tape of that arithmetic and slips with the functions: what numbers_of runs on.
    const Tape& calculator(const Arithmetic& a, const Slips& slips) const;

    Tape shape_;
    std::vector<std::pair<std::string, std::string>> sets_;
    // The keys last asked, found on the shape once: a replay has the shape's names and ids.
    mutable std::vector<std::string> asked_;
    mutable std::optional<std::vector<KeyAt>> asked_at_;
    std::vector<UserFunction> functions_;  // the shape's, remembering their values (graph_replay.cpp)
    struct Memo;                                  // what one of them remembers (graph_replay.cpp)
    std::vector<std::shared_ptr<Memo>> memories_;  // forgotten at a rebase
    BackwardPlan plan_;                     // the loss's, when there is one
    std::vector<std::string> leaf_names_;   // the inputs' and params', in tape order
    std::vector<Num> own_leaves_;           // the values it was built with, in that order
    struct Calculator {
        Arithmetic arithmetic;
        bool slipped = false;
        std::unique_ptr<Tape> tape;
    };
    mutable std::vector<Calculator> calculators_;
    mutable ReplayNumbers pass_;  // the last run's numbers
    mutable std::optional<GraphAlreadyBuilt> with_text_;  // own_graph_with_text's graph, as built
    mutable std::map<std::string, std::shared_ptr<const GraphReplay>> variations_;  // variation_graph's, by key
    struct OwnRun {
        Rounding rounding;
        int decimals;
        bool slipped;
        std::vector<std::string> keys;
        std::optional<AnswerValues> values;
    };
    mutable std::vector<OwnRun> own_runs_;  // own_worked_out's, since the last rebase
    NodeId loss_ = 0;
    bool has_loss_ = false;
    bool trains_ = false;
};

}  // namespace nntrace
