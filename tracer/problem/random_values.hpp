// Internal to the problem library: a quick look at a drawn variant before its full run
// (random_values.cpp), which draw_variant takes for every draw.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/tape.hpp"
#include "problem/problem.hpp"

namespace nntrace {

class QuickDrawCheck {
public:
    explicit QuickDrawCheck(const Problem& randomised);

    // Whether `candidate` (the randomised problem with a draw's values in place) certainly fails
    // draw_variant's checks, seen on its graph's numbers alone; false when only the full run can
    // tell. Not thread-safe: the first graph built is kept to replay the others on.
    bool fails(const Problem& candidate) const;

private:
    std::optional<Tape> graph(const Problem& candidate, const Arithmetic& a) const;

    const Problem& randomised_;
    std::vector<std::string> names_;
    mutable std::optional<Tape> shape_;
    mutable NodeId loss_ = 0;
};

}  // namespace nntrace
