// [grading]: what each answer is worth when a class is graded (nntrace grade --gradebook) or
// quizzed (the quiz export). Optional; without it every answer is worth 1 point, an answer one
// unit off in its last decimal earns half its points, and a carried error all of them.
//
//   [grading]
//   points = { yhat = 2, "dL/dw7" = 3 }   # per answer; the others keep 1 (or `points = 2`: every answer)
//   last_digit = 0.5                      # the share of the points for a last-digit answer, 0 to 1
//   carried = 1.0                         # the share for a carried error, 0 to 1
#pragma once

#include <string>
#include <vector>

#include "problem/source_text.hpp"

namespace nntrace {

struct AnswerPoints {
    std::string answer;  // an answer name, as in [answers]
    double points = 1;
    FilePosition key;    // where the name is written: what nntrace points at when it names nothing
};

struct Grading {
    double default_points = 1;         // every answer not listed in `points`
    std::vector<AnswerPoints> points;  // in file order
    double last_digit = 0.5;           // the share of an answer's points for a last-digit answer
    double carried = 1.0;              // the share for a carried error

    // What `answer` is worth.
    double points_for(const std::string& answer) const {
        for (const auto& p : points)
            if (p.answer == answer) return p.points;
        return default_points;
    }
};

}  // namespace nntrace
