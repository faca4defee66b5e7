// NetworkSpec → the [inputs]/[params]/[nodes] a long-form problem file would have written, so
// that everything after the reader (checks, run, answers) sees an ordinary problem. The nodes
// and params come out in the order a person writes them by hand — every sum of a layer, then
// every value; every weight, then every bias — so a shorthand file and its long form give the
// same tape, step for step.
#include <algorithm>
#include <set>

#include "problem/checks.hpp"
#include "problem/large_graph.hpp"
#include "problem/network_spec.hpp"
#include "problem/suggest.hpp"

namespace nntrace {
namespace {

std::string count_of(std::size_t n, const std::string& word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : word.back() == 's' ? "es" : "s");
}

std::string layer_title(std::size_t index) { return "layer " + std::to_string(index + 1); }

// A name from a pattern: "{n}" becomes `n`, "{name}" becomes `name`.
std::string fill(const std::string& pattern, int n, const std::string& name) {
    std::string out;
    for (std::size_t i = 0; i < pattern.size();) {
        if (pattern.compare(i, 3, "{n}") == 0) out += std::to_string(n), i += 3;
        else if (pattern.compare(i, 6, "{name}") == 0) out += name, i += 6;
        else out += pattern[i++];
    }
    return out;
}

// A neuron's sum `w1*x1 + w2*x2 + b1`, written as text and built as the expression
// parse_expression makes of that text (a left-deep chain of +, each product a binary *, the
// same columns), side by side: a sum of a thousand terms is not written only to be parsed back.
struct LayerSum {
    std::string text;
    Expr expr;

    void add_product(const std::string& weight, const std::string& source) {
        const bool first = text.empty();
        if (!first) text += " + ";
        Expr w = name_here(weight);
        text += '*';
        Expr product = binary_expr(std::move(w), '*', name_here(source));
        expr = first ? std::move(product) : binary_expr(std::move(expr), '+', std::move(product));
    }

    void add_name(const std::string& name) {
        const bool first = text.empty();
        if (!first) text += " + ";
        Expr term = name_here(name);
        expr = first ? std::move(term) : binary_expr(std::move(expr), '+', std::move(term));
    }

private:
    // A name written at the end of the text; columns are 1-based.
    Expr name_here(const std::string& name) {
        Expr e;
        e.kind = Expr::Kind::name;
        e.text = name;
        e.begin = static_cast<int>(text.size()) + 1;
        text += name;
        e.end = static_cast<int>(text.size()) + 1;
        return e;
    }
};

const std::vector<std::string> builtin_activations = {"sigmoid", "relu", "tanh", "identity"};

class Expander {
public:
    Expander(const NetworkSpec& spec, Problem& problem) : spec_(spec), problem_(problem) {}

    void expand() {
        check_patterns();
        sources_ = defined_names(spec_.inputs, "[network] inputs");
        source_neurons_ = sources_;
        // Every weight and bias becomes a param and a link: room for all of them at once, as a
        // vector doubling a million entries keeps the old and the new copy alive together.
        std::size_t weights = 0, biases = 0;
        for (const LayerSpec& layer : spec_.layers) weights += layer.weights.size(), biases += layer.biases.size();
        problem_.params.reserve(problem_.params.size() + weights + biases);
        // The links draw the network; a network whose weights alone make more nodes than a page
        // shows (each is at least two: itself and its product) is summarised, never drawn.
        drawn_ = 2 * weights <= nodes_shown_at_most;
        if (drawn_) problem_.network_links.reserve(problem_.network_links.size() + weights + biases);
        for (std::size_t l = 0; l < spec_.layers.size(); ++l) expand_layer(l);
        for (auto& b : biases_) problem_.params.push_back(std::move(b));
        if (drawn_)
            for (auto& link : bias_links_) problem_.network_links.push_back(std::move(link));
        expand_loss();
    }

private:
    [[noreturn]] void fail(FilePosition at, const std::string& message) const { fail_at(problem_, at, message); }

    // --- checks of what the values mean ---

    void check_patterns() const {
        need_placeholder(spec_.weight_names, "weight_names", "{n}");
        need_placeholder(spec_.bias_names, "bias_names", "{n}");
        need_placeholder(spec_.hidden_names, "hidden_names", "{n}");
        need_placeholder(spec_.output_names, "output_names", "{n}");
        need_placeholder(spec_.sum_names, "sum_names", "{name}");
        need_placeholder(spec_.value_names, "value_names", "{name}");
        need_placeholder(spec_.error_names, "error_names", "{name}");
        if (spec_.sum_names.text == spec_.value_names.text)
            fail(spec_.sum_names.where, "sum_names and value_names must differ: a neuron's sum and value are two nodes");
    }

    // Each generated name must differ from neuron to neuron, so the pattern needs its placeholder
    // ({n} may stand in for {name}: both tell neurons apart).
    void need_placeholder(const TextAt& pattern, const std::string& key, const std::string& placeholder) const {
        const bool has = pattern.text.find(placeholder) != std::string::npos ||
                         (placeholder == "{name}" && pattern.text.find("{n}") != std::string::npos);
        if (!has) fail(pattern.where, key + " \"" + pattern.text + "\" must contain " + placeholder + ", or every name would be the same");
    }

    std::string make_name(const TextAt& pattern, const std::string& key, int n, const std::string& neuron) const {
        const std::string name = fill(pattern.text, n, neuron);
        if (!is_valid_name(name))
            fail(pattern.where, key + " \"" + pattern.text + "\" gives '" + name +
                                    "', which is not a valid name (letters, digits and _, not starting with a digit)");
        return name;
    }

    bool is_defined(const std::string& name) const {
        auto named = [&](const auto& d) { return d.name == name; };
        return std::any_of(problem_.inputs.begin(), problem_.inputs.end(), named) ||
               std::any_of(problem_.params.begin(), problem_.params.end(), named) ||
               std::any_of(problem_.nodes.begin(), problem_.nodes.end(), named);
    }

    std::vector<std::string> defined_names(const std::vector<NameReference>& refs, const std::string& what) const {
        std::vector<std::string> known, out;
        for (const auto& i : problem_.inputs) known.push_back(i.name);
        for (const auto& ref : refs) {
            if (!is_defined(ref.name)) {
                std::string message = what + " names '" + ref.name + "', which is not defined in [inputs]";
                if (auto guess = closest_name(ref.name, known)) message += "; did you mean '" + *guess + "'?";
                fail(ref.where, message);
            }
            out.push_back(ref.name);
        }
        return out;
    }

    // The activation of layer `l` as an expression's function name; empty for identity.
    std::string activation_of(std::size_t l) const {
        const LayerSpec& layer = spec_.layers[l];
        const std::optional<TextAt>& a = layer.activation ? layer.activation : spec_.activation;
        if (!a)
            fail(layer.where, layer_title(l) + " needs an activation: sigmoid, relu, tanh, identity or a function "
                                                     "of [functions] (here or in [network])");
        std::vector<std::string> known = builtin_activations;
        for (const auto& f : problem_.functions) known.push_back(f.name);
        if (std::find(known.begin(), known.end(), a->text) == known.end()) {
            std::string message = "unknown activation '" + a->text + "'";
            if (auto guess = closest_name(a->text, known)) message += "; did you mean '" + *guess + "'?";
            fail(a->where, message + " (expected sigmoid, relu, tanh, identity or a function of [functions])");
        }
        return a->text == "identity" ? std::string() : a->text;
    }

    void check_layer(std::size_t l, std::size_t inputs) const {
        const LayerSpec& layer = spec_.layers[l];
        const auto n = static_cast<std::size_t>(layer.size);
        const std::string has = layer_title(l) + " has " + count_of(n, "neuron");
        if (layer.weights.size() != n * inputs)
            fail(layer.weights_at.line ? layer.weights_at : layer.where,
                 has + " and " + count_of(inputs, "input") + ", so it needs " + count_of(n * inputs, "weight") + "; " +
                     std::to_string(layer.weights.size()) + " given");
        if (layer.bias == BiasKind::separate && layer.biases.size() != n)
            fail(layer.biases_at, has + ", so it needs " + count_of(n, "bias") + " (one per neuron); " +
                                      std::to_string(layer.biases.size()) + " given (for one bias shared by the layer, write bias = a number)");
        if (!layer.names.empty() && layer.names.size() != n)
            fail(layer.names_at, has + ", so names needs " + count_of(n, "name") + "; " +
                                     std::to_string(layer.names.size()) + " given");
    }

    // --- generation ---

    std::vector<std::string> neuron_names(std::size_t l) {
        const LayerSpec& layer = spec_.layers[l];
        const bool output = l + 1 == spec_.layers.size();
        std::vector<std::string> out;
        for (int j = 0; j < layer.size; ++j) {
            const int n = output ? j + 1 : ++hidden_count_;
            numbers_.push_back(n);
            out.push_back(j < static_cast<int>(layer.names.size()) ? layer.names[static_cast<std::size_t>(j)].name
                          : output ? make_name(spec_.output_names, "output_names", n, "")
                                   : make_name(spec_.hidden_names, "hidden_names", n, ""));
        }
        return out;
    }

    // weight[j][i]: the name of the weight from source i into neuron j, numbered as the layer says.
    std::vector<std::vector<std::string>> number_weights(std::size_t l, const std::vector<std::string>& neurons) {
        const LayerSpec& layer = spec_.layers[l];
        const WeightNumbering order = layer.numbering ? *layer.numbering : spec_.numbering;
        problem_.network_numbering.push_back(order);
        const std::size_t n = neurons.size(), m = sources_.size();
        std::vector<std::vector<std::string>> weight(n, std::vector<std::string>(m));
        for (std::size_t k = 0; k < n * m; ++k) {
            const std::size_t j = order == WeightNumbering::by_destination ? k / m : k % n;
            const std::size_t i = order == WeightNumbering::by_destination ? k % m : k / n;
            const NumberAt& v = layer.weights[k];
            weight[j][i] = make_name(spec_.weight_names, "weight_names", ++weight_count_, "");
            problem_.params.push_back({weight[j][i], v.value, v.where, v.where});
            if (drawn_) problem_.network_links.push_back({weight[j][i], source_neurons_[i], {neurons[j]}});
        }
        return weight;
    }

    // bias[j]: the name of neuron j's bias, or empty.
    std::vector<std::string> number_biases(const LayerSpec& layer, const std::vector<std::string>& neurons) {
        std::vector<std::string> bias(neurons.size());
        for (std::size_t b = 0; b < layer.biases.size(); ++b) {
            const std::string name = make_name(spec_.bias_names, "bias_names", ++bias_count_, "");
            biases_.push_back({name, layer.biases[b].value, layer.biases[b].where, layer.biases[b].where});
            if (layer.bias == BiasKind::shared) {
                std::fill(bias.begin(), bias.end(), name);
                bias_links_.push_back({name, "", neurons});
            } else {
                bias[b] = name;
                bias_links_.push_back({name, "", {neurons[b]}});
            }
        }
        return bias;
    }

    void add_node(const std::string& name, std::string text, Expr expr, FilePosition at) {
        // Every character of a generated expression points at `at`: one position stands for all
        // (SourceText::at gives the last one past the end), not one per character of a sum of
        // a thousand terms.
        problem_.nodes.push_back(NodeDefinition{name, SourceText{std::move(text), {at}}, std::move(expr), at});
    }

    void add_node(const std::string& name, const std::string& text, FilePosition at) {
        add_node(name, text, parse_expression(text), at);  // generated from valid names: it parses
    }

    void expand_layer(std::size_t l) {
        check_layer(l, sources_.size());
        const LayerSpec& layer = spec_.layers[l];
        const std::string activation = activation_of(l);
        const std::size_t first_number = numbers_.size();
        const std::vector<std::string> neurons = neuron_names(l);
        const auto weight = number_weights(l, neurons);
        const auto bias = number_biases(layer, neurons);
        std::vector<std::string> values;
        std::vector<std::pair<std::string, LayerSum>> sums;  // name, sum
        for (std::size_t j = 0; j < neurons.size(); ++j) {
            LayerSum sum;
            for (std::size_t i = 0; i < sources_.size(); ++i) sum.add_product(weight[j][i], sources_[i]);
            if (!bias[j].empty()) sum.add_name(bias[j]);
            const int n = numbers_[first_number + j];
            values.push_back(make_name(spec_.value_names, "value_names", n, neurons[j]));
            if (activation.empty()) sums.emplace_back(values.back(), std::move(sum));
            else sums.emplace_back(make_name(spec_.sum_names, "sum_names", n, neurons[j]), std::move(sum));
        }
        const FilePosition value_at = layer.activation ? layer.activation->where : layer.where;
        for (auto& [name, sum] : sums)
            add_node(name, std::move(sum.text), std::move(sum.expr), activation.empty() ? value_at : layer.where);
        if (!activation.empty())
            for (std::size_t j = 0; j < neurons.size(); ++j) add_node(values[j], activation + "(" + sums[j].first + ")", value_at);
        source_neurons_ = neurons;
        sources_ = values;
    }

    void expand_loss() {
        const FilePosition at = spec_.loss_at.line ? spec_.loss_at : spec_.targets_at;
        if (spec_.targets.empty()) {
            if (spec_.loss) fail(spec_.loss_at, "a loss compares the outputs with targets: add targets = [\"t1\", …] to [network]");
            return;
        }
        const std::vector<std::string> targets = defined_names(spec_.targets, "[network] targets");
        if (targets.size() != sources_.size())
            fail(spec_.targets_at, "the network has " + count_of(sources_.size(), "output") + ", so targets needs " +
                                       count_of(sources_.size(), "name") + "; " + std::to_string(targets.size()) + " given");
        const LossKind kind = spec_.loss.value_or(LossKind::mse_half);
        const std::string half = kind == LossKind::mse_half ? "0.5*" : "";
        const std::string loss = make_name(spec_.loss_name, "loss_name", 0, "");
        if (targets.size() == 1) {
            add_node(loss, half + "(" + targets[0] + " - " + sources_[0] + ")^2", at);
        } else {
            std::string total;
            for (std::size_t k = 0; k < targets.size(); ++k) {
                const std::string error = make_name(spec_.error_names, "error_names", static_cast<int>(k + 1), source_neurons_[k]);
                add_node(error, half + "(" + targets[k] + " - " + sources_[k] + ")^2", at);
                total += (k ? " + " : "") + error;
            }
            if (kind == LossKind::mse_mean) total = "(" + total + ")/" + std::to_string(targets.size());
            add_node(loss, total, at);
        }
        if (!problem_.loss) problem_.loss = NameReference{loss, at};
    }

    const NetworkSpec& spec_;
    Problem& problem_;
    std::vector<std::string> sources_;  // what the next layer reads: the inputs, then each layer's values
    std::vector<std::string> source_neurons_;  // the neurons behind sources_: "x1", then "h1", …
    std::vector<int> numbers_;          // the {n} of every neuron so far
    int hidden_count_ = 0, weight_count_ = 0, bias_count_ = 0;
    bool drawn_ = true;                 // whether the network's links are kept (small enough to draw)
    std::vector<NamedNumber> biases_;   // after every weight, as a person lists them
    std::vector<NetworkLink> bias_links_;
};

}  // namespace

void expand_network(const NetworkSpec& spec, Problem& problem) { Expander(spec, problem).expand(); }

}  // namespace nntrace
