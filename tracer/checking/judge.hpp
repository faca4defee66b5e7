// Judging one answer as the problem-file contract says: at the decimals it is written with, or
// at the problem's decimals if it carries no more; correct, one unit off in the last decimal, or
// wrong. A wrong answer is set against every mistake of the table, each run once per problem,
// so a class of any size costs the runs of one student.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "checking/mistakes.hpp"

namespace nntrace {

enum class Verdict {
    correct,
    last_digit,  // one unit off in the last decimal compared
    wrong,
    blank,       // nothing written (a grade sheet's empty cell)
};

// A mistake that gives the answer's value: why it was diagnosed, and a stable id for counting.
struct Cause {
    std::string id;   // the mistake's id, with its arguments: "bias_forgotten b2"
    Message message;  // "check.mistake.bias_forgotten" {b2}
};

struct Judgement {
    std::string key;     // the answer's name
    std::string given;   // as written
    int decimals = 0;    // the decimals it was compared at
    bool decimals_capped = false;  // written with more than max_judged_decimals, compared at that
    Num computed;        // the correct run's value
    Verdict verdict = Verdict::blank;
    // Wrong: every mistake that reproduces the answer. Last digit: the arithmetic habits that
    // do (rounding only at the end, every step, truncating), or none.
    std::vector<Cause> causes;
};

class Judge {
public:
    // Runs the problem, then every variation of every mistake, keeping the values of `keys`.
    // Throws InputError if the problem itself cannot be run; a variation that cannot be run
    // (a forgotten bias leading to ln 0) is left out.
    Judge(Problem problem, const std::vector<std::string>& keys, MistakeContext context,
          RunOptions options = {});

    const Problem& problem() const { return problem_; }
    const Record& record() const { return record_; }
    bool knows(const std::string& key) const { return correct_.count(key) > 0; }

    // `given` is an answer as written ("-0.410"); it must be readable by read_printed, or empty.
    Judgement judge(const std::string& key, const std::string& given) const;

private:
    struct Variant {
        const Mistake* mistake;
        Cause cause;
        AnswerValues values;
    };
    double units(double v, int decimals) const;
    std::vector<Cause> reproducing(const std::string& key, double given, int decimals, bool arithmetic_only) const;

    Problem problem_;
    RunOptions options_;
    Record record_;
    AnswerValues correct_;
    std::vector<Variant> variants_;
    int problem_decimals_ = 0;
    Rounding final_rounding_ = Rounding::half_up;
    mutable std::map<std::pair<double, int>, double> units_cache_;
};

// The most decimals any of `answers` is written with (unreadable ones ignored).
int most_decimals(const std::vector<std::string>& answers);

}  // namespace nntrace
