// The mistake finder: why a written figure is not the value the run computed. One search for a
// source's published figures and for students' answers alike: given the run, a quantity and a
// value written to d decimals, it tries every explanation it knows and reports those that give
// the written value at its own digits, the most specific first, each as a sentence with the
// numbers that prove it. When none does, it says so, with what it tried and the nearest values.
//
// The finder computes nothing by itself that needs a run: whoever asks (a lesson, `check`)
// hands it the values other runs gave (the calculation at other decimals, the slips of method)
// as `Alternative`s, and the run's other values through `find` and `others`.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "record.hpp"

namespace nntrace {

// A number as printed: "0.6667", "-0.410", "9.708 073" (digit groups), "−1" (Unicode minus).
struct Printed {
    double value = 0;
    int decimals = 0;  // decimals printed, trailing zeros included
};
// A number counted in units of its last decimal (0.384 at 3 decimals → 384), after rounding it
// as `r` says. A double, not an integer: a value beyond 2^53 units cannot be one unit off
// anything, and converting it to an integer would overflow (a lesson pushed to 1e300).
double last_digit_units(double v, int decimals, Rounding r);


struct Explanation {
    // In order of specificity: the families tried first and reported first.
    enum class Family {
        arithmetic,  // a rounding habit: truncation, rounding elsewhere, by hand at k decimals
        carried,     // continued from the writer's own earlier figures
        numbering,   // the same quantity at another row, round or pass
        slip,        // a known slip of method (σ′ at the pre-activation, …), a sign, a factor
        label,       // the value of another quantity of the run
        typo,        // one digit wrong, or two adjacent digits swapped
    };
    Family family = Family::arithmetic;
    std::string id;        // stable, for counting across a class: "truncated 3", "row 16"
    Message message;       // the sentence, with the numbers that prove it
    double value = 0;      // the value this explanation gives, before it is written down
    std::string other_key; // numbering and label: the key whose value the figure is
    // How to name this value in the "nothing reproduces it" sentence when it is the nearest:
    // the message id's tail ("hand" → "finder.none.hand") and its own arguments. Empty: never
    // offered as a nearest value.
    std::string near_id;
    std::vector<Arg> near_args;
    int order = 0;         // within its family, lower first (a single rounding before a whole run)
    bool offered = false;  // one of the caller's alternatives (set by find_explanations)
};

// A value a run of another kind gave the same quantity, with its explanation (value set).
using Alternative = Explanation;

// One input of the step that computes the quantity: its symbol, the value the run used, and the
// value the writer wrote for it earlier, when they did.
struct StepInput {
    std::string symbol;
    Num value;
    std::optional<double> written;
};

// The step that computes the quantity, as a formula the finder can evaluate again: the formula's
// text with each input a placeholder "v0", "v1", … (see formula_with_placeholders).
struct StepFormula {
    std::string name;
    std::string text;
    std::vector<StepInput> inputs;
};

struct Question {
    std::string key;
    std::string name;         // how to call the quantity in sentences: "z", "dL/dw7"
    Printed written;
    Num computed;             // the run's value
    int exact_digits = 9;     // decimals to show exact values with
    bool source = true;       // a source's figure (true) or a student's answer (messages differ)
    std::function<std::optional<Num>(const std::string& key)> find;  // the run's value of a key
    std::vector<std::pair<std::string, Num>> others;  // other quantities of the run (label swaps)
    std::optional<StepFormula> step;
    std::optional<double> rate;                       // η, when the run has one
    std::vector<Alternative> alternatives;            // values other runs gave
};

struct Finding {
    std::vector<Explanation> reproducing;  // every explanation that gives the value, best first
    std::size_t tried = 0;                 // how many explanations were tried
    std::optional<Explanation> nearest;    // when none reproduces: the closest offered value
    bool explained() const { return !reproducing.empty(); }
};

Finding find_explanations(const Question& q);

// The sentence for a finding: its best explanation, or "nothing reproduces it" with the exact
// value, the nearest candidate, the number tried and the written value.
Message finding_reason(const Question& q, const Finding& f);

// Whether `v` written at `decimals` (half away from zero) is the written figure.
bool reproduces(double v, const Printed& written);

// A step's formula with its inputs as placeholders v0, v1, … and the operators an expression
// reads ("·" → "*", "−" → "-"); nullopt when a piece cannot be read back.
std::optional<StepFormula> formula_with_placeholders(const Step& step);

// Evaluates a StepFormula exactly with the given input values (same order as its inputs);
// nullopt when the text does not parse or a value is not finite.
std::optional<double> evaluate_formula(const StepFormula& f, const std::vector<double>& inputs);

// The explanation families, each in a file of its own (finder_*.cpp).
std::vector<Explanation> rounding_explanations(const Question& q);      // finder_rounding.cpp
std::vector<Explanation> step_explanations(const Question& q);          // finder_rounding.cpp
std::vector<Explanation> neighbour_explanations(const Question& q);     // finder_values.cpp
std::vector<Explanation> value_explanations(const Question& q);         // finder_values.cpp
std::vector<Explanation> digit_explanations(const Question& q);         // finder_values.cpp

// Helpers the families share.
Arg number_arg(double v, int decimals);  // shown with exactly `decimals` decimals
Arg exact_arg(double v, int decimals);   // up to `decimals`, trailing zeros dropped
Arg text_arg(const std::string& s);

}  // namespace nntrace
