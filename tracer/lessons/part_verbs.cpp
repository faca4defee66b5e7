#include "lessons/part_verbs.hpp"

#include <cmath>

namespace nntrace {
namespace {

// One line per algorithm. A new algorithm's verbs: one file and one line here.
const std::vector<PartVerb>& registry() {
    static const std::vector<PartVerb> verbs = [] {
        std::vector<PartVerb> all;
        for (auto list : {seek_part_verbs, descent_part_verbs})
            for (auto& v : list()) all.push_back(std::move(v));
        return all;
    }();
    return verbs;
}

}  // namespace

const PartVerb* find_part_verb(std::string_view name) {
    for (const auto& v : registry())
        if (v.name == name) return &v;
    return nullptr;
}

std::string part_verb_names() {
    std::string out;
    for (const auto& v : registry()) out += (out.empty() ? "\"" : ", \"") + std::string(v.name) + "\"";
    return out;
}

const Graph& PartContext::graph(const std::string& name) const {
    const auto it = lesson_.graphs.find(name);
    if (it == lesson_.graphs.end()) throw fields_.error_here("no graph '" + name + "' in [graphs]");
    return it->second.graph;
}

Arithmetic PartContext::arithmetic() const {
    if (run_.arithmetic_from_user || !part_.decimals) return run_.arithmetic;
    const Arithmetic& lesson = run_.lesson.arithmetic;
    return Arithmetic::hand(*part_.decimals, lesson.is_hand() ? lesson.rounding : Rounding::half_up);
}

InputError PartContext::error(std::string_view field, const std::string& why) const {
    const toml::node* at = fields_.find(field);
    return at ? fields_.error(*at, why) : fields_.error_here(why);
}

std::string PartContext::parameter_name(std::string_view field, const std::string& fallback) const {
    const std::string name = fields_.optional_string(field).value_or(fallback);
    named_number(name, field);
    return name;
}

double PartContext::named_number(const std::string& name, std::string_view field) const {
    if (!run_.parameters.has(name))
        throw error(field, "this part needs a parameter '" + name + "' in [parameters]");
    if (run_.parameters.at(name).type != Parameter::Type::number)
        throw error(field, "the parameter '" + name + "' must be a number");
    return run_.parameters.number(name);
}

double PartContext::number(std::string_view field, const std::string& fallback) const {
    return run_.parameters.number(parameter_name(field, fallback));
}

double PartContext::number_in(const Fields& table, std::string_view field) const {
    const std::string name = table.string(field);
    if (!run_.parameters.has(name) || run_.parameters.at(name).type != Parameter::Type::number)
        throw table.error(*table.find(field), "this needs a number parameter '" + name + "' in [parameters]");
    return run_.parameters.number(name);
}

std::optional<double> PartContext::optional_number(std::string_view field) const {
    if (!fields_.find(field)) return std::nullopt;
    return number(field, "");
}

int PartContext::whole_number(std::string_view field, const std::string& fallback, int lo, int hi) const {
    const std::string name = parameter_name(field, fallback);
    const double v = run_.parameters.number(name);
    if (v < lo || v > hi || v != std::floor(v))
        throw run_.parameters.bad_value(name, name + " must be a whole number from " + std::to_string(lo) +
                                                  " to " + std::to_string(hi));
    return static_cast<int>(v);
}

std::map<std::string, Num> PartContext::start(const Graph& graph) const {
    const toml::table* mapped = fields_.optional_subtable("start");
    std::map<std::string, Num> out;
    for (const auto& v : graph.variables) {
        const toml::node* entry = mapped ? mapped->get(v) : nullptr;
        if (entry && !entry->is_string()) throw fields_.error(*entry, "name the parameter that '" + v + "' starts from");
        const std::string name = entry ? entry->as_string()->get() : v;
        if (!run_.parameters.has(name) || run_.parameters.at(name).type != Parameter::Type::number)
            throw error("start", "the variable '" + v + "' needs a number parameter '" + name +
                                     "' (or start = { " + v + " = \"a parameter\" })");
        out[v] = Num::both(run_.parameters.number(name));
    }
    if (mapped)
        for (const auto& [name, node] : *mapped)
            if (!out.count(std::string(name.str())))
                throw fields_.error(node, "'" + std::string(name.str()) + "' is not a variable of the graph");
    return out;
}

Message PartContext::lesson_text(const std::string& local_name, std::string_view field) const {
    if (!run_.lesson.strings.count(local_name))
        throw error(field, "'" + local_name + "' is not in the lesson's [strings]");
    return Message{lesson_message_id(run_.lesson, local_name), {}};
}

std::string PartContext::both_languages(const std::string& local_name, std::string_view field) const {
    lesson_text(local_name, field);  // the same check: the name is one of the lesson's strings
    const auto& texts = run_.lesson.strings.at(local_name);
    const auto en = texts.find("en"), zh = texts.find("zh");
    if (en == texts.end() || zh == texts.end()) throw error(field, "'" + local_name + "' needs both en and zh");
    return en->second == zh->second ? en->second : en->second + " / " + zh->second;
}

}  // namespace nntrace
