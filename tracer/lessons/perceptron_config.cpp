#include "lessons/perceptron_config.hpp"

#include <algorithm>
#include <cmath>

#include "lessons/toml_fields.hpp"

namespace nntrace {
namespace {

bool contains(const std::vector<std::string>& list, const std::string& name) {
    return std::find(list.begin(), list.end(), name) != list.end();
}

void require_number_parameter(const LessonFile& lesson, const Fields& f, const toml::node& at, const std::string& name) {
    if (!lesson.parameters.has(name) || lesson.parameters.at(name).type != Parameter::Type::number)
        throw f.error(at, "this part needs a number parameter '" + name + "' in [parameters]");
}

void check_string_name(const LessonFile& lesson, const Fields& f, const std::string& key, const std::string& name) {
    if (!lesson.strings.count(name)) throw f.error(*f.find(key), "'" + name + "' is not in the lesson's [strings]");
}

std::vector<double> read_numbers(const Fields& f, const toml::node& item) {
    const toml::array* a = item.as_array();
    if (!a) throw f.error(item, "expected an array of numbers, like [2, 3]");
    std::vector<double> out;
    for (const toml::node& v : *a) {
        const auto d = v.value<double>();
        if (!d || !std::isfinite(*d)) throw f.error(v, "expected a number");
        out.push_back(*d);
    }
    return out;
}

LabelledPoint read_point(const Fields& f, const toml::node& item) {
    if (!item.is_table()) throw f.error(item, "each point must be a table { name = \"x1\", x = [2, 3], y = 1 }");
    const Fields p(*item.as_table(), f.file());
    p.only({"name", "x", "y"});
    LabelledPoint out{p.string("name"), {}, 0};
    if (!p.find("x")) throw p.error_here("a point needs its coordinates 'x'");
    out.x = read_numbers(p, *p.find("x"));
    const auto y = p.optional_integer("y");
    if (!y || (*y != 1 && *y != -1)) throw p.error(p.find("y") ? *p.find("y") : item, "a point's label 'y' must be 1 or -1");
    out.y = static_cast<int>(*y);
    return out;
}

void read_train(PerceptronPart& part, const LessonFile& lesson, const Fields& f) {
    const toml::array* points = f.optional_array("points");
    if (!points || points->empty()) throw f.error_here("a train part needs 'points'");
    for (const toml::node& item : *points) {
        part.train.points.push_back(read_point(f, item));
        if (part.train.points.back().x.size() != part.train.points.front().x.size())
            throw f.error(item, "every point needs the same number of coordinates");
    }
    if (const toml::array* order = f.optional_array("lecture_order"))
        for (const toml::node& item : *order) {
            const auto name = item.value<std::string>();
            std::size_t i = 0;
            while (name && i < part.train.points.size() && part.train.points[i].name != *name) ++i;
            if (!name || i == part.train.points.size()) throw f.error(item, "not the name of one of the points");
            part.train.lecture_order.push_back(i);
        }
    const std::size_t dims = part.train.points.front().x.size();
    part.train.weights = f.strings("weights");
    if (part.train.weights.empty())
        for (std::size_t i = 1; i <= dims; ++i) part.train.weights.push_back("w" + std::to_string(i));
    if (part.train.weights.size() != dims)
        throw f.error(*f.find("weights"), "one weight per coordinate: the points have " + std::to_string(dims));
    part.train.bias = f.optional_string("bias").value_or("b");
    for (const auto& name : part.train.weights) require_number_parameter(lesson, f, *part.where, name);
    for (const char* name : {"eta", "max_checks"}) require_number_parameter(lesson, f, *part.where, name);
    require_number_parameter(lesson, f, *part.where, part.train.bias);
    if (!lesson.parameters.has("order") || lesson.parameters.at("order").type != Parameter::Type::text)
        throw f.error(*part.where, "this part needs a parameter order = \"lecture\", \"cyclic\" or \"restart\"");
}

// "z = b + w1*x1" → a node named z; its expression starts after the '='.
GraphNode read_node(const Fields& f, const toml::node& item) {
    const auto text = item.value<std::string>();
    if (!text) throw f.error(item, "each node must be a string \"name = expression\"");
    const auto eq = text->find('=');
    if (eq == std::string::npos) throw error_in_string(f.file(), item, 0, "expected \"name = expression\"");
    const auto first = text->find_first_not_of(' ');
    const std::string name = text->substr(first, text->find_last_not_of(' ', eq - 1) + 1 - first);
    GraphNode node{name, text->substr(eq + 1), {}};
    try {
        node.expr = parse_expression(node.source);
    } catch (const ExpressionError& e) {
        throw error_in_string(f.file(), item, static_cast<int>(eq) + e.column(), e.what());
    }
    return node;
}

void read_graph_nodes(PerceptronPart& part, const Fields& f) {
    const toml::array* nodes = f.optional_array("nodes");
    if (!nodes || nodes->empty()) throw f.error_here("a neuron part needs 'nodes'");
    Graph& g = part.neuron.graph;
    for (const toml::node& item : *nodes) {
        g.nodes.push_back(read_node(f, item));
        for (const auto& name : names_in(g.nodes.back().expr)) {
            bool is_node = false;
            for (const auto& n : g.nodes) is_node = is_node || n.name == name;
            if (!is_node && !contains(g.variables, name)) g.variables.push_back(name);
        }
    }
    g.output = f.string("output");
    std::vector<std::string> node_names;
    for (const auto& n : g.nodes) node_names.push_back(n.name);
    if (!contains(node_names, g.output)) throw f.error(*f.find("output"), "'" + g.output + "' is not one of the nodes");
    part.neuron.boundary = f.optional_string("boundary");
    if (part.neuron.boundary && !contains(node_names, *part.neuron.boundary))
        throw f.error(*f.find("boundary"), "'" + *part.neuron.boundary + "' is not one of the nodes");
}

void read_neuron(PerceptronPart& part, const LessonFile& lesson, const Fields& f) {
    read_graph_nodes(part, f);
    NeuronSpec& n = part.neuron;
    n.inputs = f.strings("inputs");
    if (const toml::array* rows = f.optional_array("rows"))
        for (const toml::node& row : *rows) {
            n.rows.push_back(read_numbers(f, row));
            if (n.rows.back().size() != n.inputs.size()) throw f.error(row, "each row gives one value per input");
        }
    if (!n.inputs.empty() && n.rows.empty()) throw f.error(*f.find("inputs"), "'inputs' come with 'rows' of values");
    for (const auto& v : n.graph.variables)
        if (!contains(n.inputs, v)) require_number_parameter(lesson, f, *part.where, v);
    const std::vector<std::string> within = f.strings("within");
    if (!within.empty()) {
        if (within.size() != 2) throw f.error(*f.find("within"), "'within' names two parameters: the low and the high end");
        for (const auto& name : within) require_number_parameter(lesson, f, *f.find("within"), name);
        n.within = std::make_pair(within[0], within[1]);
    }
    if (n.boundary && n.inputs.size() != 2) throw f.error(*f.find("boundary"), "a boundary line needs exactly two inputs");
}

PerceptronPart read_part(const LessonFile& lesson, const toml::node& item) {
    if (!item.is_table()) throw error_at(lesson.path, item, "each [[part]] must be a table");
    const Fields f(*item.as_table(), lesson.path);
    PerceptronPart part;
    part.where = &item;
    const std::string action = f.string("do");
    if (action != "train" && action != "neuron") throw f.error(*f.find("do"), "'do' must be \"train\" or \"neuron\"");
    part.action = action == "train" ? PerceptronPart::Action::train : PerceptronPart::Action::neuron;
    if (part.action == PerceptronPart::Action::train)
        f.only({"do", "key", "title", "notes", "points", "lecture_order", "weights", "bias"});
    else
        f.only({"do", "key", "title", "notes", "nodes", "output", "inputs", "rows", "boundary", "within"});
    part.key = f.string("key");
    if (part.key.find('/') != std::string::npos) throw f.error(*f.find("key"), "a part's key names its tables: no '/'");
    part.title = f.string("title");
    check_string_name(lesson, f, "title", part.title);
    part.notes = f.strings("notes");
    for (const auto& n : part.notes) check_string_name(lesson, f, "notes", n);
    if (part.action == PerceptronPart::Action::train) read_train(part, lesson, f);
    else read_neuron(part, lesson, f);
    return part;
}

}  // namespace

std::vector<PerceptronPart> read_perceptron_lesson(const LessonFile& lesson) {
    const Fields root(lesson.root, lesson.path);
    const toml::array* parts = root.optional_array("part");
    if (!parts || parts->empty()) throw root.error_here("a perceptron lesson needs at least one [[part]]");
    std::vector<PerceptronPart> out;
    for (const toml::node& item : *parts) {
        out.push_back(read_part(lesson, item));
        for (std::size_t i = 0; i + 1 < out.size(); ++i)
            if (out[i].key == out.back().key) throw root.error(item, "two parts have the key '" + out.back().key + "'");
    }
    return out;
}

}  // namespace nntrace
