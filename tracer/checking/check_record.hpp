// The record of `nntrace check`, for any renderer: the answers table with verdicts, then one
// section per answer that is not correct, with what explains it and the correct lines.
#pragma once

#include <string>
#include <vector>

#include "checking/judge.hpp"

namespace nntrace {

Record check_record(const Judge& judge, const std::vector<Judgement>& judgements);

// A record about the problem's run (a check, a grade): its title, words and arithmetic, its
// own id ("exercise-7-check"), and no sections yet.
Record record_about(const Record& run, const std::string& suffix);

// The verdict as words, with its mark: "✓ correct", "≈ last digit", "✗ wrong".
Message verdict_words(Verdict v);

// The lines of the correct run that lead to the answer `key`: for `dA/dB` its textbook chain
// over named quantities (or, where the run has none, the chain-rule lines and sums from A down
// to B); for `p+` those of ∂L/∂p, then the update; then the answer's own
// step. A value of a forward pass (`yhat`, `L@2`) is its step alone.
std::vector<Item> lines_leading_to(const Record& record, const std::string& key);

}  // namespace nntrace
