// Target seeking by ratios: the output misses its target by Δout = out − target, and each chosen
// variable moves by its share of that miss divided by how strongly the output responds to it,
//     Δv = share · Δout / (∂out/∂v),   v ← v − Δv.
// With a chain of nodes between the output and the variable (c → b → a → x), the miss is passed
// down link by link instead, dividing by each link's derivative in turn:
//     Δb = Δc / (∂c/∂b),  Δa = Δb / (∂b/∂a),  Δx = Δa / (∂a/∂x).
// Every derivative comes from the engine's backward pass; every value is a Num whose hand track
// is rounded as produced and whose exact track follows the same path without rounding.
#pragma once

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/arithmetic.hpp"
#include "core/expression.hpp"
#include "core/tape.hpp"

namespace nntrace {

// A graph of named nodes over variables, in the order written: `x = 2*w + 3*b`, `z = x*y`.
// A node may use the variables and the nodes written before it.
struct GraphNode {
    std::string name;
    std::string source;  // the expression as written
    Expr expr;           // parse_expression(source)
};
struct Graph {
    std::vector<std::string> variables;
    std::vector<GraphNode> nodes;
    std::string output;  // the node whose value seeks the target
};

// A graph that cannot be built: which node (an index into Graph::nodes) and the 1-based column
// in its source (0 when the whole node is at fault, as with a name used twice).
class GraphError : public std::runtime_error {
public:
    GraphError(std::size_t node, int column, const std::string& message)
        : std::runtime_error(message), node_(node), column_(column) {}
    std::size_t node() const { return node_; }
    int column() const { return column_; }

private:
    std::size_t node_;
    int column_;
};

struct BuiltGraph {
    Tape tape;
    std::map<std::string, NodeId> ids;  // every variable and node by name

    Num value(const std::string& name) const { return tape[ids.at(name)].value; }
};

// Puts the variables (as parameters holding `values`) and then each node on a tape. Throws
// GraphError for a bad node, NumericFault for a value that is not a finite number.
BuiltGraph build_graph(const Graph& graph, const std::map<std::string, Num>& values,
                       const Arithmetic& arithmetic);

enum class FactorMode {
    fixed,       // the derivatives at the starting point, used in every round
    recomputed,  // the derivatives at the current point, from a backward pass each round
};

// A variable to move and its part of the miss.
struct Mover {
    std::string variable;
    double share = 1;               // the fraction of Δout this variable makes up
    std::vector<std::string> via;   // nodes between the output and the variable, outermost first
};

// A floor on a variable, as the course program keeps x inside the function's domain: a move
// that lands below `below` puts the variable at `reset_to` instead.
struct Reset {
    std::string variable;
    double below = 0;
    double reset_to = 0;
};

struct SeekPlan {
    Graph graph;
    std::map<std::string, Num> start;  // the variables' starting values
    double target = 0;
    std::vector<Mover> movers;
    FactorMode factors = FactorMode::fixed;
    Arithmetic arithmetic;
    std::vector<Reset> resets;  // applied after each move, in order
};

// The links a mover divides by: output, via..., variable.
std::vector<std::string> chain_of(const SeekPlan& plan, const Mover& mover);

// What is wrong with a plan whose names do not fit its graph, or nullopt: an unknown variable
// or node, or a link whose upper node does not depend on the lower one.
std::optional<std::string> plan_problem(const SeekPlan& plan);

// One variable's move in one round.
struct Move {
    std::string variable;
    std::vector<std::string> chain;  // output, via..., variable
    Num share_of_delta;              // share · Δout
    std::vector<Num> factors;        // ∂chain[k]/∂chain[k+1]
    std::vector<Num> link_deltas;    // Δchain[k+1] = Δchain[k] / factors[k]; the last is delta
    Num delta;                       // share · Δout divided by each factor in turn
    Num before, after;               // after = before − delta, or the reset value
    bool reset = false;              // before − delta fell below a floor: after is its reset value
};

struct SeekRound {
    BuiltGraph graph;         // the forward pass at the round's starting point
    Num output;
    Num delta;                // output − target
    std::vector<Move> moves;  // empty when the round made no move
};

enum class SeekEnd {
    stepped,    // one step was taken on request (seek_once)
    converged,  // |Δout| fell below the tolerance
    capped,     // the cap on rounds stopped the run
    stalled,    // the last step changed nothing, so every further round would repeat it
    fault,      // a factor was 0, or a value stopped being a finite number
};

struct SeekRun {
    std::vector<SeekRound> rounds;
    SeekEnd end = SeekEnd::stepped;
    std::string fault_variable;  // for a zero factor: the variable that could not be moved
    std::string fault_link;      // and the link's upper node ("z" in ∂z/∂w)
};

// The factors of every mover at the given point (one list per mover, one factor per link).
std::vector<std::vector<Num>> seek_factors(const SeekPlan& plan, const BuiltGraph& at);

// One step from the start and the forward pass at the point it reaches: two rounds, the second
// without moves. Ends in `fault` (with one round) when a factor is 0.
SeekRun seek_once(const SeekPlan& plan);

// Repeats the step until |Δout| < tolerance (hand value: the run's own arithmetic decides),
// the step changes nothing, or `max_rounds` forward passes have been made. The last round
// makes no move unless the run stalled.
SeekRun seek_until(const SeekPlan& plan, double tolerance, int max_rounds);

}  // namespace nntrace
