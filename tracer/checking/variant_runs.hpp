// The mistake that is not a change of the problem or of its options: it needs a run of its own,
// and fills only the answer keys it changes.
#pragma once

#include <string>
#include <vector>

#include "checking/mistakes.hpp"

namespace nntrace {

// Earlier-layer gradients computed with the already-updated weights: the student updates the
// params in order of depth from the loss (the output layer first) and, differentiating a deeper
// param, puts the new value of every shallower updated param where the chain rule multiplies by
// it (∂(w·h)/∂h = w+ instead of w). The forward values stay those of the first pass. Fills
// `dL/dq` and `q+` for every updated q with a shallower updated param.
AnswerValues run_with_updated_weights(const Problem& problem, const RunOptions& options,
                                      const std::vector<std::string>& keys);

}  // namespace nntrace
