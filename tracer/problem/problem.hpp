// A problem file, read and checked: what the user wrote, with where they wrote it, so that any
// later complaint (a value that cannot be computed, a bad --set) can point into the file.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/arithmetic.hpp"
#include "core/expression.hpp"
#include "core/record.hpp"
#include "core/run_options.hpp"
#include "core/tape.hpp"
#include "problem/grading.hpp"
#include "problem/random_table.hpp"
#include "problem/source_text.hpp"

namespace nntrace {

// `x1 = 1` in [inputs] or [params]. `where` is the value.
struct NamedNumber {
    std::string name;
    double value = 0;
    FilePosition key;
    FilePosition where;
};

// `s = "x^2"` in [functions]: a one-argument function of x.
struct FunctionDefinition {
    std::string name;
    SourceText body;
    FilePosition key;
};

// `z1 = "w1*x1 + w4*x2 + b1"` in [nodes], already parsed.
struct NodeDefinition {
    std::string name;
    SourceText source;
    Expr expr;
    FilePosition key;
};

// A name written as a value: `node = "L"`, an element of `wrt` or `update`.
struct NameReference {
    std::string name;
    FilePosition where;
};

// `yhat = "0.384"` in [answers]: kept as written, trailing zeros included.
struct Answer {
    std::string name;
    std::string text;
    FilePosition key;
    FilePosition where;
};

struct Training {
    FilePosition where;  // the [train] header
    double rate = 0;
    int rounds = 1;
    std::vector<NameReference> update;  // the names updated each round; default: the loss's wrt
};

// ∂of/∂wrt, asked besides the gradients of the loss: the derivative of one node with respect to
// another name, "dE_o1/dout_h1". Its record key is exactly "d" + of + "/d" + wrt.
struct DerivativeRequest {
    std::string of;   // a node
    std::string wrt;  // a node, an input or a param
};

// `W = [["W00", "W01"], ["W10", "W11"]]` or `V = ["V0", "V1"]` in [matrices]: params (or
// inputs) that the source writes as one matrix or vector, shown as one on the page. A vector is
// a matrix of one row.
struct MatrixGroup {
    std::string name;
    std::vector<std::vector<NameReference>> rows;
    FilePosition key;
};

// A weight or bias that the [network] shorthand generated, and the neurons it joins: the
// numbering made visible (docs/network-shorthand.md).
struct NetworkLink {
    std::string param;            // "w3", "b1"
    std::string from;             // the source neuron ("x1", "h2"); empty for a bias
    std::vector<std::string> to;  // the destination neuron; every neuron of its layer for a shared bias
};

// The order in which [network] gives out w1, w2, … within a layer: every weight into the first
// neuron, then into the next (by destination), or every weight out of the first source, then
// out of the next (by source).
enum class WeightNumbering { by_destination, by_source };

struct Problem {
    std::string file;  // as given, for messages
    std::string id;    // the file's stem: "exercise-7"
    std::string title_en, title_zh;  // either falls back to the other, both to the id

    std::optional<int> decimals;  // unset: exact arithmetic
    Rounding rounding = Rounding::half_up;

    std::vector<FunctionDefinition> functions;
    std::vector<NamedNumber> inputs;  // in file order
    std::vector<NamedNumber> params;  // in file order
    std::vector<NodeDefinition> nodes;  // in dependency order (file order among independent ones)

    std::optional<NameReference> loss;  // the node differentiated; unset: a forward pass only
    std::vector<NameReference> wrt;     // default: every param
    std::optional<Training> train;
    std::vector<Answer> answers;  // in file order
    // Derivatives to compute besides the loss's, in order (a lesson's list). Answers named
    // "dA/dB" with A another node than the loss are computed as well, without being listed.
    std::vector<DerivativeRequest> derivatives;
    // The weights and biases of [network], in numbering order (w1, w2, …, then b1, …), for its
    // drawing; empty when the file has no [network] or one too big to draw (its weights alone
    // make more nodes than a page shows: large_graph.hpp).
    std::vector<NetworkLink> network_links;
    // The matrices and vectors of [matrices], in file order.
    std::vector<MatrixGroup> matrices;
    // How [network] numbered the weights of each layer, in layer order.
    std::vector<WeightNumbering> network_numbering;
    // [grading]: what each answer is worth in a gradebook or a quiz; the defaults without it.
    Grading grading;
    // [random]: the values that change from student to student (random_variants.hpp); unset
    // for a file without one, and for each variant drawn from it.
    std::optional<RandomTable> random;
};

// "dA/dB" → {A, B} when the text has that shape (one '/', each side "d" + a name).
std::optional<DerivativeRequest> parse_derivative_name(const std::string& text);

// What is wrong with asking for `d` in `problem` ("'x' is not a node of the problem"), or
// nothing when it can be computed.
std::optional<std::string> derivative_problem(const Problem& problem, const DerivativeRequest& d);

// Reads and checks a problem file. Throws InputError(file, line, column, message).
Problem read_problem(const std::filesystem::path& file);

// The same from text; `file` is only used in error messages (and its stem is the problem's id).
Problem parse_problem(std::string_view toml, const std::string& file);

// The arithmetic a run of `problem` uses: options.arithmetic (--exact, --decimals N), else the
// file's decimals with options.rounding (--rounding) or the file's rounding, else exact. Throws
// InputError naming --rounding when it is given for a problem without decimals.
Arithmetic arithmetic_for(const Problem& problem, const RunOptions& options);

// Who reads a record. A page shows all of it. The mistake finder asked about a key on the graph
// (a named value, or the loss's gradient at one) reads the steps, updates and tables, and finds
// other values of the graph by key: its record leaves out the drawings, the named chains and
// the elementary chain-rule lines, which cost most of a small problem's run. Every key but a
// chain's or a line's ("…/chain", "…/via/…", "…/sum") is found in it, with the same value as in
// the page's record.
enum class RecordFor { page, finder };

// Runs it. options.arithmetic overrides decimals/rounding (--exact, --decimals N).
// options.sets: "--set name=value" for an input, a param, or `rate` / `rounds` (train) —
// unknown names or non-numeric values throw InputError naming the option ("--set w9=abc: ...").
Record run_problem(const Problem& problem, const RunOptions& options, RecordFor reader = RecordFor::page);

// A problem's graph already built under the run's options, with the run's numbers (a graph of
// the same shape worked out again: grading by variant), and the node it differentiates (the
// last node without a loss).
struct GraphAlreadyBuilt {
    Tape tape;
    NodeId loss = 0;
};

// The same run from that graph, taken over instead of built again.
Record run_problem(const Problem& problem, const RunOptions& options, RecordFor reader, GraphAlreadyBuilt built);

}  // namespace nntrace
