// [network] and its [[network.layer]] tables → NetworkSpec. Only the shape of each value is
// checked here (a number, an array of names, a known word); what the values mean is checked by
// network_expand.cpp, once the other tables are read too.
#include <algorithm>
#include <cmath>
#include <functional>
#include <map>

#include "problem/toml_order.hpp"
#include "problem/checks.hpp"
#include "problem/network_spec.hpp"
#include "problem/suggest.hpp"

namespace nntrace {
namespace {

FilePosition begin_of(const toml::node& n) {
    return {static_cast<int>(n.source().begin.line), static_cast<int>(n.source().begin.column)};
}
FilePosition begin_of(const toml::key& k) {
    return {static_cast<int>(k.source().begin.line), static_cast<int>(k.source().begin.column)};
}


std::string join(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words) out += (out.empty() ? "" : ", ") + w;
    return out;
}

using Handler = std::function<void(const toml::node&)>;

class NetworkReader {
public:
    explicit NetworkReader(const Problem& problem) : problem_(problem) {}

    NetworkSpec read(const toml::key& key, const toml::node& node) {
        spec_.where = begin_of(key);
        if (!node.is_table()) fail(begin_of(node), "'network' must be a table ([network])");
        const std::map<std::string, Handler> keys = {
            {"inputs", [this](auto& n) { spec_.inputs = names(n, "[network] inputs"), spec_.inputs_at = begin_of(n); }},
            {"targets", [this](auto& n) { spec_.targets = names(n, "[network] targets"), spec_.targets_at = begin_of(n); }},
            {"activation", [this](auto& n) { spec_.activation = text(n, "[network] activation"); }},
            {"numbering", [this](auto& n) { spec_.numbering = numbering(n); }},
            {"loss", [this](auto& n) { spec_.loss = loss(n), spec_.loss_at = begin_of(n); }},
            {"weight_names", [this](auto& n) { spec_.weight_names = text(n, "weight_names"); }},
            {"bias_names", [this](auto& n) { spec_.bias_names = text(n, "bias_names"); }},
            {"hidden_names", [this](auto& n) { spec_.hidden_names = text(n, "hidden_names"); }},
            {"output_names", [this](auto& n) { spec_.output_names = text(n, "output_names"); }},
            {"sum_names", [this](auto& n) { spec_.sum_names = text(n, "sum_names"); }},
            {"value_names", [this](auto& n) { spec_.value_names = text(n, "value_names"); }},
            {"error_names", [this](auto& n) { spec_.error_names = text(n, "error_names"); }},
            {"loss_name", [this](auto& n) { spec_.loss_name = text(n, "loss_name"); }},
            {"layer", [this](auto& n) { read_layers(n); }},
        };
        dispatch(*node.as_table(), keys, "network");
        if (spec_.inputs.empty()) fail(spec_.where, "[network] needs inputs = [\"x1\", \"x2\", …], the names of its inputs");
        if (spec_.layers.empty())
            fail(spec_.where, "[network] needs at least one [[network.layer]] with size = its number of neurons");
        return spec_;
    }

private:
    [[noreturn]] void fail(FilePosition at, const std::string& message) const { fail_at(problem_, at, message); }

    void dispatch(const toml::table& t, const std::map<std::string, Handler>& keys, const std::string& table) const {
        for (const auto& [key, value] : in_file_order(t)) {
            const std::string name(key->str());
            auto it = keys.find(name);
            if (it == keys.end()) unknown(*key, keys, table);
            it->second(*value);
        }
    }

    [[noreturn]] void unknown(const toml::key& key, const std::map<std::string, Handler>& keys,
                              const std::string& table) const {
        std::vector<std::string> known;
        for (const auto& k : keys) known.push_back(k.first);
        std::string what = "unknown key '" + std::string(key.str()) + "' in [" + table + "]";
        if (auto guess = closest_name(std::string(key.str()), known)) what += "; did you mean '" + *guess + "'?";
        else what += " (expected one of: " + join(known) + ")";
        fail(begin_of(key), what);
    }

    TextAt text(const toml::node& n, const std::string& what) const {
        if (!n.is_string()) fail(begin_of(n), what + " must be a string");
        return {n.as_string()->get(), begin_of(n)};
    }

    NumberAt number(const toml::node& n, const std::string& what) const {
        double v = 0;
        if (n.is_integer()) v = static_cast<double>(n.as_integer()->get());
        else if (n.is_floating_point()) v = n.as_floating_point()->get();
        else fail(begin_of(n), what + " must be a number");
        if (!std::isfinite(v)) fail(begin_of(n), what + " must be a finite number");
        return {v, begin_of(n)};
    }

    std::vector<NumberAt> numbers(const toml::node& n, const std::string& what) const {
        if (!n.is_array()) fail(begin_of(n), what + " must be an array of numbers, like [0.5, -0.2]");
        std::vector<NumberAt> out;
        for (const toml::node& element : *n.as_array()) out.push_back(number(element, "each value in " + what));
        return out;
    }

    std::vector<NameReference> names(const toml::node& n, const std::string& what) const {
        if (!n.is_array()) fail(begin_of(n), what + " must be an array of names, like [\"x1\", \"x2\"]");
        std::vector<NameReference> out;
        for (const toml::node& element : *n.as_array()) {
            const TextAt t = text(element, "each name in " + what);
            if (!is_valid_name(t.text)) fail(t.where, "'" + t.text + "' in " + what + " is not a valid name");
            out.push_back({t.text, t.where});
        }
        if (out.empty()) fail(begin_of(n), what + " must name at least one neuron");
        return out;
    }

    WeightNumbering numbering(const toml::node& n) const {
        const TextAt t = text(n, "numbering");
        if (t.text == "by-destination") return WeightNumbering::by_destination;
        if (t.text == "by-source") return WeightNumbering::by_source;
        fail(t.where, "numbering must be \"by-destination\" (every weight into h1, then into h2, …) or \"by-source\" "
                      "(every weight out of x1, then out of x2, …), not \"" + t.text + "\"");
    }

    LossKind loss(const toml::node& n) const {
        const TextAt t = text(n, "[network] loss");
        if (t.text == "mse-half") return LossKind::mse_half;
        if (t.text == "mse-mean") return LossKind::mse_mean;
        if (t.text == "sse") return LossKind::sse;
        // No "did you mean": "mse" is closest to "sse", but the user meant one of the two MSEs.
        fail(t.where, "unknown loss \"" + t.text + "\" (expected \"mse-half\": ½·Σ(t − o)², \"mse-mean\": (1/n)·Σ(t − o)², or \"sse\": Σ(t − o)²)");
    }

    void read_layers(const toml::node& n) {
        if (!n.is_array_of_tables()) fail(begin_of(n), "layers are written as [[network.layer]] tables, one per layer");
        for (const toml::node& layer : *n.as_array()) spec_.layers.push_back(read_layer(*layer.as_table()));
    }

    LayerSpec read_layer(const toml::table& t) const {
        LayerSpec l;
        l.where = begin_of(t);
        bool has_size = false;
        const std::map<std::string, Handler> keys = {
            {"size", [&](auto& n) { l.size = size(n), l.size_at = begin_of(n), has_size = true; }},
            {"activation", [&](auto& n) { l.activation = text(n, "activation"); }},
            {"names", [&](auto& n) { l.names = names(n, "names"), l.names_at = begin_of(n); }},
            {"weights", [&](auto& n) { l.weights = numbers(n, "weights"), l.weights_at = begin_of(n); }},
            {"bias", [&](auto& n) { set_bias(l, BiasKind::shared, {number(n, "bias")}, n); }},
            {"biases", [&](auto& n) { set_bias(l, BiasKind::separate, numbers(n, "biases"), n); }},
            {"numbering", [&](auto& n) { l.numbering = numbering(n); }},
        };
        dispatch(t, keys, "[network.layer]");
        if (!has_size) fail(l.where, "each [[network.layer]] needs size = its number of neurons");
        return l;
    }

    int size(const toml::node& n) const {
        constexpr long long max_neurons = 1000;  // a hand-sized network; a typo should not build a huge graph
        if (!n.is_integer() || n.as_integer()->get() < 1 || n.as_integer()->get() > max_neurons)
            fail(begin_of(n), "size must be a whole number of neurons from 1 to " + std::to_string(max_neurons));
        return static_cast<int>(n.as_integer()->get());
    }

    void set_bias(LayerSpec& l, BiasKind kind, std::vector<NumberAt> values, const toml::node& n) const {
        if (l.bias != BiasKind::none)
            fail(begin_of(n), "a layer has either bias = one shared value or biases = one value per neuron, not both");
        l.bias = kind;
        l.biases = std::move(values);
        l.biases_at = begin_of(n);
    }

    const Problem& problem_;
    NetworkSpec spec_;
};

}  // namespace

NetworkSpec read_network(const toml::key& key, const toml::node& node, const Problem& problem) {
    return NetworkReader(problem).read(key, node);
}

}  // namespace nntrace
