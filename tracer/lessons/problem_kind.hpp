// The lesson kind "problem": a lesson whose computation is a fixed graph is a problem file
// (lessons/<id>/problem.toml, in the format of reference/problem-format.md) plus lesson.toml.
// The problem module does all the computing; this adapter only connects the two files. Its own
// keys in lesson.toml, all optional:
//
//   derivatives = ["dout_o1/dl_o1", "dE_o1/dout_h1"]  # ∂A/∂B besides the loss's gradients,
//                                                    # keyed exactly "dA/dB"
//   conventions = ["shared_biases"]                   # names in [strings]: convention notes,
//                                                    # shown with the givens
//   compare_exact = ["yhat", "dL/dw7"]                # record keys shown by hand and exact side
//                                                    # by side, when the run is a hand calculation
//
// [parameters] name the problem's inputs and params, and `rate` and `rounds` when it trains. A
// default must be the problem file's own value (a figure lives in one place; the parameter only
// makes it changeable), and a --set passes through to the problem as `--set name=value`.
// [arithmetic] must be what the problem file says (decimals, rounding), for the same reason.
// Internal to the lessons library.
#pragma once

#include <string_view>
#include <vector>

#include "lessons/kinds.hpp"

namespace nntrace {

std::vector<std::string_view> problem_lesson_keys();
std::vector<Section> run_problem_lesson(const LessonRun& run);

}  // namespace nntrace
