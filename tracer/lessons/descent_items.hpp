// Record items for gradient descent: the table of the points a descent visits, the note that
// says how it ended, the table of several runs side by side and their verdicts. Values are
// copied from the algorithm's results; nothing is computed here. Internal to the lessons library.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "algorithms/descent.hpp"
#include "core/record.hpp"

namespace nntrace {

// One row per point: the point's number (from `first_index`), the moving variables, J, ∂J/∂v
// per variable and the step per variable (empty at the last point). Rows from `past_stop_from`
// on (0-based) lie past the stop rule and say so in a last column. Column keys: "point", the
// variables' names, J's name, "dJ_dx", "step_x", "past_stop".
Table descent_table(const DescentPlan& plan, const DescentRun& run, const std::string& key,
                    const Message& title, int first_index, std::optional<std::size_t> past_stop_from);

// How the descent ended: below the threshold, flat, capped or diverged, at which point.
Note descent_ending(const DescentPlan& plan, const DescentRun& run, const std::string& key, int first_index);

// The source's table goes on past the point where its own stop rule holds.
Note past_stop_note(const std::string& key, int stop_point, int last_point);

// A verdict in words: "diverges", "bounces between two points", …
Message verdict_words(DescentBehaviour b);

// One run of a comparison: its label (a name, used as is), its rate and what it did.
struct LabelledRun {
    std::string label;  // the parameter holding the run's rate: "eta1", "alpha"
    DescentPlan plan;
    DescentRun run;
};

// The symbol a run's rate is known by: α for a rate named alpha…, else η.
std::string rate_symbol(const LabelledRun& run);

// The runs side by side: "point", then per run i (1-based) each moving variable "x_i" and "J_i".
// A run that ended early leaves its later cells empty.
Table runs_table(const std::vector<LabelledRun>& runs, const std::string& key, const Message& title, int first_index);

// Per run: its label, rate, points visited, last value of the first variable, and the verdict.
Table verdict_table(const std::vector<LabelledRun>& runs, const std::string& key);

// Whether every run visits the same points (to 1e-12, relative): the first point where they part.
Note sameness_note(const std::vector<LabelledRun>& runs, const std::string& key, int first_index);

}  // namespace nntrace
