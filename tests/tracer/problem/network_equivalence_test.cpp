// The [network] shorthand expands into the very problem its long form writes: the same values,
// gradients, chain-rule lines and updates, step for step.
#include <catch2/catch.hpp>

#include "network_support.hpp"
#include "support.hpp"

using namespace nntrace;
namespace test = nntrace::test;

namespace {

Record run_file(const std::filesystem::path& file, RunOptions options = {}) {
    return run_problem(read_problem(file), options);
}

void check_same(const Record& shorthand, const Record& long_form) {
    const auto a = test::figures(shorthand), b = test::figures(long_form);
    REQUIRE(a.size() == b.size());
    for (const auto& [key, figure] : b) {
        INFO(key);
        REQUIRE(a.count(key));
        CHECK(a.at(key).formula == figure.formula);
        CHECK(a.at(key).hand == figure.hand);
        CHECK(a.at(key).exact == figure.exact);
    }
}

std::vector<std::string> names(const std::vector<NamedNumber>& values) {
    std::vector<std::string> out;
    for (const auto& v : values) out.push_back(v.name);
    return out;
}

std::vector<std::string> names(const std::vector<NodeDefinition>& nodes) {
    std::vector<std::string> out;
    for (const auto& n : nodes) out.push_back(n.name + " = " + n.source.text);
    return out;
}

}  // namespace

TEST_CASE("Network shorthand: the homework expands into the nodes of examples/exercise-7.toml", "[problem][network]") {
    const Problem a = read_problem(test::data_file("exercise-7-network.toml"));
    const Problem b = read_problem(test::example_file("exercise-7.toml"));
    CHECK(names(a.params) == names(b.params));
    CHECK(names(a.inputs) == names(b.inputs));
    CHECK(names(a.nodes) == names(b.nodes));
    REQUIRE(a.loss);
    CHECK(a.loss->name == "L");
}

TEST_CASE("Network shorthand: the homework by hand at 3 decimals, both ways, step for step", "[problem][network]") {
    check_same(run_file(test::data_file("exercise-7-network.toml")), run_file(test::example_file("exercise-7.toml")));
}

TEST_CASE("Network shorthand: the homework in exact arithmetic, both ways", "[problem][network]") {
    RunOptions exact;
    exact.arithmetic = Arithmetic::exact();
    check_same(run_file(test::data_file("exercise-7-network.toml"), exact),
               run_file(test::example_file("exercise-7.toml"), exact));
}

TEST_CASE("Network shorthand: the 2-2-2 network expands into the nodes the source writes", "[problem][network]") {
    const Problem a = read_problem(test::data_file("net-222-network.toml"));
    const Problem b = read_problem(test::data_file("net-222-long.toml"));
    CHECK(names(a.params) == names(b.params));
    CHECK(names(a.nodes) == names(b.nodes));
}

TEST_CASE("Network shorthand: the 2-2-2 network with ten rounds of training, both ways", "[problem][network]") {
    check_same(run_file(test::data_file("net-222-network.toml")), run_file(test::data_file("net-222-long.toml")));
}

TEST_CASE("Network shorthand: a --set of a generated weight acts as in the long form", "[problem][network]") {
    RunOptions options;
    options.sets = {{"w5", "0.3"}, {"t2", "0.1"}};
    check_same(run_file(test::data_file("net-222-network.toml"), options),
               run_file(test::data_file("net-222-long.toml"), options));
}

namespace {

// Whether two expressions are the same tree: kinds, operators, names and numbers, columns.
bool same_tree(const Expr& a, const Expr& b) {
    if (a.kind != b.kind || a.op != b.op || a.text != b.text || a.number != b.number || a.begin != b.begin ||
        a.end != b.end || a.args.size() != b.args.size())
        return false;
    for (std::size_t i = 0; i < a.args.size(); ++i)
        if (!same_tree(a.args[i], b.args[i])) return false;
    return true;
}

void check_nodes_parse_as_built(const Problem& p) {
    REQUIRE_FALSE(p.nodes.empty());
    for (const NodeDefinition& node : p.nodes) {
        INFO(node.name << " = " << node.source.text);
        CHECK(same_tree(node.expr, parse_expression(node.source.text)));
    }
}

}  // namespace

// The expander builds each sum's expression beside its text instead of parsing the text back;
// what it builds must be what the parser would make of that text, columns included (labels and
// messages are cut from the text by them).
TEST_CASE("Network shorthand: every expanded node is the expression its text parses to", "[problem][network]") {
    check_nodes_parse_as_built(read_problem(test::data_file("exercise-7-network.toml")));  // identity output
    check_nodes_parse_as_built(read_problem(test::data_file("net-222-network.toml")));     // shared biases
}
