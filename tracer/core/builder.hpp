// Puts an expression on the tape: one node per operation, named nodes for the user's names.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "expression.hpp"
#include "name_map.hpp"
#include "tape.hpp"

namespace nntrace {

// What names mean while building: nodes already on the tape, and the user's functions.
// A hash table: a [network] of 10⁶ weights looks a name up for every term it builds, and nothing
// reads the names in order.
struct Scope {
    NameMap<std::string, NodeId> names;
    std::map<std::string, std::uint32_t> functions;  // user function name → Tape::functions() index
};

// The built-in functions of the expression language (`log` is the natural logarithm).
bool is_builtin_function(std::string_view name);

// The label of an unnamed node built from columns [begin, end) of `source`: the text itself, or
// for a long text its first and last terms around " … " (so that a chain of n terms has labels
// of bounded length, not n labels of up to n terms each).
std::string label_of(std::string_view source, int begin, int end);

// Builds `e` (parsed from `source`) on the tape and returns its node. Unnamed intermediate
// nodes are labelled with the source text they came from (label_of). Throws ExpressionError at the column
// of an unknown name or function, or a wrong number of arguments.
NodeId build(Tape& tape, const Expr& e, std::string_view source, const Scope& scope);

// Builds `e` as the node called `name`: the node is named and remembers its formula. An
// expression that is just a name or a number still gets a node of its own.
NodeId build_named(Tape& tape, const std::string& name, const Expr& e, std::string_view source,
                   const Scope& scope);

// The expression as formula pieces, with minimal parentheses and names as node references.
std::vector<FormulaRef> formula_of(const Expr& e, const Scope& scope);

// How deep user functions may call one another (f calls g calls h: 3).
constexpr int max_function_depth = 10;

// A user function `name(parameter) = body`, whose body may call the user functions `callees`
// (made before it, so it cannot call itself). Throws ExpressionError (a column of `body`) if the
// body uses another name than the parameter or an unknown function.
UserFunction make_user_function(const std::string& name, const std::string& parameter,
                                const std::string& body, std::vector<UserFunction> callees = {});

}  // namespace nntrace
