// A run too big to show node by node: a 60-50-10 sigmoid network (3,510 parameters, over 10,000
// nodes), written with the [network] shorthand. Its record summarises the graph by layer and
// says so, and every value and gradient can still be found by name.
#include <catch2/catch.hpp>

#include <cmath>
#include <iomanip>
#include <sstream>

#include "problem/large_graph.hpp"
#include "problem/problem.hpp"

using namespace nntrace;

namespace {

// Weights from a fixed formula (no generator whose output could change between libraries).
double weight(std::size_t k) { return 0.05 * std::sin(0.7 * static_cast<double>(k) + 1.0); }

std::string big_network(bool train) {
    std::ostringstream out;
    out << std::setprecision(17) << "[inputs]\n";
    for (int i = 1; i <= 60; ++i) out << "x" << i << " = " << 0.01 * i << "\n";
    for (int j = 1; j <= 10; ++j) out << "t" << j << " = " << (j == 3 ? 1 : 0) << "\n";
    out << "[network]\ninputs = [";
    for (int i = 1; i <= 60; ++i) out << (i > 1 ? ", " : "") << "\"x" << i << "\"";
    out << "]\ntargets = [";
    for (int j = 1; j <= 10; ++j) out << (j > 1 ? ", " : "") << "\"t" << j << "\"";
    out << "]\nloss = \"mse-half\"\nactivation = \"sigmoid\"\nloss_name = \"E\"\nvalue_names = \"out_{name}\"\n";
    std::size_t k = 0;
    for (const auto& [size, fan_in] : {std::pair{50, 60}, std::pair{10, 50}}) {
        out << "[[network.layer]]\nsize = " << size << "\nweights = [";
        for (int w = 0; w < size * fan_in; ++w) out << (w > 0 ? ", " : "") << weight(k++);
        out << "]\nbias = 0.1\n";
    }
    if (train) out << "[train]\nrate = 0.5\nrounds = 3\n";
    return out.str();
}

const Section* section(const Record& r, const std::string& key) {
    for (const auto& s : r.sections)
        if (s.key == key) return &s;
    return nullptr;
}

bool has_note(const Section& s, const std::string& key) {
    for (const auto& item : s.items)
        if (const auto* n = std::get_if<Note>(&item); n && n->key == key) return true;
    return false;
}

}  // namespace

TEST_CASE("Large graph: the record summarises instead of listing every node, and says so", "[problem][large]") {
    const Record r = run_problem(parse_problem(big_network(false), "big.toml"), {});
    REQUIRE(section(r, "summary"));
    CHECK(has_note(*section(r, "summary"), "summarised"));
    CHECK_FALSE(section(r, "forward"));
    CHECK_FALSE(section(r, "backward"));
    std::size_t steps = 0;
    for (const auto& s : r.sections)
        for (const auto& item : s.items) steps += std::holds_alternative<Step>(item) ? 1 : 0;
    CHECK(steps < 50);
}

TEST_CASE("Large graph: the layer table has the hidden and the output layer's steps", "[problem][large]") {
    const Record r = run_problem(parse_problem(big_network(false), "big.toml"), {});
    const Table* layers = r.find_table("layers");
    REQUIRE(layers);
    // Each neuron is two steps (its sum and its value): 100 for the hidden layer, 20 for the outputs.
    std::vector<double> steps;
    for (const auto& row : layers->rows) steps.push_back(row[1].number->exact);
    CHECK(std::count(steps.begin(), steps.end(), 50.0) == 2);
    CHECK(std::count(steps.begin(), steps.end(), 10.0) >= 2);
}

TEST_CASE("Large graph: each layer's largest gradients are the largest of that layer", "[problem][large]") {
    const Record r = run_problem(parse_problem(big_network(false), "big.toml"), {});
    const Table* largest = r.find_table("largest-gradients");
    REQUIRE(largest);
    REQUIRE(largest->rows.size() == 2 * largest_per_layer);
    // Sorted by size within a layer, and no parameter of the output layer has a larger one.
    const double top_out = std::fabs(largest->rows[largest_per_layer].at(3).number->exact);
    CHECK(std::fabs(largest->rows[largest_per_layer + 1].at(3).number->exact) <= top_out);
    for (std::size_t w = 3001; w <= 3500; ++w) {
        const auto g = r.find("dE/dw" + std::to_string(w));
        REQUIRE(g);
        CHECK(std::fabs(g->exact) <= top_out);
    }
}

TEST_CASE("Large graph: every value and gradient can still be found by name", "[problem][large]") {
    const Record r = run_problem(parse_problem(big_network(false), "big.toml"), {});
    const auto w1 = r.find("w1");
    REQUIRE(w1);
    CHECK(w1->exact == weight(0));
    CHECK(r.find("dE/dw1"));
    CHECK(r.find("out_o3"));
    CHECK_FALSE(r.find("w99999"));
}

TEST_CASE("Large graph: training keeps its loss table and plot, not its rounds' steps", "[problem][large][train]") {
    const Record r = run_problem(parse_problem(big_network(true), "big.toml"), {});
    const Table* losses = r.find_table("losses");
    REQUIRE(losses);
    CHECK(losses->rows.size() == 4);
    CHECK(losses->rows[3][1].number->exact < losses->rows[0][1].number->exact);  // the loss went down
    CHECK_FALSE(section(r, "round-1"));
    // Nothing of the rounds is written out, yet every pass's numbers are found by key.
    const auto w1_final = r.find("w1@4");
    REQUIRE(w1_final);
    CHECK(w1_final->exact == r.find("w1@3+")->exact);  // the final pass reads the last update
    CHECK(r.find("dE/dw1@2"));
}

TEST_CASE("Large graph: the header does not list thousands of parameters", "[problem][large]") {
    const Record r = run_problem(parse_problem(big_network(true), "big.toml"), {});
    CHECK(r.parameters.size() == 2);  // rate and rounds
    CHECK(r.parameters.count("rate"));
    CHECK(r.find("x60"));  // an input, still found by name
}

namespace {

const Step* step_in(const Section& s, const std::string& name) {
    for (const auto& item : s.items)
        if (const auto* st = std::get_if<Step>(&item); st && st->name == name) return st;
    return nullptr;
}

}  // namespace

TEST_CASE("Large graph: the summary's loss step keeps its formula", "[problem][large]") {
    // The graph is built without the labels and formulas of its other nodes (a million-weight
    // network would spend more on them than on its numbers); the one step shown keeps its own.
    const Record r = run_problem(parse_problem(big_network(false), "big.toml"), {});
    REQUIRE(section(r, "summary"));
    const Step* loss = step_in(*section(r, "summary"), "E");
    REQUIRE(loss);
    CHECK(loss->formula.size() > 3);
}

TEST_CASE("Large graph: a network too big to draw keeps no drawing links", "[problem][large]") {
    // 3,500 weights, each a node and a product: more than a page shows, so the network is
    // summarised and never drawn; a small network keeps one link per weight and bias for its drawing.
    CHECK(parse_problem(big_network(false), "big.toml").network_links.empty());
    const std::string small = "[inputs]\nx1 = 1\nx2 = 0.5\nt = 1\n[network]\ninputs = [\"x1\", \"x2\"]\ntargets = [\"t\"]\n"
                              "activation = \"sigmoid\"\n[[network.layer]]\nsize = 1\nweights = [0.1, 0.2]\nbias = 0.3\n";
    CHECK(parse_problem(small, "small.toml").network_links.size() == 3);
}
