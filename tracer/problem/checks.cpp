#include "checks.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <unordered_set>

#include "core/builder.hpp"
#include "core/errors.hpp"
#include "core/name_map.hpp"
#include "problem/suggest.hpp"

namespace nntrace {
namespace {

// A name defined by one of the tables, for duplicate checks and messages. It points into the
// problem: checking a million names copies none.
struct Definition {
    std::string_view name;
    const char* table;
    FilePosition key;
};

std::vector<Definition> value_definitions(const Problem& p) {
    std::vector<Definition> out;
    out.reserve(p.inputs.size() + p.params.size() + p.nodes.size());
    for (const auto& i : p.inputs) out.push_back({i.name, "inputs", i.key});
    for (const auto& q : p.params) out.push_back({q.name, "params", q.key});
    for (const auto& n : p.nodes) out.push_back({n.name, "nodes", n.key});
    // Report the later of two definitions, as a reader meets them in the file.
    std::stable_sort(out.begin(), out.end(), [](const Definition& a, const Definition& b) {
        return a.key.line != b.key.line ? a.key.line < b.key.line : a.key.column < b.key.column;
    });
    return out;
}

std::set<std::string> names_of_kind(const std::vector<NamedNumber>& values) {
    std::set<std::string> out;
    for (const auto& v : values) out.insert(v.name);
    return out;
}

std::string with_suggestion(const std::string& message, const std::string& name, const std::vector<std::string>& known) {
    if (auto guess = closest_name(name, known)) return message + "; did you mean '" + *guess + "'?";
    return message;
}

// Every input, param and node by name, each defined once: what check_names builds and
// check_expressions reads (one table of a million names, not two). Its views point into the
// problem: valid until the nodes are reordered.
using DefinedValues = NameMap<std::string_view, Definition>;

// Where a node's expression names something that is neither a value nor a function. Built once
// for all the nodes: one hash lookup per name used.
class ExpressionChecker {
public:
    ExpressionChecker(const Problem& p, const DefinedValues& values) : problem_(p), values_(values) {
        for (const auto& f : p.functions) functions_.insert(f.name);
    }

    // Every part of the node's expression, in reading order, without recursion (a chain of
    // terms is as deep as it is long).
    void check(const NodeDefinition& node) const {
        for_each_part(node.expr, [&](const Expr& e) {
            if (e.kind == Expr::Kind::name) check_name(node, e);
            if (e.kind == Expr::Kind::call) check_call(node, e);
        });
    }

private:
    void check_name(const NodeDefinition& node, const Expr& e) const {
        if (values_.count(e.text)) return;
        if (functions_.count(e.text) || is_builtin_function(e.text))
            fail(node, e, "'" + e.text + "' is a function; call it as " + e.text + "(...)");
        std::vector<std::string> known;
        for (const auto& i : problem_.inputs) known.push_back(i.name);
        for (const auto& q : problem_.params) known.push_back(q.name);
        for (const auto& n : problem_.nodes) known.push_back(n.name);
        fail(node, e, with_suggestion("unknown name '" + e.text + "'", e.text, known));
    }

    void check_call(const NodeDefinition& node, const Expr& e) const {
        const bool user = functions_.count(e.text) > 0;
        if (!user && !is_builtin_function(e.text)) {
            std::vector<std::string> known(functions_.begin(), functions_.end());
            fail(node, e, with_suggestion("unknown function '" + e.text + "'", e.text, known));
        }
        const std::size_t most = !user && e.text == "leaky_relu" ? 2 : 1;  // leaky_relu(z, slope)
        if (e.args.size() > most)
            fail(node, e, e.text + "() takes " + (most == 1 ? "one argument" : "one or two arguments") + ", not " +
                              std::to_string(e.args.size()));
    }

    [[noreturn]] void fail(const NodeDefinition& node, const Expr& at, const std::string& message) const {
        fail_at(problem_, node.source.at(at.begin), "in node " + node.name + ": " + message);
    }

    const Problem& problem_;
    const DefinedValues& values_;
    std::set<std::string> functions_;
};

// The names of the inputs and of the params, looked up by view: a `wrt` list of a million
// weights is checked without copying a name.
struct LeafNames {
    std::unordered_set<std::string_view> inputs, params;
    explicit LeafNames(const Problem& p) {
        inputs.reserve(p.inputs.size());
        params.reserve(p.params.size());
        for (const auto& i : p.inputs) inputs.insert(i.name);
        for (const auto& q : p.params) params.insert(q.name);
    }
};

// A `wrt` or `update` list: every name a param or input, none twice.
void check_leaf_names(const Problem& p, const LeafNames& leaves, const std::vector<NameReference>& names,
                      const std::string& list) {
    std::unordered_set<std::string_view> seen;
    seen.reserve(names.size());
    for (const auto& ref : names) {
        if (!leaves.params.count(ref.name) && !leaves.inputs.count(ref.name)) {
            // The suggestion's candidates in a fixed order: params, then inputs, each sorted.
            std::vector<std::string> known, inputs;
            for (const auto& q : p.params) known.push_back(q.name);
            for (const auto& i : p.inputs) inputs.push_back(i.name);
            std::sort(known.begin(), known.end());
            std::sort(inputs.begin(), inputs.end());
            known.insert(known.end(), inputs.begin(), inputs.end());
            fail_at(p, ref.where, with_suggestion(list + " names '" + ref.name + "', which is not a param or an input",
                                                  ref.name, known));
        }
        if (!seen.insert(ref.name).second) fail_at(p, ref.where, list + " names '" + ref.name + "' twice");
    }
}

// [matrices]: each a fresh valid name, its entries params or inputs, none twice.
void check_matrices(const Problem& p, const LeafNames& leaves) {
    std::set<std::string> defined, groups;
    for (const Definition& d : value_definitions(p)) defined.emplace(d.name);
    for (const MatrixGroup& g : p.matrices) {
        if (!is_valid_name(g.name))
            fail_at(p, g.key, "'" + g.name + "' is not a valid name for a matrix: ASCII letters, digits and _");
        if (defined.count(g.name) || !groups.insert(g.name).second)
            fail_at(p, g.key, "[matrices] " + g.name + ": the name is already taken; a matrix needs a name of its own");
        std::vector<NameReference> entries;
        for (const auto& row : g.rows) entries.insert(entries.end(), row.begin(), row.end());
        check_leaf_names(p, leaves, entries, "[matrices] " + g.name);
    }
}

}  // namespace

void fail_at(const Problem& problem, FilePosition at, const std::string& message) {
    throw InputError(problem.file, at.line, at.column, message);
}

bool is_valid_name(std::string_view name) {
    if (name.empty() || std::isdigit(static_cast<unsigned char>(name[0]))) return false;
    return std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    });
}

namespace {

DefinedValues defined_values(const Problem& p) {
    const std::string rule = ": a name uses ASCII letters, digits and _, and does not start with a digit";
    std::set<std::string, std::less<>> functions;
    for (const auto& f : p.functions) {
        if (!is_valid_name(f.name)) fail_at(p, f.key, "'" + f.name + "' is not a valid function name" + rule);
        if (is_builtin_function(f.name)) fail_at(p, f.key, "'" + f.name + "' is already a built-in function; choose another name");
        functions.insert(f.name);
    }
    DefinedValues seen;
    const std::vector<Definition> definitions = value_definitions(p);
    seen.reserve(definitions.size());
    for (const Definition& d : definitions) {
        const auto quoted = [&d] { return "'" + std::string(d.name) + "'"; };
        if (!is_valid_name(d.name)) fail_at(p, d.key, quoted() + " is not a valid name" + rule);
        if (is_builtin_function(d.name) || functions.count(d.name))
            fail_at(p, d.key, quoted() + " is the name of a function; choose another name");
        if (const auto [it, fresh] = seen.emplace(d.name, d); !fresh)
            fail_at(p, d.key, quoted() + " is already defined in [" + it->table + "] at line " +
                                  std::to_string(it->key.line));
    }
    return seen;
}

void check_expressions(const Problem& p, const DefinedValues& values) {
    make_user_functions(p);
    const ExpressionChecker checker(p, values);
    for (const auto& n : p.nodes) checker.check(n);
}

}  // namespace

void check_problem(Problem& problem) {
    {
        const DefinedValues values = defined_values(problem);
        check_expressions(problem, values);
    }  // before the nodes move: the table's views point into them
    order_nodes(problem);
    check_references(problem);
}

void check_names(const Problem& p) { defined_values(p); }

void check_expressions(const Problem& p) { check_expressions(p, defined_values(p)); }

void check_references(Problem& p) {
    // Only a list the file writes needs checking: the defaults are every param once.
    std::optional<LeafNames> leaves;
    const auto leaf_names = [&]() -> const LeafNames& {
        if (!leaves) leaves.emplace(p);
        return *leaves;
    };
    if (!p.matrices.empty()) check_matrices(p, leaf_names());
    if (p.train && !p.loss) fail_at(p, p.train->where, "[train] needs a [loss] table naming the node to minimise");
    if (!p.loss) return;
    const auto is_node = [&](const std::string& name) {
        return std::any_of(p.nodes.begin(), p.nodes.end(), [&](const NodeDefinition& n) { return n.name == name; });
    };
    if (!is_node(p.loss->name)) {
        std::vector<std::string> nodes;
        for (const auto& n : p.nodes) nodes.push_back(n.name);
        const auto inputs = names_of_kind(p.inputs);
        const auto params = names_of_kind(p.params);
        std::string what = inputs.count(p.loss->name)   ? "'" + p.loss->name + "' is an input, not a node"
                           : params.count(p.loss->name) ? "'" + p.loss->name + "' is a param, not a node"
                                                        : with_suggestion("there is no node named '" + p.loss->name + "'",
                                                                          p.loss->name, nodes);
        fail_at(p, p.loss->where, "[loss] node: " + what);
    }
    const bool wrt_written = !p.wrt.empty();
    if (wrt_written) {
        check_leaf_names(p, leaf_names(), p.wrt, "[loss] wrt");
    } else {
        p.wrt.reserve(p.params.size());
        for (const auto& q : p.params) p.wrt.push_back({q.name, q.key});
    }
    if (!p.train) return;
    if (p.train->update.empty()) {
        // By default the params among wrt are updated; inputs are data, which training never changes.
        if (!wrt_written) {
            p.train->update = p.wrt;  // every param, checked already
            return;
        }
        for (const auto& w : p.wrt)
            if (!leaf_names().inputs.count(w.name)) p.train->update.push_back(w);
    }
    check_leaf_names(p, leaf_names(), p.train->update, "[train] update");
    for (const auto& ref : p.train->update)
        if (leaf_names().inputs.count(ref.name))
            fail_at(p, ref.where, "[train] update names '" + ref.name +
                                      "', which is an input: inputs are data, and training updates params only");
}

}  // namespace nntrace
