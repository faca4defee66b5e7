// [random] → RandomTable, then the checks that need the other tables (check_random).
#include "problem/random_read.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <regex>

#include "core/builder.hpp"
#include "problem/checks.hpp"
#include "problem/random_variants.hpp"
#include "problem/suggest.hpp"
#include "problem/toml_order.hpp"

namespace nntrace {
namespace random_reading {

// More values than any class needs, but few enough that a count never loses precision.
constexpr double most_values = 1e15;
constexpr int most_decimals = 12;  // as the file's own decimals

FilePosition position(const toml::source_position& p) { return {static_cast<int>(p.line), static_cast<int>(p.column)}; }

const char* kind_words(const toml::node& n) {
    if (n.is_string()) return "a string";
    if (n.is_integer() || n.is_floating_point()) return "a number";
    if (n.is_boolean()) return "true/false";
    if (n.is_table()) return "a table";
    if (n.is_array()) return "an array";
    return "a date or time";
}

const std::string range_shape = "{ min = -1.0, max = 1.0, decimals = 1 }, { min = 0.1, max = 0.9, step = 0.2 } or { choices = [0.5, 1] }";

using Compare = ExcludeCondition::Compare;

class RandomReader {
public:
    RandomReader(const Problem& problem, const SourceLines& lines) : problem_(problem), lines_(lines) {}

    RandomTable read(const toml::key& key, const toml::node& node) {
        RandomTable table;
        table.where = position(key.source().begin);
        table.lines = lines_of(key, node);
        if (!node.is_table()) fail(position(node.source().begin), "'random' must be a table ([random]), not " + std::string(kind_words(node)));
        for (const auto& [name, value] : in_file_order(*node.as_table())) {
            if (name->str() == "exclude") table.exclude = conditions(*value);
            else table.values.push_back(random_value(*name, *value));
        }
        return table;
    }

private:
    [[noreturn]] void fail(FilePosition at, const std::string& message) const { fail_at(problem_, at, message); }

    double number(const toml::node& n, const std::string& what) const {
        double v = 0;
        if (n.is_integer()) v = static_cast<double>(n.as_integer()->get());
        else if (n.is_floating_point()) v = n.as_floating_point()->get();
        else fail(position(n.source().begin), what + " must be a number, not " + kind_words(n));
        if (!std::isfinite(v)) fail(position(n.source().begin), what + " must be a finite number");
        return v;
    }

    RandomValue random_value(const toml::key& key, const toml::node& node) const {
        RandomValue v;
        v.name = std::string(key.str());
        v.key = position(key.source().begin);
        v.where = position(node.source().begin);
        const std::string what = "[random] " + v.name;
        if (!node.is_table()) fail(v.where, what + " must be a table like " + range_shape + ", not " + kind_words(node));
        const std::vector<std::string> known = {"min", "max", "decimals", "step", "choices"};
        std::map<std::string, const toml::node*> given;
        for (const auto& [k, value] : in_file_order(*node.as_table())) {
            const std::string name(k->str());
            if (std::find(known.begin(), known.end(), name) == known.end()) {
                std::string message = "unknown key '" + name + "' in " + what;
                if (auto guess = closest_name(name, known)) message += "; did you mean '" + *guess + "'?";
                else message += " (expected min, max and decimals or step, or choices)";
                fail(position(k->source().begin), message);
            }
            given[name] = value;
        }
        if (given.count("choices")) {
            if (given.size() > 1) fail(v.where, what + ": choices stands alone, without min, max, decimals or step");
            read_choices(*given["choices"], what, v);
            return v;
        }
        if (!given.count("min") || !given.count("max"))
            fail(v.where, what + " needs min and max (with decimals or step), or choices: " + range_shape);
        v.min = number(*given["min"], what + " min");
        v.max = number(*given["max"], what + " max");
        if (v.min > v.max) fail(position(given["max"]->source().begin), what + ": max must not be less than min");
        if (given.count("decimals") == given.count("step"))
            fail(v.where, what + " needs either decimals = N (every value with N decimals from min to max) or step = S, not " +
                              (given.count("step") ? "both" : "neither"));
        if (given.count("decimals")) {
            const toml::node& d = *given["decimals"];
            if (!d.is_integer() || d.as_integer()->get() < 0 || d.as_integer()->get() > most_decimals)
                fail(position(d.source().begin), what + " decimals must be an integer from 0 to 12");
            v.kind = RandomValue::Kind::decimals;
            v.decimals = static_cast<int>(d.as_integer()->get());
        } else {
            v.kind = RandomValue::Kind::step;
            v.step = number(*given["step"], what + " step");
            if (v.step <= 0) fail(position(given["step"]->source().begin), what + " step must be more than 0");
        }
        const double count = (v.max - v.min) / (v.kind == RandomValue::Kind::step ? v.step : std::pow(10.0, -v.decimals));
        if (count >= most_values) fail(v.where, what + " allows more than 10^15 values; use fewer decimals or a larger step");
        if (value_count(v) == 0)
            fail(v.where, what + ": no value with " + std::to_string(v.decimals) + " decimals lies between min and max");
        return v;
    }

    void read_choices(const toml::node& node, const std::string& what, RandomValue& v) const {
        v.kind = RandomValue::Kind::choices;
        if (!node.is_array() || node.as_array()->empty())
            fail(position(node.source().begin), what + " choices must be a non-empty array of numbers, like [0.5, 1]");
        for (const toml::node& c : *node.as_array()) v.choices.push_back(number(c, "each of " + what + " choices"));
    }

    std::vector<ExcludeCondition> conditions(const toml::node& node) const {
        if (!node.is_array())
            fail(position(node.source().begin), "[random] exclude must be an array of conditions, like [\"abs(yhat) < 0.05\"]");
        std::vector<ExcludeCondition> out;
        for (const toml::node& c : *node.as_array()) {
            if (!c.is_string())
                fail(position(c.source().begin), "each [random] exclude condition must be a string, not " + std::string(kind_words(c)));
            out.push_back(condition(lines_.locate_string(c.as_string()->get(), position(c.source().begin))));
        }
        return out;
    }

    ExcludeCondition condition(SourceText source) const {
        ExcludeCondition c;
        const std::string& text = source.text;
        const std::size_t at = text.find_first_of("<>=!");
        if (at == std::string::npos)
            fail(source.at(1), "the exclude condition \"" + text + "\" needs a comparison: <, <=, >, >=, == or !=");
        const bool two = at + 1 < text.size() && text[at + 1] == '=';
        const char first = text[at];
        if (!two && (first == '=' || first == '!'))
            fail(source.at(static_cast<int>(at) + 1), std::string("in exclude: '") + first + "' alone compares nothing; write " +
                                                         (first == '=' ? "==" : "!="));
        if (first == '<') c.compare = two ? Compare::less_equal : Compare::less;
        if (first == '>') c.compare = two ? Compare::greater_equal : Compare::greater;
        if (first == '=') c.compare = Compare::equal;
        if (first == '!') c.compare = Compare::not_equal;
        c.right_column = static_cast<int>(at + (two ? 2 : 1)) + 1;
        const std::string parsed = with_derivatives_as_names(text, c.derivatives);
        c.left_text = parsed.substr(0, at);
        c.right_text = parsed.substr(static_cast<std::size_t>(c.right_column) - 1);
        c.left = side(source, c.left_text, 0);
        c.right = side(source, c.right_text, c.right_column - 1);
        c.source = std::move(source);
        return c;
    }

    // "dL/dw7" → "dL_dw7" wherever a derivative's answer name stands, remembered in `names`.
    static std::string with_derivatives_as_names(std::string text, std::map<std::string, std::string>& names) {
        static const std::regex derivative(R"((^|[^A-Za-z0-9_])(d[A-Za-z_][A-Za-z0-9_]*)/(d[A-Za-z_][A-Za-z0-9_]*))");
        const std::string original = text;
        for (auto it = std::sregex_iterator(original.begin(), original.end(), derivative); it != std::sregex_iterator(); ++it) {
            const std::size_t slash = static_cast<std::size_t>(it->position(3)) - 1;
            text[slash] = '_';
            names[it->str(2) + "_" + it->str(3)] = it->str(2) + "/" + it->str(3);
        }
        return text;
    }

    Expr side(const SourceText& source, const std::string& text, int offset) const {
        try {
            return parse_expression(text);
        } catch (const ExpressionError& e) {
            fail(source.at(e.column() + offset), std::string("in exclude: ") + e.what());
        }
    }

    const Problem& problem_;
    const SourceLines& lines_;
};

int last_line(const toml::node& node) {
    int last = static_cast<int>(node.source().end.line);
    if (const toml::table* t = node.as_table())
        for (const auto& [k, v] : *t) last = std::max({last, static_cast<int>(k.source().end.line), last_line(v)});
    if (const toml::array* a = node.as_array())
        for (const toml::node& v : *a) last = std::max(last, last_line(v));
    return last;
}

const NamedNumber* leaf_named(const Problem& p, const std::string& name) {
    for (const auto* list : {&p.inputs, &p.params})
        for (const auto& n : *list)
            if (n.name == name) return &n;
    return nullptr;
}

void check_drawn_name(const Problem& p, const RandomValue& v) {
    if (leaf_named(p, v.name)) return;
    for (const auto& n : p.nodes)
        if (n.name == v.name)
            fail_at(p, v.key, "[random] " + v.name + ": '" + v.name + "' is a node, computed from its expression; only inputs and params are drawn");
    std::vector<std::string> known;
    for (const auto* list : {&p.inputs, &p.params})
        for (const auto& n : *list) known.push_back(n.name);
    std::string message = "[random] names '" + v.name + "', which is not an input or a param";
    if (auto guess = closest_name(v.name, known)) message += "; did you mean '" + *guess + "'?";
    fail_at(p, v.key, message);
}

// Builds each side once with every name worth 1, so that an unknown name or function, or a
// call with the wrong number of arguments, is found when the file is read, not at a draw.
void check_condition(const Problem& p, const ExcludeCondition& c) {
    std::vector<std::string> names;
    for (const auto* list : {&p.inputs, &p.params})
        for (const auto& n : *list) names.push_back(n.name);
    for (const auto& n : p.nodes) names.push_back(n.name);
    struct Side {
        const Expr* expr;
        const std::string* text;
        int offset;
    };
    for (const auto& [expr, text, offset] : {Side{&c.left, &c.left_text, 0}, Side{&c.right, &c.right_text, c.right_column - 1}}) {
        for (const std::string& name : names_in(*expr)) {
            const FilePosition at = c.source.at(find_name(*expr, name)->begin + offset);
            if (const auto d = c.derivatives.find(name); d != c.derivatives.end()) {
                if (std::find(names.begin(), names.end(), name) != names.end())
                    fail_at(p, at, "in exclude: '" + d->second + "' would be read as '" + name + "', a name of the problem; rename it");
                if (const auto why = derivative_problem(p, *parse_derivative_name(d->second)))
                    fail_at(p, at, "in exclude: " + d->second + ": " + *why);
                continue;
            }
            if (std::find(names.begin(), names.end(), name) != names.end()) continue;
            std::string message = "in exclude: unknown name '" + name + "'";
            if (auto guess = closest_name(name, names)) message += "; did you mean '" + *guess + "'?";
            fail_at(p, at, message);
        }
        std::map<std::string, double> ones;
        for (const auto& n : names) ones[n] = 1.0;
        for (const auto& [n, answer] : c.derivatives) ones[n] = 1.0;
        try {
            evaluate_condition_side(p, *expr, *text, ones);
        } catch (const ExpressionError& e) {
            fail_at(p, c.source.at(e.column() + offset), std::string("in exclude: ") + e.what());
        } catch (const NumericFault&) {
            // 1 is only a stand-in; a drawn variant will have values of its own.
        }
    }
}

}  // namespace random_reading

RandomTable read_random(const toml::key& key, const toml::node& node, const Problem& problem, const SourceLines& lines) {
    return random_reading::RandomReader(problem, lines).read(key, node);
}

LineSpan lines_of(const toml::key& key, const toml::node& node) {
    return {static_cast<int>(key.source().begin.line), random_reading::last_line(node)};
}

void check_random(const Problem& problem) {
    for (const auto& v : problem.random->values) random_reading::check_drawn_name(problem, v);
    for (const auto& c : problem.random->exclude) random_reading::check_condition(problem, c);
}

}  // namespace nntrace
