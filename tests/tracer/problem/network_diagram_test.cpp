// The [network] drawn as neurons and weights: which edges it has, where each neuron stands, and
// that every number on it is a number of the record (a step or a gradient step).
#include <catch2/catch.hpp>

#include <map>
#include <set>

#include "support.hpp"

using namespace nntrace;

namespace {

Record run_file(const std::string& name, const RunOptions& options = {}) {
    return run_problem(read_problem(test::data_file(name)), options);
}

// The network drawing of `section`, or nullptr.
const NetworkDiagram* network_in(const Record& r, const std::string& section) {
    for (const auto& s : r.sections)
        if (s.key == section)
            for (const auto& item : s.items)
                if (const auto* n = std::get_if<NetworkDiagram>(&item)) return n;
    return nullptr;
}

const NetworkDiagram& network(const Record& r, const std::string& section) {
    const NetworkDiagram* n = network_in(r, section);
    if (!n) FAIL("no network drawing in section " << section);
    return *n;
}

std::map<std::string, const NetworkNeuron*> neurons_by_id(const NetworkDiagram& d) {
    std::map<std::string, const NetworkNeuron*> out;
    for (const auto& n : d.neurons) out[n.id] = &n;
    return out;
}

std::string cell_text(const Cell& c) { return c.words && !c.words->args.empty() ? c.words->args[0].text : ""; }

// The number the record holds under `key`; fails the test when it holds none.
double recorded(const Record& r, const std::string& key) {
    const auto n = r.find(key);
    INFO("record key " << key);
    REQUIRE(n);
    return n->hand;
}

}  // namespace

TEST_CASE("Network diagram: a [network] problem is drawn after the forward and after the backward pass", "[problem][network][diagram]") {
    const Record r = run_file("net-222-network.toml");
    const NetworkDiagram& forward = network(r, "forward");
    const NetworkDiagram& backward = network(r, "backward");
    CHECK(forward.key == "forward-network");
    CHECK_FALSE(forward.backward);
    CHECK(forward.title.id == "problem.diagram.network_forward");
    CHECK(backward.key == "backward-network");
    CHECK(backward.backward);
    CHECK(backward.title.id == "problem.diagram.network_backward");
}

TEST_CASE("Network diagram: a network written node by node has no neuron drawing", "[problem][network][diagram]") {
    const Record r = run_file("net-222-long.toml");
    for (const auto& s : r.sections)
        for (const auto& item : s.items) CHECK_FALSE(std::holds_alternative<NetworkDiagram>(item));
}

TEST_CASE("Network diagram: one arrow per weight, between the neurons the numbering table names", "[problem][network][diagram]") {
    const Record r = run_file("exercise-7-network.toml");
    const NetworkDiagram& d = network(r, "forward");
    const Table* t = r.find_table("network-numbering");
    REQUIRE(t);
    std::map<std::string, std::pair<std::string, std::string>> table;  // weight → from, to
    for (const auto& row : t->rows)
        if (row[1].words && row[1].words->id == "network.name") table[cell_text(row[0])] = {cell_text(row[1]), cell_text(row[2])};
    const auto neurons = neurons_by_id(d);
    REQUIRE(d.weights.size() == table.size());
    REQUIRE(d.weights.size() == 10);  // w1 … w10
    for (const auto& w : d.weights) {
        INFO(w.name);
        REQUIRE(table.count(w.name));
        REQUIRE(neurons.count(w.from));
        REQUIRE(neurons.count(w.to));
        CHECK(neurons.at(w.from)->name == table.at(w.name).first);
        CHECK(neurons.at(w.to)->name == table.at(w.name).second);
    }
}

TEST_CASE("Network diagram: neurons stand in layers, inputs first, in the order of the numbering", "[problem][network][diagram]") {
    const Record r = run_file("exercise-7-network.toml");
    const NetworkDiagram& d = network(r, "forward");
    std::vector<std::pair<std::string, int>> placed;
    for (const auto& n : d.neurons) placed.emplace_back(n.name, n.layer);
    CHECK(placed == std::vector<std::pair<std::string, int>>{
                        {"x1", 0}, {"x2", 0}, {"h1", 1}, {"h2", 1}, {"h3", 1}, {"h4", 2}, {"yhat", 3}});
}

TEST_CASE("Network diagram: each neuron shows the sum and value nodes the shorthand made for it", "[problem][network][diagram]") {
    const Record net222 = run_file("net-222-network.toml");
    const auto neurons = neurons_by_id(network(net222, "forward"));
    REQUIRE(neurons.count("neuron_h1"));
    CHECK(neurons.at("neuron_h1")->sum_name == "l_h1");
    CHECK(neurons.at("neuron_h1")->value_name == "out_h1");
    CHECK(neurons.at("neuron_i2")->sum_name.empty());  // an input is its own value
    CHECK(neurons.at("neuron_i2")->value_name == "i2");
    // Without an activation the sum node holds the value: yhat = w10*h4.
    const Record exercise7 = run_file("exercise-7-network.toml");
    const auto ex7 = neurons_by_id(network(exercise7, "forward"));
    CHECK(ex7.at("neuron_yhat")->value_name == "yhat");
    CHECK(ex7.at("neuron_yhat")->sum_name.empty());
    CHECK(ex7.at("neuron_h2")->sum_name == "z2");
}

TEST_CASE("Network diagram: a shared bias feeds its whole layer from the column before it", "[problem][network][diagram]") {
    const Record r = run_file("net-222-network.toml");
    const NetworkDiagram& d = network(r, "forward");
    REQUIRE(d.biases.size() == 2);
    CHECK(d.biases[0].name == "b1");
    CHECK(d.biases[0].to == std::vector<std::string>{"neuron_h1", "neuron_h2"});
    CHECK(d.biases[0].layer == 0);
    CHECK(d.biases[1].to == std::vector<std::string>{"neuron_o1", "neuron_o2"});
    CHECK(d.biases[1].layer == 1);
}

// Every number drawn is a number the record shows elsewhere: at 3 decimals (the hand values) and
// exactly, so that a drawing can never disagree with the steps.
TEST_CASE("Network diagram: values and weights are the record's forward steps", "[problem][network][diagram]") {
    for (const char* file : {"net-222-network.toml", "exercise-7-network.toml"}) {
        INFO(file);
        const Record r = run_file(file);
        const NetworkDiagram& d = network(r, "forward");
        for (const auto& n : d.neurons) {
            CHECK(n.value.hand == recorded(r, n.value_name));
            if (n.sum) CHECK(n.sum->hand == recorded(r, n.sum_name));
            CHECK_FALSE(n.value_gradient);
        }
        for (const auto& w : d.weights) CHECK(w.value.hand == recorded(r, w.name));
        for (const auto& b : d.biases) CHECK(b.value.hand == recorded(r, b.name));
        REQUIRE(d.loss_value);
        CHECK(d.loss_value->hand == recorded(r, d.loss));
    }
}

TEST_CASE("Network diagram: gradients are the record's gradient steps", "[problem][network][diagram]") {
    for (const char* file : {"net-222-network.toml", "exercise-7-network.toml"}) {
        INFO(file);
        const Record r = run_file(file);
        const NetworkDiagram& d = network(r, "backward");
        const std::string of = "d" + d.loss + "/d";
        for (const auto& w : d.weights) {
            REQUIRE(w.gradient);
            CHECK(w.gradient->hand == recorded(r, of + w.name));
        }
        for (const auto& b : d.biases) {
            REQUIRE(b.gradient);
            CHECK(b.gradient->hand == recorded(r, of + b.name));
        }
        for (const auto& n : d.neurons) {
            REQUIRE(n.value_gradient);
            CHECK(n.value_gradient->hand == recorded(r, of + n.value_name));
            CHECK(n.sum_gradient.has_value() == n.sum.has_value());
            if (n.sum_gradient) CHECK(n.sum_gradient->hand == recorded(r, of + n.sum_name));
        }
    }
}

TEST_CASE("Network diagram: --set values reach the drawing", "[problem][network][diagram]") {
    RunOptions options;
    options.sets = {{"w5", "0.9"}};
    const Record r = run_file("net-222-network.toml", options);
    const NetworkDiagram& d = network(r, "forward");
    bool found = false;
    for (const auto& w : d.weights) {
        if (w.name != "w5") continue;
        found = true;
        CHECK(w.value.hand == 0.9);
    }
    CHECK(found);
}

TEST_CASE("Network diagram: a network without targets is drawn after the forward pass only", "[problem][network][diagram]") {
    const Record r = run_problem(parse_problem("[inputs]\nx1 = 1\nx2 = 2\n[network]\ninputs = [\"x1\", \"x2\"]\n"
                                               "activation = \"relu\"\n[[network.layer]]\nsize = 1\nweights = [0.5, -1]\n",
                                               "f.toml"),
                                 {});
    const NetworkDiagram& d = network(r, "forward");
    CHECK(d.loss.empty());
    CHECK_FALSE(d.loss_value);
    CHECK(network_in(r, "backward") == nullptr);
    REQUIRE(d.neurons.size() == 3);
    CHECK(d.neurons[2].value.hand == recorded(r, "o1"));  // relu(0.5·1 − 1·2) = 0
}
