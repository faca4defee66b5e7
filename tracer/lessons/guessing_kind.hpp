// The lesson kind "guessing": training told as a guessing game (000 §2.1), each round labelled
// with the words initialisation, forward computation, loss, backward propagation and gradient
// descent. Its one key in lesson.toml:
//
//   game = "number"      # guess B's hidden whole number from "too big" / "too small"
//   game = "box"         # find the input a black box needs, from the signed difference
//
// Parameters it reads ([parameters], each changeable with --set):
//   number: low, high (the range, whole numbers), hidden (B's number), first_guess
//   box:    box (the rule, a string such as "2*x + 1", reading only x), target, first_input,
//           rate (η in x ← x − η·d), tolerance (stop when |d| is below it), max_rounds,
//           runaway (|x| beyond it: the run diverged)
// Internal to the lessons library.
#pragma once

#include <string_view>
#include <vector>

#include "lessons/kinds.hpp"

namespace nntrace {

std::vector<std::string_view> guessing_keys();
std::vector<Section> run_guessing(const LessonRun& run);

}  // namespace nntrace
