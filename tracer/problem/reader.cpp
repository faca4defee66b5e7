// toml++ → Problem. This file reads the tables and their values, checking only what a value
// must look like; checks.cpp and node_order.cpp check what the names mean.
//
// Besides the tables of the contract (reference/problem-format.md) a file may describe a layered
// network in one [network] table instead of writing every node (docs/network-shorthand.md):
//
//   [inputs]
//   i1 = 0.10
//   i2 = 0.20
//   t1 = 0.85
//   t2 = 0.30
//
//   [network]
//   inputs = ["i1", "i2"]          # names of [inputs]: the input layer, in order
//   targets = ["t1", "t2"]         # names of [inputs], one per output neuron; leave out: no loss
//   loss = "mse-half"              # ½Σ(t − o)² (the default); "mse-mean": (1/n)Σ(t − o)²; "sse": Σ(t − o)²
//   activation = "sigmoid"         # every layer's, unless the layer names its own
//   numbering = "by-destination"   # w1, w2, … into h1 first; "by-source": out of i1 first
//
//   [[network.layer]]              # the hidden layers in order, then the output layer
//   size = 2
//   weights = [0.05, 0.15, 0.10, 0.20]   # in the numbering's order: w1 … w4
//   bias = 0.35                    # one bias shared by the layer; biases = [a, b]: one per neuron
//
//   [[network.layer]]
//   size = 2
//   weights = [0.25, 0.35, 0.30, 0.40]   # w5 … w8
//   bias = 0.50
//
// Optional name patterns in [network] ({n} a number, {name} the neuron's name), with their
// defaults: weight_names = "w{n}", bias_names = "b{n}", hidden_names = "h{n}" (counted across the
// hidden layers), output_names = "o{n}", sum_names = "z_{name}", value_names = "{name}",
// error_names = "E_{name}" (each output's share of the loss, when there are several),
// loss_name = "L". A layer may set names = [...], activation and numbering for itself; the
// activation is sigmoid, relu, tanh, identity (no activation: the value is the sum) or a function
// of [functions]. [network] expands into the same [params] (every weight, then every bias) and
// [nodes] (layer by layer: every sum, then every value; then the errors and the loss) that the
// long form would write, before the usual checks; the loss node becomes [loss] node unless
// [loss] names one ([loss] may then give wrt alone). network_read.cpp reads the table,
// network_expand.cpp expands it, network_table.cpp shows the numbering in the record.
#include <algorithm>
#include <cmath>
#include <fstream>
#include <functional>
#include <limits>
#include <map>
#include <sstream>

#include <toml++/toml.h>

#include "core/compare.hpp"
#include "core/errors.hpp"
#include "core/source_text.hpp"
#include "problem/toml_nesting.hpp"
#include "problem/toml_order.hpp"
#include "problem/checks.hpp"
#include "problem/grading_read.hpp"
#include "problem/network_spec.hpp"
#include "problem/problem.hpp"
#include "problem/random_read.hpp"
#include "problem/suggest.hpp"

namespace nntrace {
namespace {

constexpr int max_decimals = 12;
constexpr long long max_rounds = 10000;  // a typo such as 1e9 rounds should not hang the tool

FilePosition begin_of(const toml::source_region& r) {
    return {static_cast<int>(r.begin.line), static_cast<int>(r.begin.column)};
}
FilePosition end_of(const toml::source_region& r) {
    return {static_cast<int>(r.end.line), static_cast<int>(r.end.column)};
}


std::string type_words(const toml::node& n) {
    switch (n.type()) {
        case toml::node_type::string: return "a string";
        case toml::node_type::integer: return "an integer";
        case toml::node_type::floating_point: return "a number";
        case toml::node_type::boolean: return "true/false";
        case toml::node_type::table: return "a table";
        case toml::node_type::array: return "an array";
        default: return "a date or time";
    }
}

class Reader {
public:
    Reader(std::string_view text, Problem& problem) : lines_(text), problem_(problem) {}

    void read(const toml::table& root) {
        const std::map<std::string, std::function<void(const toml::key&, const toml::node&)>> tables = {
            {"title", [this](auto&, auto& n) { read_title(n); }},
            {"decimals", [this](auto&, auto& n) { read_decimals(n); }},
            {"rounding", [this](auto&, auto& n) { read_rounding(n); }},
            {"functions", [this](auto& k, auto& n) { read_functions(k, n); }},
            {"inputs", [this](auto& k, auto& n) { problem_.inputs = read_numbers(k, n); }},
            {"params", [this](auto& k, auto& n) { problem_.params = read_numbers(k, n); }},
            {"nodes", [this](auto& k, auto& n) { read_nodes(k, n); }},
            {"loss", [this](auto& k, auto& n) { read_loss(k, n); }},
            {"train", [this](auto& k, auto& n) { read_train(k, n); }},
            {"answers", [this](auto& k, auto& n) { read_answers(k, n), answer_lines_ = lines_of(k, n); }},
            {"random", [this](auto& k, auto& n) { problem_.random = read_random(k, n, problem_, lines_); }},
            {"network", [this](auto& k, auto& n) { network_ = read_network(k, n, problem_); }},
            {"matrices", [this](auto& k, auto& n) { read_matrices(k, n); }},
            {"grading", [this](auto&, auto& n) { problem_.grading = read_grading(n, problem_); }},
        };
        has_network_ = root.contains("network");
        for (const auto& [key, node] : in_file_order(root)) {
            auto it = tables.find(std::string(key->str()));
            if (it == tables.end()) unknown(*key, *node, tables, "");
            it->second(*key, *node);
        }
        if (network_) expand_network(*network_, problem_);
        if (problem_.random) problem_.random->answer_lines = answer_lines_;
        // [loss] may leave out node only when [network] supplies its loss.
        if (loss_key_ && !problem_.loss) fail(*loss_key_, "[loss] needs node = \"the loss node's name\"");
    }

private:
    [[noreturn]] void fail(FilePosition at, const std::string& message) const { fail_at(problem_, at, message); }

    template <typename Known>
    [[noreturn]] void unknown(const toml::key& key, const toml::node& node, const Known& known,
                              const std::string& table) const {
        std::vector<std::string> names;
        for (const auto& k : known) names.push_back(k.first);
        const std::string name(key.str());
        std::string what = node.is_table() && table.empty() ? "unknown table [" + name + "]"
                                                             : "unknown key '" + name + "'";
        if (!table.empty()) what += " in [" + table + "]";
        if (auto guess = closest_name(name, names)) what += "; did you mean '" + *guess + "'?";
        else what += " (expected one of: " + join(names) + ")";
        fail(begin_of(key.source()), what);
    }

    static std::string join(const std::vector<std::string>& names) {
        std::string out;
        for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
        return out;
    }

    const toml::table& table_of(const toml::key& key, const toml::node& node) const {
        if (!node.is_table())
            fail(begin_of(node.source()), "'" + std::string(key.str()) + "' must be a table ([" +
                                              std::string(key.str()) + "]), not " + type_words(node));
        return *node.as_table();
    }

    SourceText string_of(const toml::node& node, const std::string& what) const {
        if (!node.is_string()) fail(begin_of(node.source()), what + " must be a string, not " + type_words(node));
        return lines_.locate_string(node.as_string()->get(), begin_of(node.source()));
    }

    double number_of(const toml::node& node, const std::string& what) const {
        double v = 0;
        if (node.is_integer()) v = static_cast<double>(node.as_integer()->get());
        else if (node.is_floating_point()) v = node.as_floating_point()->get();
        else fail(begin_of(node.source()), what + " must be a number, not " + type_words(node));
        if (!std::isfinite(v)) fail(begin_of(node.source()), what + " must be a finite number");
        return v;
    }

    long long integer_of(const toml::node& node, const std::string& what, long long lo, long long hi) const {
        if (!node.is_integer() || node.as_integer()->get() < lo || node.as_integer()->get() > hi)
            fail(begin_of(node.source()), what + " must be an integer from " + std::to_string(lo) + " to " +
                                              std::to_string(hi) + (node.is_integer() ? "" : ", not " + type_words(node)));
        return node.as_integer()->get();
    }

    std::vector<NameReference> names_of(const toml::node& node, const std::string& what) const {
        if (!node.is_array()) fail(begin_of(node.source()), what + " must be an array of names, like [\"w1\", \"w2\"]");
        std::vector<NameReference> out;
        for (const toml::node& element : *node.as_array())
            out.push_back({string_of(element, "each name in " + what).text, begin_of(element.source())});
        return out;
    }

    void read_title(const toml::node& node) {
        if (node.is_string()) {
            problem_.title_en = problem_.title_zh = node.as_string()->get();
            return;
        }
        if (!node.is_table())
            fail(begin_of(node.source()), "title must be a string or a table with zh and en, not " + type_words(node));
        const std::map<std::string, std::string*> languages = {{"en", &problem_.title_en}, {"zh", &problem_.title_zh}};
        for (const auto& [key, value] : in_file_order(*node.as_table())) {
            auto it = languages.find(std::string(key->str()));
            if (it == languages.end()) unknown(*key, *value, languages, "title");
            *it->second = string_of(*value, "title." + it->first).text;
        }
    }

    void read_decimals(const toml::node& node) {
        problem_.decimals = static_cast<int>(integer_of(node, "decimals", 0, max_decimals));
    }

    void read_rounding(const toml::node& node) {
        const std::string mode = string_of(node, "rounding").text;
        if (mode == "half-up") problem_.rounding = Rounding::half_up;
        else if (mode == "truncate") problem_.rounding = Rounding::truncate;
        else fail(begin_of(node.source()), "rounding must be \"half-up\" or \"truncate\", not \"" + mode + "\"");
    }

    void read_functions(const toml::key& key, const toml::node& node) {
        for (const auto& [name, body] : in_file_order(table_of(key, node)))
            problem_.functions.push_back({std::string(name->str()),
                                          string_of(*body, "the body of function " + std::string(name->str())),
                                          begin_of(name->source())});
    }

    std::vector<NamedNumber> read_numbers(const toml::key& key, const toml::node& node) const {
        std::vector<NamedNumber> out;
        for (const auto& [name, value] : in_file_order(table_of(key, node))) {
            const std::string n(name->str());
            out.push_back({n, number_of(*value, "the value of " + n), begin_of(name->source()),
                           begin_of(value->source())});
        }
        return out;
    }

    void read_nodes(const toml::key& key, const toml::node& node) {
        for (const auto& [name, value] : in_file_order(table_of(key, node))) {
            const std::string n(name->str());
            NodeDefinition def{n, string_of(*value, "node " + n + " (an expression)"), {}, begin_of(name->source())};
            try {
                def.expr = parse_expression(def.source.text);
            } catch (const ExpressionError& e) {
                fail(def.source.at(e.column()), "in node " + n + ": " + e.what());
            }
            problem_.nodes.push_back(std::move(def));
        }
    }

    void read_loss(const toml::key& key, const toml::node& node) {
        const std::map<std::string, int> known = {{"node", 0}, {"wrt", 1}};
        for (const auto& [k, value] : in_file_order(table_of(key, node))) {
            if (k->str() == "node") problem_.loss = NameReference{string_of(*value, "[loss] node").text, begin_of(value->source())};
            else if (k->str() == "wrt") problem_.wrt = names_of(*value, "[loss] wrt");
            else unknown(*k, *value, known, "loss");
        }
        if (!problem_.loss && !has_network_) fail(begin_of(key.source()), "[loss] needs node = \"the loss node's name\"");
        loss_key_ = begin_of(key.source());
    }

    void read_train(const toml::key& key, const toml::node& node) {
        const std::map<std::string, int> known = {{"rate", 0}, {"rounds", 1}, {"update", 2}};
        Training t;
        t.where = begin_of(key.source());
        bool has_rate = false;
        for (const auto& [k, value] : in_file_order(table_of(key, node))) {
            if (k->str() == "rate") t.rate = number_of(*value, "[train] rate"), has_rate = true;
            else if (k->str() == "rounds") t.rounds = static_cast<int>(integer_of(*value, "[train] rounds", 1, max_rounds));
            else if (k->str() == "update") t.update = names_of(*value, "[train] update");
            else unknown(*k, *value, known, "train");
        }
        if (!has_rate) fail(begin_of(key.source()), "[train] needs rate = a number (the learning rate)");
        problem_.train = std::move(t);
    }

    // `V = ["V0", "V1"]` (a vector: one row) or `W = [["W00", "W01"], ["W10", "W11"]]` (rows).
    void read_matrices(const toml::key& key, const toml::node& node) {
        for (const auto& [name, value] : in_file_order(table_of(key, node))) {
            const std::string n(name->str());
            const std::string what = "[matrices] " + n;
            const std::string shape = " must be an array of names like [\"V0\", \"V1\"] or of rows like [[\"W00\", \"W01\"], [\"W10\", \"W11\"]]";
            if (!value->is_array() || value->as_array()->empty()) fail(begin_of(value->source()), what + shape);
            MatrixGroup group{n, {}, begin_of(name->source())};
            const toml::array& rows = *value->as_array();
            if (rows.front().is_array()) {
                for (const toml::node& row : rows) {
                    if (!row.is_array() || row.as_array()->empty()) fail(begin_of(row.source()), what + shape);
                    group.rows.push_back(names_of(row, what));
                    if (group.rows.back().size() != group.rows.front().size())
                        fail(begin_of(row.source()), what + ": every row needs " + std::to_string(group.rows.front().size()) +
                                                         " names, as the first; this one has " +
                                                         std::to_string(group.rows.back().size()));
                }
            } else {
                group.rows.push_back(names_of(*value, what));
            }
            problem_.matrices.push_back(std::move(group));
        }
    }

    void read_answers(const toml::key& key, const toml::node& node) {
        for (const auto& [name, value] : in_file_order(table_of(key, node))) {
            const std::string n(name->str());
            std::string text;
            // A bare number is taken as written, so `yhat = 0.380` keeps its trailing zero.
            if (value->is_integer() || value->is_floating_point()) text = lines_.raw(begin_of(value->source()), end_of(value->source()));
            else if (value->is_string()) text = value->as_string()->get();
            if (!read_printed(text))
                fail(begin_of(value->source()), "the answer for " + n + " must be a number written as a string, like \"-0.410\"");
            problem_.answers.push_back({n, text, begin_of(name->source()), begin_of(value->source())});
        }
    }

    SourceLines lines_;
    Problem& problem_;
    bool has_network_ = false;
    std::optional<NetworkSpec> network_;
    std::optional<FilePosition> loss_key_;  // the [loss] header, for a loss without node
    std::optional<LineSpan> answer_lines_;  // where [answers] is, for a variant's own file
};

std::string stem_of(const std::string& file) { return std::filesystem::path(file).stem().string(); }

}  // namespace

Problem parse_problem(std::string_view toml, const std::string& file) {
    Problem problem;
    problem.file = file;
    problem.id = stem_of(file);
    check_toml_nesting(toml, file);
    {
        // toml++'s tree (a node per number: most of the memory of a file of 10⁶ weights) is gone
        // before the checks and the run.
        toml::table root;
        try {
            root = toml::parse(toml, std::string_view(file));
        } catch (const toml::parse_error& e) {
            const int line = static_cast<int>(e.source().begin.line), column = static_cast<int>(e.source().begin.column);
            throw InputError(file, line, column, with_key_as_written(std::string(e.description()), toml, line, column));
        }
        Reader(toml, problem).read(root);
    }
    if (problem.title_en.empty()) problem.title_en = problem.title_zh;
    if (problem.title_zh.empty()) problem.title_zh = problem.title_en;
    if (problem.title_en.empty()) problem.title_en = problem.title_zh = problem.id;
    check_problem(problem);
    if (problem.random) {
        problem.random->source = std::string(toml);
        check_random(problem);
    }
    return problem;
}

Problem read_problem(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw InputError(file.string(), 0, 0, "cannot open the problem file");
    std::ostringstream text;
    text << in.rdbuf();
    return parse_problem(text.str(), file.string());
}

}  // namespace nntrace
