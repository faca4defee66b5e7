// One problem file with a [random] table, many students: each student's variant is a function
// of the file's text, a seed and the student's id, the same on every machine and in every run,
// so that a lost handout or key can be made again. docs/problem-format.md ("[random]") describes
// the hash and the stream exactly; they are written out here, never taken from the standard
// library (std::hash and the <random> distributions differ between implementations).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "problem/problem.hpp"

namespace nntrace {

// FNV-1a (64 bits: offset basis 0xcbf29ce484222325, prime 0x100000001b3) over the bytes of
// `problem_text` with every "\r\n" read as "\n", one 0x00 byte, the 8 bytes of `seed` least
// significant first, one 0x00 byte, and the UTF-8 bytes of `student`.
std::uint64_t variant_hash(std::string_view problem_text, std::uint64_t seed, std::string_view student);

// SplitMix64 (Steele, Lea and Flood 2014), started at a variant_hash.
class VariantStream {
public:
    explicit VariantStream(std::uint64_t state) : state_(state) {}
    std::uint64_t next();
    // A whole number from 0 to n − 1, every one equally likely (n > 0): draws until a number x
    // is at least 2^64 mod n, then gives x mod n.
    std::uint64_t below(std::uint64_t n);

private:
    std::uint64_t state_;
};

// How many values an entry of [random] allows, and the k-th of them (k < value_count): for
// decimals N, (⌈min·10^N⌉ + k) / 10^N; for a step, min + k·step read at 12 decimals; for
// choices, the k-th as listed.
std::uint64_t value_count(const RandomValue& v);
double value_at(const RandomValue& v, std::uint64_t k);

// The quantities a variant's key gives: the file's [answers] names in order; without [answers],
// the loss and its derivative for each name of wrt ("L", "dL/dw7"); without [loss], the last node.
std::vector<std::string> variant_answer_names(const Problem& problem);

// Draws are tried in turn until one passes; more than this many failures is an error.
constexpr int max_variant_draws = 1000;

// How close to a rounding boundary an intermediate may come (near_rounding_boundary).
constexpr double variant_boundary_tolerance = 1e-9;

struct Variant {
    std::string student;
    std::map<std::string, double> drawn;  // the values [random] drew, by name
    int draws = 0;                        // the draw that was kept (1: the first)
    int digits = 0;                       // the decimals of the key: the problem's, or 6 when exact
    // The key, in variant_answer_names order, as the run computed it and as the variant's own
    // file writes it: at `digits` decimals, trailing zeros kept ("-0.410").
    std::vector<std::pair<std::string, Num>> answers;
    std::vector<std::pair<std::string, std::string>> answer_texts;
    std::string toml;  // the variant's own problem file (below)
    Problem problem;   // parsed from `toml`: the drawn values, no [random], [answers] = the key
};

// The variant of `student`: draws a value for every entry of `randomised.random` (in file
// order, from VariantStream(variant_hash(source, seed, student))), runs the problem with them,
// and draws again while the run cannot be computed, an exclude condition holds, a value the hand
// calculation rounds lies within 1e-9 of a rounding boundary, or an answer of the key does at
// its digits. The kept draw becomes a problem file of its own: the randomised file with the
// drawn values written in, [random] left out, and [answers] holding the key. Throws InputError
// at the [random] table when no draw of max_variant_draws passes, saying why the last failed.
// `quick` false: every draw judged by its full run, never first on its graph's numbers (the
// same variants, slower: the reference the tests compare with).
Variant draw_variant(const Problem& randomised, std::uint64_t seed, const std::string& student, bool quick = true);

// Internal to the problem library: one side of an exclude condition, with `values` for the
// names and the problem's [functions], in exact arithmetic. Throws ExpressionError (an unknown
// function, a wrong number of arguments) or NumericFault.
// Whether `a compare b` holds: a draw for which an exclude condition holds is drawn again.
bool condition_holds(ExcludeCondition::Compare compare, double a, double b);

double evaluate_condition_side(const Problem& problem, const Expr& side, const std::string& text,
                               const std::map<std::string, double>& values);

}  // namespace nntrace
