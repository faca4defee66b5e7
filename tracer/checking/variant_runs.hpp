// The two mistakes that are not a change of the problem or of its options: they need a run of
// their own. Both fill only the answer keys their mistake changes.
#pragma once

#include <string>
#include <vector>

#include "checking/mistakes.hpp"

namespace nntrace {

// The problem run with options.slips in every tape it builds: the gradients (`dL/dx`, `dA/dB`)
// and, with [train], every later pass and update (`p+`, `name@k`).
// Why not run_problem: it builds its tapes without the slips (see the report of this change);
// when it passes options.slips on, this runner can become run_for_keys.
AnswerValues run_with_slips(const Problem& problem, const RunOptions& options, const std::vector<std::string>& keys);

// Earlier-layer gradients computed with the already-updated weights: the student updates the
// params in order of depth from the loss (the output layer first) and, differentiating a deeper
// param, puts the new value of every shallower updated param where the chain rule multiplies by
// it (∂(w·h)/∂h = w+ instead of w). The forward values stay those of the first pass. Fills
// `dL/dq` and `q+` for every updated q with a shallower updated param.
AnswerValues run_with_updated_weights(const Problem& problem, const RunOptions& options,
                                      const std::vector<std::string>& keys);

}  // namespace nntrace
