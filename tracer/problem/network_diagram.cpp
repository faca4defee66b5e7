// The neurons of a [network] are not nodes of the problem: the shorthand made, for each neuron, a
// weighted sum ("l_h1 = w1*i1 + w2*i2 + b1") and a value ("out_h1 = sigmoid(l_h1)"), and recorded
// which neurons each weight joins (NetworkLink). This file walks from each weight to those nodes
// on the tape, so that the drawing shows exactly the numbers the steps show.
#include "problem/network_diagram.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>

namespace nntrace {
namespace {

std::string neuron_id(const std::string& name) { return "neuron_" + name; }
std::string bias_id(const std::string& name) { return "bias_" + name; }

// The tape keeps each node's arguments; finding a neuron's nodes needs the other direction too.
std::vector<std::vector<NodeId>> readers_of(const Tape& tape) {
    std::vector<std::vector<NodeId>> readers(tape.size());
    for (NodeId i = 0; i < tape.size(); ++i)
        for (int k = 0; k < arity(tape[i].op); ++k) readers[tape[i].args[static_cast<std::size_t>(k)]].push_back(i);
    return readers;
}

class NetworkOnTape {
public:
    NetworkOnTape(const Problem& p, const Tape& tape, const Gradients* g)
        : problem_(p), tape_(tape), g_(g), readers_(readers_of(tape)) {}

    NetworkDiagram build(const std::string& key) {
        NetworkDiagram d;
        d.key = key;
        d.backward = g_ != nullptr;
        for (const NetworkLink& link : problem_.network_links)
            if (!link.from.empty()) add_weight(d, link);
        // Stable: inside a layer the neurons keep the order in which the numbering meets them.
        std::stable_sort(d.neurons.begin(), d.neurons.end(),
                         [](const NetworkNeuron& a, const NetworkNeuron& b) { return a.layer < b.layer; });
        for (const NetworkLink& link : problem_.network_links)
            if (link.from.empty()) add_bias(d, link);
        if (problem_.loss) {
            d.loss = problem_.loss->name;
            d.loss_value = tape_[node(d.loss)].value;
        }
        return d;
    }

private:
    NodeId node(const std::string& name) const {
        const auto id = tape_.find(name);
        if (!id) throw std::logic_error("the network's '" + name + "' is not on the tape");
        return *id;
    }

    std::optional<Num> gradient(NodeId id) const {
        if (!g_) return std::nullopt;
        return g_->of[id];
    }

    // The product the shorthand wrote for a weight, `weight*source`: a mul reading the weight first.
    NodeId product_of(NodeId weight) const {
        for (NodeId r : readers_[weight])
            if (tape_[r].op == Op::mul && tape_[r].args[0] == weight) return r;
        throw std::logic_error("the weight '" + std::string(tape_.name(weight)) + "' multiplies nothing");
    }

    // The named node a computation ends in: the node itself, or the first node reading it, and so
    // on up ("w1*i1" → "w1*i1 + w2*i2" → l_h1 = "w1*i1 + w2*i2 + b1").
    NodeId step_of(NodeId id) const {
        while (!tape_.is_named(id)) {
            if (readers_[id].empty()) throw std::logic_error("'" + std::string(tape_.name(id)) + "' belongs to no named node");
            id = readers_[id].front();
        }
        return id;
    }

    // A neuron's value: its activation of the sum, a named node of one argument; without an
    // activation the sum itself holds the value.
    NodeId value_of(NodeId sum) const {
        for (NodeId r : readers_[sum])
            if (tape_.is_named(r) && arity(tape_[r].op) == 1) return r;
        return sum;
    }

    NetworkNeuron neuron(const std::string& name, int layer, std::optional<NodeId> sum, NodeId value) const {
        NetworkNeuron n;
        n.id = neuron_id(name);
        n.name = name;
        n.layer = layer;
        n.value_name = tape_.name(value);
        n.value = tape_[value].value;
        n.value_gradient = gradient(value);
        if (sum && *sum != value) {
            n.sum_name = tape_.name(*sum);
            n.sum = tape_[*sum].value;
            n.sum_gradient = gradient(*sum);
        }
        return n;
    }

    void add_weight(NetworkDiagram& d, const NetworkLink& link) {
        // An input of the network is its own value; every other neuron appears first as the
        // destination of a weight, layer after layer, since the links come in numbering order.
        if (!layer_.count(link.from)) {
            layer_[link.from] = 0;
            d.neurons.push_back(neuron(link.from, 0, std::nullopt, node(link.from)));
        }
        const NodeId weight = node(link.param);
        const std::string& to = link.to.front();
        if (!layer_.count(to)) {
            layer_[to] = layer_[link.from] + 1;
            const NodeId sum = step_of(product_of(weight));
            d.neurons.push_back(neuron(to, layer_[to], sum, value_of(sum)));
        }
        d.weights.push_back({link.param, neuron_id(link.from), neuron_id(to), tape_[weight].value, gradient(weight)});
    }

    void add_bias(NetworkDiagram& d, const NetworkLink& link) {
        const NodeId bias = node(link.param);
        NetworkBias b{bias_id(link.param), link.param, 0, {}, tape_[bias].value, gradient(bias)};
        int first = -1;
        for (const std::string& to : link.to) {
            b.to.push_back(neuron_id(to));
            first = first < 0 ? layer_.at(to) : std::min(first, layer_.at(to));
        }
        b.layer = std::max(0, first - 1);
        d.biases.push_back(std::move(b));
    }

    const Problem& problem_;
    const Tape& tape_;
    const Gradients* g_;
    std::vector<std::vector<NodeId>> readers_;
    std::map<std::string, int> layer_;  // by neuron name
};

}  // namespace

std::optional<NetworkDiagram> network_diagram(const Problem& problem, const Tape& tape, const Gradients* g,
                                              const std::string& key) {
    if (problem.network_links.empty()) return std::nullopt;
    return NetworkOnTape(problem, tape, g).build(key);
}

}  // namespace nntrace
