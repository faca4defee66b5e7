// [random]: which inputs and params a problem file lets vary from student to student, over what
// values, and the conditions that rule a drawn variant out (docs/problem-format.md, "[random]").
// Plain data, read by random_read.cpp; random_variants.hpp draws from it.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/expression.hpp"
#include "problem/source_text.hpp"

namespace nntrace {

// `w7 = { min = -1.0, max = 1.0, decimals = 1 }`, `{ min = 0.1, max = 0.9, step = 0.2 }` or
// `{ choices = [0, 1] }`: the values one input or param may take.
struct RandomValue {
    enum class Kind { decimals, step, choices };
    std::string name;
    Kind kind = Kind::choices;
    double min = 0, max = 0;      // decimals, step: the ends, both included
    int decimals = 0;             // decimals: every value from min to max with this many decimals
    double step = 0;              // step: min, min + step, … up to max
    std::vector<double> choices;  // choices: as listed
    FilePosition key, where;
};

// `"abs(yhat) < 0.05"`: a draw for which the comparison holds is drawn again.
struct ExcludeCondition {
    enum class Compare { less, less_equal, greater, greater_equal, equal, not_equal };
    SourceText source;   // the whole string
    std::string left_text, right_text;  // the text before and after the comparison
    Expr left, right;    // parsed from them
    // A derivative named in the condition ("abs(dL/dw7) < 0.02") is parsed as a name of the same
    // length with '_' for '/' ("dL_dw7"), so that columns still point into the file: that name
    // → the derivative's answer name.
    std::map<std::string, std::string> derivatives;
    int right_column = 0;  // the 1-based column of `right`'s text within `source`
    Compare compare = Compare::less;
};

// The first and last line a table of the file takes, so that a variant's own file can leave it out.
struct LineSpan {
    int first = 0, last = 0;
};

struct RandomTable {
    FilePosition where;  // the [random] header
    std::vector<RandomValue> values;        // in file order
    std::vector<ExcludeCondition> exclude;  // in file order
    // The whole file as read: hashed into each student's draw, and rewritten into each variant's
    // own file (only the drawn values, [random] and [answers] change).
    std::string source;
    LineSpan lines;                        // of [random]
    std::optional<LineSpan> answer_lines;  // of [answers], when the file has one
};

}  // namespace nntrace
