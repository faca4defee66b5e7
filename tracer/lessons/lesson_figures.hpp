// The published figures of a lesson, judged against the run at the source's own settings, with
// the mistake finder's reason for every one that does not match.
#pragma once

#include <vector>

#include "core/record.hpp"
#include "lessons/kinds.hpp"

namespace nntrace {

// Judges every published figure against `source`, the record of the lesson run at the source's
// settings (its parameters and arithmetic, no --set). For a figure that does not match, the
// finder also gets the whole lesson worked by hand at 0…9 decimals, run only then.
std::vector<Comparison> compare_figures(const LessonFile& lesson, const Parameters& source_parameters,
                                        const Record& source);

}  // namespace nntrace
