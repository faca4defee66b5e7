#include "lessons/seek_config.hpp"

#include <cctype>

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

// Builds the graph once at the parameters' defaults, so a bad name is reported at its column.
void check_graph(const GraphEntry& entry, const LessonFile& lesson) {
    std::map<std::string, Num> values;
    for (const auto& v : entry.graph.variables) {
        if (!lesson.parameters.has(v))
            throw error_at(lesson.path, *entry.where, "the variable '" + v + "' needs a parameter of the same name");
        values[v] = Num::both(lesson.parameters.number(v));
    }
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

PartSpec::Action read_action(const Fields& f) {
    const std::string action = f.string("do");
    if (action == "forward") return PartSpec::Action::forward;
    if (action == "gradient") return PartSpec::Action::gradient;
    if (action == "adjust") return PartSpec::Action::adjust;
    if (action == "iterate") return PartSpec::Action::iterate;
    throw f.error(*f.find("do"), "'do' must be \"forward\", \"gradient\", \"adjust\" or \"iterate\"");
}

Mover read_mover(const Fields& f, const toml::node& item, double equal_share) {
    if (item.is_string()) return Mover{item.as_string()->get(), equal_share, {}};
    if (!item.is_table()) throw f.error(item, "each entry of 'move' must be a variable's name or a table");
    const Fields m(*item.as_table(), f.file());
    m.only({"variable", "share", "via"});
    return Mover{m.string("variable"), m.optional_number("share").value_or(equal_share), m.strings("via")};
}

std::vector<Mover> read_movers(const Fields& f) {
    const toml::array* move = f.optional_array("move");
    if (!move || move->empty()) throw f.error_here("this part needs 'move': the variables to adjust");
    std::vector<Mover> out;
    for (const toml::node& item : *move) out.push_back(read_mover(f, item, 1.0 / static_cast<double>(move->size())));
    return out;
}

void check_string_name(const LessonFile& lesson, const Fields& f, const std::string& key, const std::string& name) {
    if (!lesson.strings.count(name))
        throw f.error(*f.find(key), "'" + name + "' is not in the lesson's [strings]");
}

void read_action_fields(PartSpec& part, const Fields& f) {
    using A = PartSpec::Action;
    if (part.action == A::gradient) {
        part.wrt = f.strings("wrt");
        part.terms = f.optional_bool("terms").value_or(true);
        part.forward = f.optional_bool("forward").value_or(false);
    }
    if (part.action == A::adjust || part.action == A::iterate) part.movers = read_movers(f);
    if (part.action == A::iterate) {
        const std::string factors = f.optional_string("factors").value_or("fixed");
        if (factors != "fixed" && factors != "recomputed")
            throw f.error(*f.find("factors"), "'factors' must be \"fixed\" or \"recomputed\"");
        part.factors = factors == "fixed" ? FactorMode::fixed : FactorMode::recomputed;
    }
}

// Every name a part uses must be a variable or node of its graph.
void check_part_names(const PartSpec& part, const GraphEntry& g, const LessonFile& lesson, const Fields& f) {
    for (const auto& v : part.wrt) {
        bool known = false;
        for (const auto& gv : g.graph.variables) known = known || gv == v;
        if (!known) throw f.error(*f.find("wrt"), "'" + v + "' is not a variable of the graph");
    }
    if (part.movers.empty()) return;
    SeekPlan plan{g.graph, {}, 0, part.movers, part.factors, Arithmetic::exact()};
    for (const auto& v : g.graph.variables) plan.start[v] = Num::both(lesson.parameters.number(v));
    try {
        if (auto problem = plan_problem(plan)) throw f.error(*f.find("move"), *problem);
    } catch (const NumericFault&) {
        // the defaults give a value that is not a number; the run will show where
    }
}

PartSpec read_part(const LessonFile& lesson, const SeekLesson& seek, const toml::node& item) {
    if (!item.is_table()) throw error_at(lesson.path, item, "each [[part]] must be a table");
    const Fields f(*item.as_table(), lesson.path);
    f.only({"do", "key", "title", "graph", "notes", "decimals", "wrt", "terms", "forward", "move", "factors"});
    PartSpec part;
    part.where = &item;
    part.action = read_action(f);
    part.key = f.string("key");
    part.title = f.string("title");
    check_string_name(lesson, f, "title", part.title);
    part.notes = f.strings("notes");
    for (const auto& n : part.notes) check_string_name(lesson, f, "notes", n);
    part.graph = f.optional_string("graph").value_or("main");
    if (!seek.graphs.count(part.graph)) throw f.error(f.find("graph") ? *f.find("graph") : item, "no graph '" + part.graph + "' in [graphs]");
    if (auto d = f.optional_integer("decimals")) {
        if (*d < 0 || *d > 12) throw f.error(*f.find("decimals"), "'decimals' must be between 0 and 12");
        part.decimals = static_cast<int>(*d);
    }
    read_action_fields(part, f);
    const GraphEntry& g = seek.graphs.at(part.graph);
    if (part.wrt.empty()) part.wrt = g.graph.variables;
    check_part_names(part, g, lesson, f);
    return part;
}

}  // namespace

SeekLesson read_seek_lesson(const LessonFile& lesson) {
    const Fields root(lesson.root, lesson.path);
    SeekLesson seek;
    const toml::table& graphs = root.subtable("graphs");
    for (const auto& [name, table] : graphs) {
        if (!table.is_table()) throw root.error(table, "each graph must be a table: [graphs." + std::string(name.str()) + "]");
        seek.graphs[std::string(name.str())] = read_graph(lesson, *table.as_table());
    }
    const toml::array* parts = root.optional_array("part");
    if (!parts || parts->empty()) throw root.error_here("a target-seeking lesson needs at least one [[part]]");
    for (const toml::node& item : *parts) {
        seek.parts.push_back(read_part(lesson, seek, item));
        for (std::size_t i = 0; i + 1 < seek.parts.size(); ++i)
            if (seek.parts[i].key == seek.parts.back().key)
                throw root.error(item, "two parts have the key '" + seek.parts.back().key + "'");
    }
    return seek;
}

}  // namespace nntrace
