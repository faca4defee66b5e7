// How the [network] shorthand names and numbers what it generates: weights by source or by
// destination, shared, separate or no biases, the loss, and the table that shows the numbering.
#include <catch2/catch.hpp>

#include <map>

#include "support.hpp"

using namespace nntrace;

namespace {

// Two inputs, one layer of two neurons; each test adds its own lines to the layer.
std::string net(const std::string& network_lines, const std::string& layer_lines) {
    return "[inputs]\nx1 = 1\nx2 = 2\nt1 = 0\nt2 = 1\n[network]\ninputs = [\"x1\", \"x2\"]\n" + network_lines +
           "\n[[network.layer]]\nsize = 2\nweights = [0.1, 0.2, 0.3, 0.4]\n" + layer_lines + "\n";
}

std::map<std::string, std::string> nodes(const Problem& p) {
    std::map<std::string, std::string> out;
    for (const auto& n : p.nodes) out[n.name] = n.source.text;
    return out;
}

std::map<std::string, double> params(const Problem& p) {
    std::map<std::string, double> out;
    for (const auto& q : p.params) out[q.name] = q.value;
    return out;
}

const Table& numbering_table(const Record& r) {
    const Table* t = r.find_table("network-numbering");
    if (!t) FAIL("no numbering table");
    return *t;
}

std::string words(const Cell& c) { return c.words && !c.words->args.empty() ? c.words->args[0].text : ""; }

}  // namespace

TEST_CASE("Network numbering: by destination, w1 and w2 go into the first neuron", "[problem][network]") {
    const Problem p = parse_problem(net("activation = \"identity\"\nnumbering = \"by-destination\"", ""), "n.toml");
    CHECK(nodes(p).at("o1") == "w1*x1 + w2*x2");
    CHECK(nodes(p).at("o2") == "w3*x1 + w4*x2");
    CHECK(params(p).at("w2") == 0.2);
}

TEST_CASE("Network numbering: by source, w1 and w2 come out of the first input", "[problem][network]") {
    const Problem p = parse_problem(net("activation = \"identity\"\nnumbering = \"by-source\"", ""), "n.toml");
    CHECK(nodes(p).at("o1") == "w1*x1 + w3*x2");
    CHECK(nodes(p).at("o2") == "w2*x1 + w4*x2");
    CHECK(params(p).at("w3") == 0.3);  // the third value given is the third weight, x2 → o1
}

TEST_CASE("Network numbering: by destination is the default", "[problem][network]") {
    const Problem p = parse_problem(net("activation = \"identity\"", ""), "n.toml");
    CHECK(nodes(p).at("o1") == "w1*x1 + w2*x2");
}

TEST_CASE("Network numbering: a layer may number its own weights differently", "[problem][network]") {
    const std::string text = net("activation = \"relu\"\nnumbering = \"by-source\"", "") +
                             "[[network.layer]]\nsize = 2\nnumbering = \"by-destination\"\nweights = [1, 2, 3, 4]\n";
    const Problem p = parse_problem(text, "n.toml");
    CHECK(nodes(p).at("z_h1") == "w1*x1 + w3*x2");
    CHECK(nodes(p).at("o1") == "relu(z_o1)");
    CHECK(nodes(p).at("z_o1") == "w5*h1 + w6*h2");
    CHECK(nodes(p).at("z_o2") == "w7*h1 + w8*h2");
    REQUIRE(p.network_numbering.size() == 2);
    CHECK(p.network_numbering[0] == WeightNumbering::by_source);
    CHECK(p.network_numbering[1] == WeightNumbering::by_destination);
}

TEST_CASE("Network numbering: a shared bias is one param added to every neuron of the layer", "[problem][network]") {
    const Problem p = parse_problem(net("activation = \"sigmoid\"", "bias = 0.5"), "n.toml");
    CHECK(nodes(p).at("z_o1") == "w1*x1 + w2*x2 + b1");
    CHECK(nodes(p).at("z_o2") == "w3*x1 + w4*x2 + b1");
    CHECK(params(p).at("b1") == 0.5);
    CHECK_FALSE(params(p).count("b2"));
}

TEST_CASE("Network numbering: separate biases are one param per neuron, numbered after the weights", "[problem][network]") {
    const Problem p = parse_problem(net("activation = \"sigmoid\"", "biases = [0.5, -0.5]"), "n.toml");
    CHECK(nodes(p).at("z_o1") == "w1*x1 + w2*x2 + b1");
    CHECK(nodes(p).at("z_o2") == "w3*x1 + w4*x2 + b2");
    REQUIRE(p.params.size() == 6);
    CHECK(p.params[3].name == "w4");
    CHECK(p.params[4].name == "b1");
    CHECK(p.params[5].value == -0.5);
}

TEST_CASE("Network numbering: without bias or biases a layer has none", "[problem][network]") {
    const Problem p = parse_problem(net("activation = \"tanh\"", ""), "n.toml");
    CHECK(p.params.size() == 4);
    CHECK(nodes(p).at("o2") == "tanh(z_o2)");
}

TEST_CASE("Network numbering: shared and separate biases give the same values when equal", "[problem][network]") {
    const std::string loss = "activation = \"sigmoid\"\ntargets = [\"t1\", \"t2\"]";
    const Record shared = run_problem(parse_problem(net(loss, "bias = 0.5"), "n.toml"), {});
    const Record separate = run_problem(parse_problem(net(loss, "biases = [0.5, 0.5]"), "n.toml"), {});
    CHECK(shared.find("L")->hand == separate.find("L")->hand);
    // A shared bias gathers the gradient of both neurons: the sum of the two separate ones.
    CHECK(shared.find("dL/db1")->hand == Approx(separate.find("dL/db1")->hand + separate.find("dL/db2")->hand));
}

TEST_CASE("Network numbering: the record lists each weight with its source, destination and value", "[problem][network]") {
    const Record r = run_problem(parse_problem(net("activation = \"sigmoid\"\nnumbering = \"by-source\"", "bias = 0.5"), "n.toml"), {});
    const Table& t = numbering_table(r);
    REQUIRE(t.rows.size() == 5);
    CHECK(words(t.rows[2][0]) == "w3");
    CHECK(words(t.rows[2][1]) == "x2");
    CHECK(words(t.rows[2][2]) == "o1");
    CHECK(r.find("network-numbering/3/value")->hand == 0.3);
    CHECK(words(t.rows[4][0]) == "b1");
    CHECK(t.rows[4][1].words->id == "network.bias");
    CHECK(words(t.rows[4][2]) == "o1, o2");  // one bias, shared by the layer
}

TEST_CASE("Network numbering: the note says which numbering the weights follow", "[problem][network]") {
    const Record r = run_problem(parse_problem(net("activation = \"sigmoid\"\nnumbering = \"by-source\"", ""), "n.toml"), {});
    bool found = false;
    for (const auto& item : r.sections.front().items)
        if (const auto* n = std::get_if<Note>(&item); n && n->key == "network-numbering") found = n->message.id == "network.note.by_source";
    CHECK(found);
}

TEST_CASE("Network numbering: a --set weight shows in the numbering table", "[problem][network]") {
    RunOptions options;
    options.sets = {{"w2", "9"}};
    const Record r = run_problem(parse_problem(net("activation = \"sigmoid\"", ""), "n.toml"), options);
    CHECK(r.find("network-numbering/2/value")->hand == 9);
}

TEST_CASE("Network numbering: a problem without [network] has no numbering table", "[problem][network]") {
    const Record r = run_problem(read_problem(test::example_file("exercise-7.toml")), {});
    CHECK(r.find_table("network-numbering") == nullptr);
}

TEST_CASE("Network loss: ½·Σ(t − o)² with one error node per output", "[problem][network]") {
    const Problem p = parse_problem(net("activation = \"identity\"\ntargets = [\"t1\", \"t2\"]", ""), "n.toml");
    CHECK(nodes(p).at("E_o1") == "0.5*(t1 - o1)^2");
    CHECK(nodes(p).at("L") == "E_o1 + E_o2");
    REQUIRE(p.loss);
    CHECK(p.loss->name == "L");
}

TEST_CASE("Network loss: (1/n)·Σ(t − o)² divides the sum of squares by the outputs", "[problem][network]") {
    const Problem p = parse_problem(net("activation = \"identity\"\ntargets = [\"t1\", \"t2\"]\nloss = \"mse-mean\"", ""), "n.toml");
    CHECK(nodes(p).at("E_o2") == "(t2 - o2)^2");
    CHECK(nodes(p).at("L") == "(E_o1 + E_o2)/2");
    const Record r = run_problem(p, {});
    // o1 = 0.1 + 0.4 = 0.5, o2 = 0.3 + 0.8 = 1.1: L = (0.25 + 0.01)/2
    CHECK(r.find("L")->hand == Approx(0.13));
}

TEST_CASE("Network loss: [loss] may name another node and keep its own wrt", "[problem][network]") {
    const std::string text = net("activation = \"identity\"\ntargets = [\"t1\", \"t2\"]", "") +
                             "[nodes]\nJ = \"L + 0.01*w1^2\"\n[loss]\nnode = \"J\"\nwrt = [\"w1\"]\n";
    const Problem p = parse_problem(text, "n.toml");
    CHECK(p.loss->name == "J");
    REQUIRE(p.wrt.size() == 1);
    CHECK(p.wrt[0].name == "w1");
}

TEST_CASE("Network names: patterns and explicit names make the nodes a source writes", "[problem][network]") {
    const std::string text = net("activation = \"sigmoid\"\nsum_names = \"In_{name}\"\nvalue_names = \"Out_{name}\"\n"
                                 "weight_names = \"v{n}\"",
                                 "names = [\"y1\", \"y2\"]");
    const auto n = nodes(parse_problem(text, "n.toml"));
    CHECK(n.at("In_y1") == "v1*x1 + v2*x2");
    CHECK(n.at("Out_y2") == "sigmoid(In_y2)");
}
