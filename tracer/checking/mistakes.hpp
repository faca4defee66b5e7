// The mistakes `nntrace check` looks for, as one table. Each entry says how to make the
// mistake on purpose: a changed Problem (the loss scaled, a bias set to 0, a rate of 1), changed
// RunOptions (the arithmetic, a slip), or, for the two that are neither, a runner of its own.
// A wrong answer that one of these runs reproduces is diagnosed as that mistake.
//
// To add a mistake: write its `vary` function in mistakes.cpp, add a row to the table, and a
// message "check.mistake.<id>" to templates/messages/check.toml.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/record.hpp"
#include "core/tape.hpp"
#include "core/run_options.hpp"
#include "problem/problem.hpp"

namespace nntrace {

// What the mistakes need besides the problem.
struct MistakeContext {
    // The most decimals any answer judged is written with: the precision a student who
    // rounds every step of an exact problem would have used.
    int answer_decimals = 0;
};

// Answer key → the value a run gives it. A runner only fills the keys it can compute.
using AnswerValues = std::map<std::string, Num>;
using VariantRunner = AnswerValues (*)(const Problem&, const RunOptions&, const std::vector<std::string>& keys);

// The plain runner: the values run_problem would record for each key, read off the problem's
// graph when that is enough (no [train], keys of nodes, inputs, params and the loss's
// derivatives), else from run_problem's record.
// The values of `keys` on a built graph: its values, and the gradients of the loss when it has
// one. Nothing when a key is not on the graph or the backward pass faults.
std::optional<AnswerValues> keys_on_tape(const Tape& tape, NodeId loss, bool has_loss, const std::vector<std::string>& keys);

AnswerValues run_for_keys(const Problem& problem, const RunOptions& options, const std::vector<std::string>& keys);

// The problem as one mistake changes it; `args` fill the mistake's message ("b2", "1/2").
struct Variation {
    Variation(std::optional<Problem> changed, RunOptions options, std::vector<Arg> args,
              VariantRunner run = run_for_keys, bool same_graph = false)
        : changed(std::move(changed)), options(std::move(options)), args(std::move(args)), run(run), same_graph(same_graph) {}

    // The problem as the mistake changes it (a node redefined, a bias updated); unset when the
    // mistake changes only the options (the arithmetic, a slip, a value set to 0): then the
    // problem given to `vary` is run as it is, not copied for every variation.
    std::optional<Problem> changed;
    RunOptions options;
    std::vector<Arg> args;
    VariantRunner run = run_for_keys;
    // Only the arithmetic, the slips or input and param values changed: the nodes are the
    // problem's own, so the Judge replays its graph (graph_replay.hpp) instead of building one.
    bool same_graph = false;

    // A rescaled loss: the loss node redefined as this text, the rest of the problem its own.
    // `changed` is then made only when a run needs it (problem()): the change reads nothing but
    // the loss's text, so a class's variants share one graph of it (GraphReplay::variation_graph)
    // without a copy of their problem each.
    std::optional<std::string> loss_redefined;

    // The problem to run: `changed` (for a rescaled loss, made from `original` at the first call:
    // always pass the problem the variation was made from), or `original` itself.
    const Problem& problem(const Problem& original) const;

private:
    mutable std::optional<Problem> made_;  // `original` with the loss redefined
};

struct Mistake {
    const char* id;       // stable, for programs: "sign_flipped"
    const char* message;  // what to tell the student: "check.mistake.sign_flipped"
    // Every way to make this mistake in `problem` (a forgotten bias: one per bias); none when
    // the problem leaves no room for it (no [train]: no update to get wrong).
    std::vector<Variation> (*vary)(const Problem& problem, const RunOptions& options, const MistakeContext& context);
    // An arithmetic habit rather than an error of method: it may explain a last-digit miss.
    bool arithmetic = false;
};

// The table, in the order diagnoses are listed.
const std::vector<Mistake>& mistakes();

}  // namespace nntrace
