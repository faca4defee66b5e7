// Training by gradient descent, the loop every lesson and problem shares:
//   round k: forward with the current values, backward from the loss, then update every name in
//   `update` at once, p ← p − rate·∂L/∂p; after the last round, one more forward pass.
// In a hand calculation the step is rounded too: rate·g is written down rounded, then p − that.
// The exact track runs beside it with exact gradients and exact steps.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/backward.hpp"
#include "core/record.hpp"
#include "core/replay.hpp"
#include "core/tape.hpp"

namespace nntrace {

// Puts the whole graph on a fresh tape, reading each trained value by name from `values`, and
// returns the loss node. The leaves for the names in `update` must be named as in `values`.
using GraphBuilder = std::function<NodeId(Tape& tape, const std::map<std::string, Num>& values)>;

struct TrainingSetup {
    GraphBuilder build;
    std::map<std::string, Num> values;  // the starting value of every name the graph reads
    std::vector<std::string> update;    // the names updated each round, in display order
    double rate = 0;
    int rounds = 1;
    Arithmetic arithmetic;
    Slips slips;  // a student's slip to reproduce (diagnosing an answer); none normally
};

// p ← p − rate·g: `step` is rate·g as written down, `after` = before − step.
struct ParamUpdate {
    std::string name;
    Num before, gradient, step, after;
};

// Every number of a run, kept compactly: the graph is built once (round 1) and replayed for
// each later pass, so a round costs a few loops over doubles. Passes are numbered from 1:
// pass k is the forward pass of round k, and pass rounds + 1 the one after the last update.
struct TrainingRun {
    Replay replay;                   // replay pass k − 1 is forward pass k
    std::vector<std::string> names;  // the updated names, in display order
    std::vector<std::optional<NodeId>> nodes;  // each name's node (its gradient), if on the graph
    std::vector<Num> start;          // each name's value before round 1
    std::vector<Num> steps, afters;  // round-major: [(round − 1)·names + j]

    int rounds() const { return static_cast<int>(replay.backward_passes()); }
    int passes() const { return rounds() + 1; }
    NodeId loss() const { return replay.root(); }
    Num loss_at(int pass) const { return replay.value(static_cast<std::size_t>(pass - 1), loss()); }
    // The graph with the numbers of a pass, and a round's gradients: what a page shows.
    Tape tape_at(int pass) const { return replay.tape_at(static_cast<std::size_t>(pass - 1)); }
    Gradients gradients_at(int round) const { return replay.gradients_at(static_cast<std::size_t>(round - 1)); }
    std::vector<ParamUpdate> updates_at(int round) const;
    // Updated name j's value in forward pass k: its start, or its value after update k − 1.
    Num value_at(int pass, std::size_t j) const;
};

// A value that left the doubles during training (an overflow to ±inf, a nan), and the round
// where it did: in the round's forward or backward pass (`in_graph`: node ids are those of the
// graph `build` makes; round rounds + 1 is the pass after the last update), or in the round's
// update of `update.name` (its step rate·gradient or the value after it is not finite).
struct TrainingFault {
    int round = 0;
    std::optional<NumericFault> in_graph;
    ParamUpdate update;  // when not in_graph
};

// Runs the rounds. Throws TrainingFault for a value that is not a finite number (the caller
// knows which of its nodes to blame), except in the graph of round 1's forward pass, which
// `build` reports itself (NumericFault, unchanged); throws std::invalid_argument if a name in
// `update` has no value. `build` must make the same graph
// whatever the values (every builder of problems and lessons does: values only fill leaves).
TrainingRun train(const TrainingSetup& setup);

// How a run becomes record sections. Keys follow the answer names of problem files:
// `name@k` for a value in forward pass k (k = 1 is the first), `dL/dp@k` for a gradient in
// round k, `p+` for p after the first update and `p@k+` after update k (k ≥ 2).
struct TrainingView {
    std::vector<std::string> shown_values;  // leaves listed at the top of each pass; default: update
    bool chain_lines_in_first_round = true;  // false when the page has already shown them
    // Round 1 is written out in full, as a textbook does, and every pass is a row of the rounds
    // table (the trained values and the loss); the rounds after the first `rounds_in_full` are
    // kept as numbers only. The pass after the last update is written out when every round is.
    int rounds_in_full = 1;
    // false: no round is written out, nor the final pass (a graph too big to show node by node);
    // the loss table and plot still cover every pass.
    bool write_rounds = true;
};

// The training keys of rounds the sections leave out ("w7@5000", "dL/dw7@5000", "w7@5000+",
// a chain-rule line's key + "@5000"; the final pass's when it is not written), looked up by
// writing that one round out; and "losses/k/loss", "losses/k/w7" of a thinned rounds table.
std::function<std::optional<Num>(const std::string& key)> rounds_left_out_lookup(
    std::shared_ptr<const TrainingRun> run, const TrainingSetup& setup, const TrainingView& view);

// Round k written out: the section training_sections would give it.
Section round_section(const TrainingRun& run, int k, const TrainingSetup& setup, const TrainingView& view);

// The rounds written out in full: the first `view.rounds_in_full` (round 1 at least).
std::vector<int> rounds_shown(int rounds, const TrainingView& view);

// One section per round shown ("round-k": the pass's leaves and nodes, its chain-rule lines, the
// gradients of the updated names and the updates), a note where rounds are left out, then
// "final" (the last forward pass) when every round is shown, else "rounds" (for the rounds
// table and plot the caller adds).
std::vector<Section> training_sections(const TrainingRun& run, const TrainingSetup& setup,
                                       const TrainingView& view);

// The rounds at a glance: the trained values each forward pass used and its loss. Columns
// "pass", "loss" and one per trained name (at most `values_listed` of them: a big graph's table
// keeps to the loss), one row per pass (rounds + 1), key "losses"; "losses/k/w1" is w1 in pass k.
// For a long run, every k-th pass and the last, at most `losses_listed` rows (a note says
// which), key "losses-sampled": its row numbers are not pass numbers.
constexpr int losses_listed = 101;
constexpr std::size_t values_listed = 16;
Table loss_table(const TrainingRun& run);

// The passes a loss table lists: all of 1…passes, or every k-th from 1 and the last, at most `most`.
std::vector<int> passes_listed(int passes, int most = losses_listed);

// The same losses as a curve over the passes (x: the pass, from 1; y: the loss the run used), to
// see at a glance whether training is going down, and how fast.
Plot loss_plot(const TrainingRun& run, const std::string& key);

// The chain-rule lines of a backward pass (core `chain_lines`), keys made unique and `suffix`
// appended. A sum's key ends in "/sum", leaving "dL/dp" to the gradient's own step.
std::vector<Item> chain_rule_items(const Tape& tape, const Gradients& g, const std::string& suffix);

// The step ∂L/∂x = value for the node `of`; key "dL/dx" + suffix (L, x: display names).
Step gradient_step(const Tape& tape, const Gradients& g, NodeId of, const std::string& suffix);

// Makes item keys unique within a list by appending "#2", "#3"... to repeats, in order. Two
// unnamed sub-expressions with the same source text would otherwise share a chain-line key.
void make_keys_unique(std::vector<Item>& items);

}  // namespace nntrace
