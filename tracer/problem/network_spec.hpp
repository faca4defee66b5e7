// The [network] shorthand as written: a layered network described by its layers instead of its
// nodes (docs/network-shorthand.md). network_read.cpp reads it from TOML, checking only what
// each value must look like; network_expand.cpp turns it into the [inputs]/[params]/[nodes] of
// the Problem, checking what the values mean (sizes, activations, names). Every part keeps its
// file position, so that both can point into the file. Internal to the problem library.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <toml++/toml.h>

#include "problem/problem.hpp"

namespace nntrace {

struct NumberAt {
    double value = 0;
    FilePosition where;
};

// A text value of [network] (a name pattern, an activation) and where it was written.
struct TextAt {
    std::string text;
    FilePosition where;
};

enum class BiasKind { none, shared, separate };
enum class LossKind { mse_half, mse_mean, sse };

// One [[network.layer]].
struct LayerSpec {
    FilePosition where;                // the [[network.layer]] header
    int size = 0;
    FilePosition size_at;
    std::optional<TextAt> activation;  // unset: [network] activation
    std::vector<NameReference> names;  // the neurons' names; empty: from the name patterns
    FilePosition names_at;
    std::vector<NumberAt> weights;
    FilePosition weights_at;
    BiasKind bias = BiasKind::none;
    std::vector<NumberAt> biases;      // one for `bias = v`, one per neuron for `biases = [...]`
    FilePosition biases_at;
    std::optional<WeightNumbering> numbering;  // unset: [network] numbering
};

struct NetworkSpec {
    FilePosition where;  // the [network] header
    std::vector<NameReference> inputs;
    FilePosition inputs_at;
    std::vector<NameReference> targets;  // empty: no loss
    FilePosition targets_at;
    std::optional<TextAt> activation;  // the default of every layer
    WeightNumbering numbering = WeightNumbering::by_destination;
    std::optional<LossKind> loss;  // unset: mse-half when there are targets
    FilePosition loss_at;
    // Name patterns: {n} is a number, {name} the neuron's name.
    TextAt weight_names{"w{n}", {}};
    TextAt bias_names{"b{n}", {}};
    TextAt hidden_names{"h{n}", {}};   // {n} counts hidden neurons across the hidden layers
    TextAt output_names{"o{n}", {}};   // {n} counts the output neurons
    TextAt sum_names{"z_{name}", {}};  // a neuron's weighted sum (not made for identity)
    TextAt value_names{"{name}", {}};  // a neuron's value, after its activation
    TextAt error_names{"E_{name}", {}};  // one output's share of the loss, with several outputs
    TextAt loss_name{"L", {}};
    std::vector<LayerSpec> layers;  // the hidden layers, then the output layer
};

// Reads [network] (`node`, written under `key`). Throws InputError at the offending value.
NetworkSpec read_network(const toml::key& key, const toml::node& node, const Problem& problem);

// Adds the network's params (weights, then biases), nodes (layer by layer: the sums, then the
// values; then the errors and the loss) and numbering to `problem`, and makes the loss node the
// problem's loss unless [loss] names another. Runs after every table has been read and before
// check_problem. Throws InputError at the part of [network] that is wrong.
void expand_network(const NetworkSpec& spec, Problem& problem);

}  // namespace nntrace
