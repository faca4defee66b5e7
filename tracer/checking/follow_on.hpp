// Follow-on marking: the answers a student would get by working on correctly from their own
// earlier values. The problem's graph is built once; each question replays its forward pass with
// the student's values put in place of the computed ones, then differentiates it.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "core/tape.hpp"
#include "problem/problem.hpp"

namespace nntrace {

class FollowOn {
public:
    // Throws as run_problem does for a problem that cannot be run.
    FollowOn(const Problem& problem, const std::vector<std::pair<std::string, std::string>>& sets);
    // The same from the problem's graph already built (`built`, differentiated at `loss`), in the
    // problem's own arithmetic and without slips: a copy, not a second build. `leaves` are the
    // inputs' and params' values under those sets, in tape order: `built` may have been built
    // with another variant's numbers (graph_replay.hpp: rebase).
    FollowOn(const Problem& problem, const std::vector<std::pair<std::string, std::string>>& sets, const Tape& built,
             NodeId loss, const std::vector<Num>& leaves);

    // Whether `name` is a node whose value a student can carry into later answers.
    bool carries(const std::string& name) const;

    // The value of answer `key` (a node, `dA/dB`, `p+`) computed from `given` (node → the value
    // the student wrote) in the problem's arithmetic; nullopt for a key of another shape
    // (`name@k`) or a value that stops being a number.
    std::optional<double> value(const std::string& key, const std::map<std::string, double>& given) const;

private:
    Tape replayed(const std::map<std::string, double>& given) const;

    Tape tape_;
    NodeId loss_ = 0;
    std::string loss_name_;
    double rate_ = 0;
    bool trains_ = false;
};

}  // namespace nntrace
