// The records behind `nntrace variants`' files, rendered by the ordinary renderers: a student's
// handout (the question with their numbers, no answer) and the class's key.
#pragma once

#include <vector>

#include "checking/roster.hpp"
#include "core/record.hpp"
#include "problem/random_variants.hpp"

namespace nntrace {

// The question `student` is handed: the header and "Given" section of `run` (the variant's run:
// the convention, the inputs and params with this student's numbers), then how each quantity is
// defined (the functions and nodes as the file writes them) and what to compute (the key's
// answer names). No computed value is in it.
Record handout_record(const Record& run, const Problem& variant, const RosterStudent& student);

// The key as one table, "key": id, name, the roster's other columns, then one column per answer
// at the key's decimals. `variants[i]` is the variant of `roster.students[i]`.
Record key_record(const Roster& roster, const std::vector<Variant>& variants);

}  // namespace nntrace
