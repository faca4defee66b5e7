// The record of a run: what was computed, in the order a textbook would show it. Plain data;
// renderers read it and only they turn numbers into text.
#pragma once

#include <array>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "arithmetic.hpp"

namespace nntrace {

// A piece of a formula: literal text ("*", " + ", "0.5", "sigmoid(") or a symbol whose value a
// page substitutes ("w1" → 0.6).
struct Piece {
    std::string text;
    std::optional<Num> value;  // set for a symbol
};
using Formula = std::vector<Piece>;

// Words for a person, translated by the renderer: `id` names a template in the lesson's own
// strings or in the renderer's catalog ("{0} rounds"); args fill its {0}, {1}, ...
struct Arg {
    std::string text;           // a word or name, used as is
    std::optional<Num> number;  // or a number, formatted by the renderer
    // The decimals to show `number` with; negative: up to −decimals, trailing zeros dropped (an
    // exact value, 150 or 0.409735); unset: the page's.
    std::optional<int> decimals = std::nullopt;
};
struct Message {
    std::string id;
    std::vector<Arg> args;
};

// name = formula = formula with numbers = value
struct Step {
    std::string key;    // unique within the record: what published figures and answers refer to
    std::string name;
    Formula formula;
    Num value;
    std::optional<Message> label;  // what the step illustrates, when a lesson says so
};

// ∂root/∂target += ∂root/∂through · ∂through/∂target
struct ChainLine {
    std::string key;
    std::string root, target, through;
    Num upstream;
    std::string rule;       // the rule behind the local derivative: "∂(u·v)/∂u = v"
    Formula local_formula;  // that rule's right-hand side with symbols: "y" → 9
    Num local;
    Num contribution;
};

// Where a node feeds several others, its gradient is the sum of what each path contributes.
struct GradientSum {
    std::string key;
    std::string root, target;
    std::vector<std::string> through;
    std::vector<Num> terms;
    Num total;
};

// The textbook's chain rule over the quantities the author named (issue 11):
//     ∂E_total/∂w5 = ∂E_total/∂out_o1 · ∂out_o1/∂l_o1 · ∂l_o1/∂w5 = (−0.1477) · 0.2091 · 0.5951 = …
// A chain is a product of factors, read from the top (the quantity differentiated) down; a
// factor is one named local derivative with its formula, or, where the routes part and meet
// again, the sum over the routes between two named quantities (∂E_total/∂out_h1 =
// ∂E_o1/∂out_h1 + ∂E_o2/∂out_h1), each route a product of named local derivatives.
struct ChainPath;

// δ: the product of a chain's factors from its first one through this one, ∂of/∂name, shared
// with other chains of the same section; written out where it is first used.
struct ChainDelta {
    std::string name;  // the named quantity it ends at: "l_o1" (δ_l_o1 = ∂E_total/∂l_o1)
    Num value;
    bool first = true;
};

struct ChainFactor {
    std::string of, wrt;            // ∂of/∂wrt
    Formula formula;                // a named local derivative in the problem's names ("out_o1·(1 − out_o1)"),
                                    // symbols carrying their values; empty for a sum
    std::vector<ChainPath> paths;   // a sum over routes instead (then `formula` is empty)
    Num value;                      // hand: the formula on the hand values, each operation rounded
                                    // (a sum: its terms added, the total rounded); exact: the tape's
    bool first = true;              // false where the same derivative was written out earlier in the section
    std::optional<ChainDelta> delta;
};

struct ChainPath {
    std::vector<std::string> through;  // the named quantities from the top down: of, …, wrt
    // The route's product is the whole derivative ∂whole_of/∂wrt (set where it is: the route's
    // first step has a derivative identically 1 and no other route reaches it); otherwise it is
    // named as a contribution "via through[1]".
    std::string whole_of;
    std::vector<ChainFactor> factors;  // named local derivatives only
    Num value;                         // the product, rounded at each multiplication from the left
};

struct NamedChain {
    std::string key;                   // "dE_total/dw5/chain" (+ a round's suffix)
    std::string of, wrt;               // ∂of/∂wrt
    std::vector<ChainFactor> factors;  // one factor that is a sum: the chain is that sum
    Num value;                         // the product, rounded at each multiplication in the order shown
    Num tape;                          // the gradient the tape computed (reverse accumulation)
    bool agrees = true;                // value and tape agree in the run's arithmetic
    std::optional<Message> reason;     // why they differ, where they do
};

// p ← p − rate · ∂L/∂p
struct Update {
    std::string key;
    std::string param;
    std::string loss;
    Num before, rate, gradient, after;
};

struct Column {
    std::string key;
    Message title;
    std::optional<int> decimals;  // unset: the record's digits
};

struct Cell {
    std::optional<Num> number;
    std::optional<Message> words;  // "correct", "updated", a verdict
};

struct Table {
    std::string key;
    Message title;
    std::vector<Column> columns;
    std::vector<std::vector<Cell>> rows;
};

struct Note {
    enum class Kind { info, convention, warning, fault };
    std::string key;
    Kind kind = Kind::info;
    Message message;
};

// The computation graph of a step, for drawing: nodes with their values (and gradients after a
// backward pass), edges with the local derivative of the consumer with respect to its argument.
struct DiagramNode {
    std::string id;            // stable: "n" + the node's index on the tape
    std::string name;          // the user's name, or the source text of an intermediate
    std::string op;            // op_name: "mul", "sigmoid", "input"…
    bool named = false;        // a step of the walkthrough (drawn prominently)
    int layer = 0;             // longest distance from a leaf: lays the graph out left to right
    Num value;
    std::optional<Num> gradient;  // ∂root/∂node, when the diagram shows a backward pass
};
struct DiagramEdge {
    std::string from, to;      // DiagramNode ids: the argument and its consumer
    std::string rule;          // "∂(u·v)/∂u = v"
    Num local;                 // ∂to/∂from
    std::optional<Num> contribution;  // upstream × local, in a backward view
    // In a drawing of the named quantities (named_diagram): the named local derivative ∂to/∂from
    // in the problem's names ("out_o1·(1 − out_o1)"), symbols carrying their values; then `rule`
    // is empty.
    Formula formula = {};
};
struct Diagram {
    std::string key;
    Message title;
    std::string root;          // the id of the node differentiated, if any
    std::vector<DiagramNode> nodes;
    std::vector<DiagramEdge> edges;
};

// A layered network drawn as a textbook draws it: neurons in columns, one arrow per weight. The
// same numbers as the computation graph, seen neuron by neuron instead of operation by operation.
struct NetworkNeuron {
    std::string id;               // stable and unique in the drawing: "neuron_" + name
    std::string name;             // the neuron: "i1", "h1", "o1"
    int layer = 0;                // 0: the inputs; the output layer is the last
    std::string value_name;       // the node holding its value: "out_h1" (an input: its own name)
    Num value;
    std::string sum_name;         // the node holding its weighted sum, "l_h1"; empty for an input
                                  // or where the value is the sum itself (no activation)
    std::optional<Num> sum;
    std::optional<Num> value_gradient;  // ∂loss/∂value, in a backward view
    std::optional<Num> sum_gradient;    // ∂loss/∂sum, in a backward view, where there is a sum
};
struct NetworkWeight {
    std::string name;             // "w5"
    std::string from, to;         // NetworkNeuron ids
    Num value;
    std::optional<Num> gradient;  // ∂loss/∂weight, in a backward view
};
struct NetworkBias {
    std::string id;               // "bias_" + name
    std::string name;             // "b1"
    int layer = 0;                // the column it is drawn in: just before the neurons it feeds
    std::vector<std::string> to;  // NetworkNeuron ids: one neuron, or every neuron of a layer
    Num value;
    std::optional<Num> gradient;
};
struct NetworkDiagram {
    std::string key;
    Message title;
    std::vector<NetworkNeuron> neurons;  // layer by layer, in each layer in the network's order
    std::vector<NetworkWeight> weights;  // in numbering order (w1, w2, …)
    std::vector<NetworkBias> biases;
    std::string loss;                    // the loss's name, fed by every output; empty: none
    std::optional<Num> loss_value;
    bool backward = false;               // gradients shown (the record's, from one backward pass)
};

// Numbers to plot, every one computed by the engine: renderers only draw them.
struct Series {
    enum class Kind {
        line,     // a curve through the points, in order (a function sampled)
        points,   // marks, labelled in order (the points visited)
        path,     // marks joined by arrows (a descent path)
        grid,     // z over a regular grid of x × y, row by row (for contour lines)
    };
    // A contour level of a grid, and where its value is written (a point on that line, chosen by
    // the lesson; unset: the line is drawn without its value).
    struct Level {
        Arg value;
        std::optional<std::pair<double, double>> label_at;
    };
    Kind kind = Kind::line;
    std::string label;                  // a legend entry, used as is (a name or formula); empty: none
    std::vector<double> x, y, z;        // grid: x and y are the axes, z has x.size()·y.size() values
    std::optional<Arg> label_value = std::nullopt;  // the legend reads "label = value" (η = 1.1)
    // points, path: the text beside each point, one per point (an Arg with neither text nor
    // number: that point is not labelled, where its text would collide); empty: no labels.
    std::vector<Arg> marks = {};
    std::vector<Level> levels = {};     // grid: the contour levels drawn; empty: the tool chooses
    // line: an arrow from (x0, y0) to (x1, y1), from the line toward its positive side.
    std::optional<std::array<double, 4>> side_arrow = std::nullopt;
    bool dashed = false;                // line: drawn dashed (over a line it coincides with)
    // The palette entry to draw with, so that a run keeps its colour from plot to plot; unset: the
    // series' own position in the plot.
    std::optional<std::size_t> colour = std::nullopt;
};
// The kind's name as JSON and the plot scripts write it: "line", "points", "path", "grid".
std::string_view series_kind_name(Series::Kind kind);

struct Plot {
    std::string key;
    Message title;
    std::string x_label, y_label;
    std::vector<Series> series;
    // The frame, chosen by the lesson so that every point lies inside it with a margin; unset: the
    // tool's own.
    std::optional<std::pair<double, double>> x_range = std::nullopt, y_range = std::nullopt;
    bool equal_scales = false;  // one unit as long on both axes, so that angles are true
    bool integer_x = false;     // x counts (steps, guesses): ticks at whole numbers only
};

using Item = std::variant<Step, ChainLine, GradientSum, NamedChain, Update, Table, Note, Diagram, NetworkDiagram, Plot>;

struct Section {
    std::string key;
    Message title;
    std::vector<Item> items;
    std::optional<int> digits = std::nullopt;  // display decimals when a part works at its own precision
    // A subsection of the section before it, folded away on a page until opened (HTML
    // <details>): the elementary steps behind the named chains.
    bool folded = false;
};

// A figure printed by the source, set beside the value the engine computed.
struct Comparison {
    // another_row: the figure is the engine's value of the same quantity at another row, round
    // or pass (the source numbered it wrongly); the reason says which.
    enum class Verdict { matches, last_digit, another_row, differs, missing };
    std::string key;        // the Step key or table cell ("table/row/column") compared
    std::string label;      // how the source names it: "Δw", "z"
    std::string published;  // as printed: "0.6667"
    int digits = 0;         // decimals printed
    Num computed;
    Verdict verdict = Verdict::missing;
    std::optional<Message> reason;  // why it differs: never empty for a figure that does not match
};

struct Record {
    std::string id;
    Message title;
    Arithmetic arithmetic;
    // A task set to students (a handout): its arithmetic is what they are asked to do, and no
    // computed value, exact or by hand, is shown.
    bool is_task = false;
    int digits = 6;        // decimals shown for the values a run used
    int exact_digits = 9;  // decimals shown for exact values beside hand values
    std::map<std::string, Num> parameters;        // the numeric parameters the run used
    std::map<std::string, std::string> settings;  // the other parameters ("order = cyclic")
    // Parameters that steer the run rather than the lesson (a cap on rounds, a threshold for
    // zero): kept above for programs and the prose, left off the setup line and the panel.
    std::set<std::string> internal;
    std::vector<Section> sections;
    std::vector<Comparison> comparisons;
    // Templates the record brings for its own message ids, by id and language ("en", "zh").
    std::map<std::string, std::map<std::string, std::string>> strings;
    // Numbers kept but not written out in the sections (the rounds a long training run leaves
    // out, the nodes of a summarised graph): asked in turn for a key no section has.
    std::vector<std::function<std::optional<Num>(const std::string& key)>> find_elsewhere;

    // The number a key names: a Step key, or "table/row/column" with a 1-based row.
    std::optional<Num> find(const std::string& key) const;
    const Table* find_table(const std::string& key) const;

private:
    std::optional<Num> find_cell(const std::string& key) const;  // "table/row/column"
};

}  // namespace nntrace
