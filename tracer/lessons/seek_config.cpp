#include "lessons/seek_config.hpp"

#include <cctype>

#include "lessons/part_verbs.hpp"
#include "lessons/toml_fields.hpp"

namespace nntrace {
namespace {

bool is_name(const std::string& s) {
    if (s.empty() || std::isdigit(static_cast<unsigned char>(s[0]))) return false;
    for (char c : s)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return false;
    return true;
}

std::string trimmed(const std::string& s, std::size_t& first) {
    first = s.find_first_not_of(' ');
    if (first == std::string::npos) return (first = s.size(), "");
    return s.substr(first, s.find_last_not_of(' ') - first + 1);
}

// "x = 2*w + 3*b" → a node named x whose expression starts after the '='.
void read_node(GraphEntry& entry, const Fields& f, const toml::node& item) {
    if (!item.is_string()) throw f.error(item, "each node must be a string \"name = expression\"");
    const std::string& text = item.as_string()->get();
    const auto eq = text.find('=');
    if (eq == std::string::npos) throw error_in_string(f.file(), item, 0, "expected \"name = expression\"");
    std::size_t at = 0;
    const std::string name = trimmed(text.substr(0, eq), at);
    if (!is_name(name)) throw error_in_string(f.file(), item, static_cast<int>(at), "expected a node name before '='");
    const std::string expression = text.substr(eq + 1);
    GraphNode node{name, expression, {}};
    try {
        node.expr = parse_expression(expression);
    } catch (const ExpressionError& e) {
        throw error_in_string(f.file(), item, static_cast<int>(eq) + e.column(), e.what());
    }
    entry.graph.nodes.push_back(std::move(node));
    entry.node_sources.push_back(&item);
    entry.offsets.push_back(static_cast<int>(eq) + 1);
}

// Builds the graph once, so a bad name is reported at its column. A variable takes the
// parameter of its name where there is one; a part may start it from another (`start`).
void check_graph(const GraphEntry& entry, const LessonFile& lesson) {
    std::map<std::string, Num> values;
    for (const auto& v : entry.graph.variables)
        values[v] = Num::both(lesson.parameters.has(v) ? lesson.parameters.number(v) : 1.0);
    try {
        build_graph(entry.graph, values, Arithmetic::exact());
    } catch (const GraphError& e) {
        const int column = e.column() > 0 ? entry.offsets[e.node()] + e.column() - 1 : 0;
        throw error_in_string(lesson.path, *entry.node_sources[e.node()], column, e.what());
    } catch (const NumericFault&) {
        // a value that fails at the defaults is a fact of the run, shown there as a fault
    }
}

GraphEntry read_graph(const LessonFile& lesson, const toml::table& table) {
    const Fields f(table, lesson.path);
    f.only({"variables", "nodes", "output"});
    GraphEntry entry;
    entry.where = &table;
    entry.graph.variables = f.strings("variables");
    for (const auto& v : entry.graph.variables)
        if (!is_name(v)) throw f.error(*f.find("variables"), "'" + v + "' is not a valid name");
    const toml::array* nodes = f.optional_array("nodes");
    if (!nodes || nodes->empty()) throw f.error_here("a graph needs 'nodes'");
    for (const toml::node& item : *nodes) read_node(entry, f, item);
    entry.graph.output = f.string("output");
    check_graph(entry, lesson);
    bool found = false;
    for (const auto& n : entry.graph.nodes) found = found || n.name == entry.graph.output;
    if (!found) throw f.error(*f.find("output"), "the output '" + entry.graph.output + "' is not a node of the graph");
    return entry;
}

void check_string_name(const LessonFile& lesson, const Fields& f, const std::string& key, const std::string& name) {
    if (!lesson.strings.count(name))
        throw f.error(*f.find(key), "'" + name + "' is not in the lesson's [strings]");
}

const PartVerb& read_verb(const Fields& f) {
    const std::string name = f.string("do");
    const PartVerb* verb = find_part_verb(name);
    if (!verb) throw f.error(*f.find("do"), "'do' must be one of " + part_verb_names() + ", not \"" + name + "\"");
    return *verb;
}

PartSpec read_part(const LessonFile& lesson, const GraphLesson& graphs, const toml::node& item) {
    if (!item.is_table()) throw error_at(lesson.path, item, "each [[part]] must be a table");
    const Fields f(*item.as_table(), lesson.path);
    PartSpec part;
    part.verb = &read_verb(f);
    std::vector<std::string_view> known = common_part_keys();
    known.insert(known.end(), part.verb->keys.begin(), part.verb->keys.end());
    f.only(known);
    part.table = item.as_table();
    part.key = f.string("key");
    part.title = f.string("title");
    check_string_name(lesson, f, "title", part.title);
    part.notes = f.strings("notes");
    for (const auto& n : part.notes) check_string_name(lesson, f, "notes", n);
    part.graph = f.optional_string("graph").value_or("main");
    if (!graphs.graphs.count(part.graph))
        throw f.error(f.find("graph") ? *f.find("graph") : item, "no graph '" + part.graph + "' in [graphs]");
    if (auto d = f.optional_integer("decimals")) {
        if (*d < 0 || *d > 12) throw f.error(*f.find("decimals"), "'decimals' must be between 0 and 12");
        part.decimals = static_cast<int>(*d);
    }
    return part;
}

}  // namespace

const std::vector<std::string_view>& common_part_keys() {
    static const std::vector<std::string_view> keys = {"do", "key", "title", "graph", "notes", "decimals"};
    return keys;
}

GraphLesson read_graph_lesson(const LessonFile& lesson) {
    const Fields root(lesson.root, lesson.path);
    GraphLesson out;
    const toml::table& graphs = root.subtable("graphs");
    for (const auto& [name, table] : graphs) {
        if (!table.is_table()) throw root.error(table, "each graph must be a table: [graphs." + std::string(name.str()) + "]");
        out.graphs[std::string(name.str())] = read_graph(lesson, *table.as_table());
    }
    const toml::array* parts = root.optional_array("part");
    if (!parts || parts->empty()) throw root.error_here("a graph lesson needs at least one [[part]]");
    for (const toml::node& item : *parts) {
        out.parts.push_back(read_part(lesson, out, item));
        for (std::size_t i = 0; i + 1 < out.parts.size(); ++i)
            if (out.parts[i].key == out.parts.back().key)
                throw root.error(item, "two parts have the key '" + out.parts.back().key + "'");
    }
    return out;
}

}  // namespace nntrace
