#include "lessons/problem_kind.hpp"

#include <algorithm>
#include <optional>
#include <stdexcept>
#include <string>

#include "core/double_chars.hpp"
#include "core/errors.hpp"
#include "lessons/toml_fields.hpp"
#include "problem/problem.hpp"

namespace nntrace {
namespace {

constexpr int exact_column_decimals = 9;  // as Record::exact_digits: the exact value, in full

// The kind's keys, read with their positions.
struct ProblemLesson {
    Problem problem;
    std::vector<std::string> conventions;
    std::vector<std::pair<std::string, const toml::node*>> compare_exact;  // key, where it is listed
};

InputError at_parameter(const Parameter& p, const std::string& why) {
    return InputError(p.file, p.line, p.column, why);
}

// Each element of an array of strings, with its node for errors; none when the key is absent.
std::vector<std::pair<std::string, const toml::node*>> listed(const Fields& f, std::string_view key) {
    std::vector<std::pair<std::string, const toml::node*>> out;
    f.strings(key);  // checks the shape: an array of strings
    if (const toml::array* a = f.optional_array(key))
        for (const toml::node& item : *a) out.emplace_back(item.as_string()->get(), &item);
    return out;
}

std::vector<DerivativeRequest> read_derivatives(const Fields& f, const Problem& problem) {
    std::vector<DerivativeRequest> out;
    for (const auto& [text, node] : listed(f, "derivatives")) {
        const auto d = parse_derivative_name(text);
        if (!d) throw f.error(*node, "'" + text + "' is not a derivative; write \"dA/dB\" for ∂A/∂B, like \"dE_o1/dout_h1\"");
        if (auto why = derivative_problem(problem, *d)) throw f.error(*node, text + ": " + *why + " (in problem.toml)");
        out.push_back(*d);
    }
    return out;
}

std::vector<std::string> read_conventions(const Fields& f, const LessonFile& lesson) {
    std::vector<std::string> out;
    for (const auto& [name, node] : listed(f, "conventions")) {
        if (!lesson.strings.count(name)) throw f.error(*node, "'" + name + "' is not a text in [strings]");
        out.push_back(name);
    }
    return out;
}

ProblemLesson read_problem_lesson(const LessonFile& lesson) {
    const Fields f(lesson.root, lesson.path);
    ProblemLesson out{read_problem(lesson.info.dir / "problem.toml"), {}, {}};
    out.problem.derivatives = read_derivatives(f, out.problem);
    out.conventions = read_conventions(f, lesson);
    out.compare_exact = listed(f, "compare_exact");
    return out;
}

// The lesson's [arithmetic] and the problem file's must agree: `nntrace run problem.toml` and
// the lesson page then compute the same thing.
void check_arithmetic(const LessonFile& lesson, const Problem& problem) {
    const Arithmetic& a = lesson.arithmetic;
    const bool same = problem.decimals ? a.is_hand() && a.decimals == *problem.decimals && a.rounding == problem.rounding
                                       : !a.is_hand();
    if (same) return;
    const std::string says = problem.decimals ? "decimals = " + std::to_string(*problem.decimals) : "exact arithmetic";
    const std::string why = "[arithmetic] must match problem.toml, which says " + says;
    if (const toml::node* at = lesson.root.get("arithmetic")) throw error_at(lesson.path, *at, why);
    throw InputError(lesson.path, 0, 0, why);
}

// The problem's value for a parameter's name, or none if the name sets nothing in the problem.
std::optional<double> problem_value(const Problem& p, const std::string& name) {
    for (const auto& i : p.inputs)
        if (i.name == name) return i.value;
    for (const auto& q : p.params)
        if (q.name == name) return q.value;
    if (p.train && name == "rate") return p.train->rate;
    if (p.train && name == "rounds") return p.train->rounds;
    return std::nullopt;
}

// A value as the shortest text that reads back as the same double: the problem parses it again.
std::string exact_text(double v) {
    return shortest_text(v);
}

void check_parameter_defaults(const LessonFile& lesson, const Problem& problem) {
    for (const Parameter& p : lesson.parameters.all()) {
        if (p.type != Parameter::Type::number) throw at_parameter(p, "parameter '" + p.name + "' must be a number");
        const auto value = problem_value(problem, p.name);
        if (!value)
            throw at_parameter(p, "problem.toml has no input or param named '" + p.name + "'" +
                                      (problem.train ? "" : ", and no [train] for rate or rounds"));
        if (*value != p.number)
            throw at_parameter(p, p.name + " = " + exact_text(p.number) + " here, but " + exact_text(*value) +
                                      " in problem.toml: a default must be the problem file's own value");
    }
}

RunOptions problem_options(const LessonRun& run) {
    RunOptions options;
    options.arithmetic = run.arithmetic;
    for (const Parameter& p : run.parameters.all())
        if (p.set_by_user) options.sets.emplace_back(p.name, exact_text(p.number));
    return options;
}

void add_conventions(const LessonFile& lesson, const std::vector<std::string>& names, Section& setup) {
    // After the note on the arithmetic, before the table of givens.
    auto at = setup.items.begin() + std::min<std::ptrdiff_t>(1, static_cast<std::ptrdiff_t>(setup.items.size()));
    for (const auto& name : names)
        at = std::next(setup.items.insert(at, Note{"convention/" + name, Note::Kind::convention,
                                                   Message{lesson_message_id(lesson, name), {}}}));
}

// How the source names a key, if it publishes it; else the key itself.
std::string label_of(const LessonFile& lesson, const std::string& key) {
    for (const auto& p : lesson.published)
        if (p.key == key) return p.label;
    return key;
}

// A hand calculation's figures beside the exact ones, for the keys the lesson names.
Section exact_section(const LessonFile& lesson, const Record& run,
                      const std::vector<std::pair<std::string, const toml::node*>>& keys) {
    Table t{"hand-and-exact", Message{"network.table.exact", {}}, {}, {}};
    t.columns = {Column{"quantity", Message{"network.column.quantity", {}}, std::nullopt},
                 Column{"hand", Message{"network.column.hand", {}}, std::nullopt},
                 Column{"exact", Message{"network.column.exact", {}}, exact_column_decimals}};
    for (const auto& [key, where] : keys) {
        const auto v = run.find(key);
        if (!v) throw error_at(lesson.path, *where, "the run has no value under '" + key + "'");
        t.rows.push_back({Cell{std::nullopt, Message{"network.name", {Arg{label_of(lesson, key), std::nullopt}}}},
                          Cell{Num::both(v->hand), std::nullopt}, Cell{Num::both(v->exact), std::nullopt}});
    }
    Section s{"exact", Message{"network.section.exact", {}}, {}};
    s.items.emplace_back(std::move(t));
    return s;
}

Section& section_named(Record& r, const std::string& key) {
    for (auto& s : r.sections)
        if (s.key == key) return s;
    throw std::logic_error("the problem run has no section " + key);
}

}  // namespace

std::vector<std::string_view> problem_lesson_keys() { return {"derivatives", "conventions", "compare_exact"}; }

std::vector<Section> run_problem_lesson(const LessonRun& run) {
    const ProblemLesson lesson = read_problem_lesson(run.lesson);
    check_arithmetic(run.lesson, lesson.problem);
    check_parameter_defaults(run.lesson, lesson.problem);
    Record record = run_problem(lesson.problem, problem_options(run));
    add_conventions(run.lesson, lesson.conventions, section_named(record, "setup"));
    // Built even when it is not shown, so that a wrong key is found whatever the arithmetic.
    Section exact = exact_section(run.lesson, record, lesson.compare_exact);
    if (run.arithmetic.is_hand() && !lesson.compare_exact.empty()) record.sections.push_back(std::move(exact));
    // The rounds a training run leaves out stay findable by key in the lesson's record too.
    if (run.find_elsewhere)
        for (auto& lookup : record.find_elsewhere) run.find_elsewhere->push_back(std::move(lookup));
    return record.sections;
}

}  // namespace nntrace
