// Judging one answer as the problem-file contract says: at the decimals it is written with, or
// at the problem's decimals if it carries no more; correct, one unit off in the last decimal, or
// wrong. An answer that is not correct goes to the mistake finder (core/finder.hpp) with every
// mistake of the table and the whole problem worked by hand at 0…9 decimals, each run once per
// problem, so a class of any size costs the runs of one student. A later answer worked on
// correctly from the student's own wrong earlier value is a carried error (follow-on marking).
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include <memory>
#include <optional>

#include "checking/follow_on.hpp"
#include "checking/graph_replay.hpp"
#include "checking/mistakes.hpp"
#include "checking/shape_pool.hpp"
#include "core/compare.hpp"
#include "core/finder.hpp"

namespace nntrace {

enum class Verdict {
    correct,
    last_digit,  // one unit off in the last decimal compared
    carried,     // wrong, but computed correctly from the student's own earlier wrong value
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
    // Every explanation that reproduces the answer, the most specific first (carried: the
    // earlier answer it follows from). Last digit: only the arithmetic habits.
    std::vector<Cause> causes;
    // Why, in one sentence: the first cause, or what the finder tried and the nearest values.
    // Unset for a correct or blank answer.
    std::optional<Message> reason;
};

// An answer as written, by name: what judge_all reads.
using WrittenAnswer = std::pair<std::string, std::string>;

class Judge {
public:
    // Computes the values of `keys` (off the problem's graph when that is enough: the full
    // record, with every step's text, is made only when an answer needs explaining or record()
    // is read); every variation of every mistake is run too, once, when the first answer that is
    // not correct is judged. Throws InputError if the problem itself cannot be run; a variation
    // that cannot be run (a forgotten bias leading to ln 0) is left out. Not thread-safe:
    // judging fills caches. `replay` false: every value from a run of its own, never off the
    // problem's graph replayed, and the record made at once: the reference the tests compare with.
    // `shapes`: graphs shared with the Judges of other variants of the same problem (a class's),
    // leased for this Judge's lifetime; none: graphs of its own.
    Judge(Problem problem, const std::vector<std::string>& keys, MistakeContext context,
          RunOptions options = {}, bool replay = true, ShapePool* shapes = nullptr);
    // The same for a problem held elsewhere (a class's variant, not copied for its Judge), which
    // `problem` keeps alive or its holder does for the Judge's lifetime.
    Judge(std::shared_ptr<const Problem> problem, const std::vector<std::string>& keys, MistakeContext context,
          RunOptions options = {}, bool replay = true, ShapePool* shapes = nullptr);

    const Problem& problem() const { return problem_; }
    const Record& record() const;
    bool knows(const std::string& key) const { return correct_.count(key) > 0; }

    // `given` is an answer as written ("-0.410"); it must be readable by read_printed, or empty.
    Judgement judge(const std::string& key, const std::string& given) const;

    // Judges a student's answers in order, with follow-on marking: an answer that is not correct
    // but follows from the student's own earlier node values that were not correct either is
    // `carried` (even one a last digit off: the earlier value explains it better).
    std::vector<Judgement> judge_all(const std::vector<WrittenAnswer>& answers) const;

private:
    struct Variant {
        Explanation explanation;  // value unset: filled per key
        AnswerValues values;
    };
    const Record& finder_record() const;
    void read_steps(const Record& run) const;
    void run_mistakes() const;
    AnswerValues variation_values(const Variation& v) const;
    const FollowOn* follow_on() const;
    double units(double v, int decimals) const;
    void explain(Judgement& j, const Printed& written) const;
    std::optional<Judgement> carried(const Judgement& j, const Printed& written,
                                     const std::map<std::string, double>& earlier) const;

    std::shared_ptr<const Problem> held_;
    const Problem& problem_;  // *held_
    RunOptions options_;
    mutable std::optional<Record> record_;
    mutable std::optional<Record> finder_record_;  // record_ without what only a page shows
    ShapePool::Lease shapes_;
    std::shared_ptr<GraphReplay> replay_;  // the problem's graph, for the runs that change only numbers
    AnswerValues correct_;
    std::vector<std::string> keys_;
    MistakeContext context_;
    mutable bool mistakes_run_ = false;
    mutable std::vector<Variant> variants_;
    int problem_decimals_ = 0;
    Rounding final_rounding_ = Rounding::half_up;
    // Read off the first record made.
    mutable bool steps_read_ = false;
    mutable std::vector<std::pair<std::string, Num>> quantities_;  // every step of the run, for label swaps
    mutable std::map<std::string, StepFormula> steps_;              // the answers' own steps, by key
    mutable bool follow_on_tried_ = false;
    mutable std::unique_ptr<FollowOn> follow_on_;
    mutable std::map<std::pair<double, int>, double> units_cache_;
    mutable std::map<std::pair<std::string, std::string>, Judgement> judged_;  // (key, given) → judgement
    mutable std::map<std::pair<std::string, std::string>, std::optional<double>> follow_ons_;  // (key, earlier values)
};

// The most decimals any of `answers` is written with (unreadable ones ignored).
int most_decimals(const std::vector<std::string>& answers);

}  // namespace nntrace
