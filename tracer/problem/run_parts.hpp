// The pieces run.cpp puts together: the values a run uses, and the problem's graph on a tape.
// Internal to the problem library.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/record.hpp"
#include "core/tape.hpp"
#include "problem/problem.hpp"

namespace nntrace {

// Words for the record's messages: an id with its arguments, a name used as is, a number.
inline Message words(const std::string& id, std::vector<Arg> args = {}) { return Message{id, std::move(args)}; }
inline Arg text(const std::string& s) { return Arg{s, std::nullopt}; }
inline Arg number(double v) { return Arg{"", Num::both(v)}; }

// The numbers a run uses: the problem's own, with every --set applied in order.
struct RunValues {
    std::map<std::string, Num> values;  // every input and param, by name
    double rate = 0;                    // [train] rate, when there is a [train]
    int rounds = 0;                     // [train] rounds
};

// Throws InputError naming the option ("--set w9=abc: ...") for an unknown name, a node, a value
// that is not a number, or rate/rounds without [train].
RunValues apply_sets(const Problem& problem, const std::vector<std::pair<std::string, std::string>>& sets);

// Puts the problem on `tape`: its functions, inputs and params (values read by name from
// `values`), then its nodes in dependency order. Returns the loss node, or the last node when
// there is no [loss]. A value that cannot be computed becomes an InputError at the node's
// expression, naming the operation and its values ("ln of -2 in node b").
NodeId build_problem_graph(const Problem& problem, Tape& tape, const std::map<std::string, Num>& values);

// The same error for a fault found while differentiating: `shape` is any tape the problem built
// (every pass builds the same nodes in the same order), used to find the node to blame.
// `when` ends the message ("in round 7").
[[noreturn]] void report_backward_fault(const Problem& problem, const Tape& shape, const NumericFault& fault,
                                        const std::string& when = "");

// A training update that left the doubles, at the [train] table: the round, the name and the
// update's numbers ("round 1: the update of w overflows: w - rate*dL/dw = 1 - 1e+308*(-2) ...").
[[noreturn]] void report_update_fault(const Problem& problem, int round, const std::string& name, double before,
                                      double rate, double gradient);

}  // namespace nntrace
