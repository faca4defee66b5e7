// The registry of part verbs: what a [[part]] of a graph lesson does (`do = "descend"`). Each
// algorithm brings its verbs in one small file (seek_parts.cpp, descent_parts.cpp), so any graph
// lesson can use any verb. A verb reads its own fields from the part's table through a
// PartContext, which resolves the parameters they name, and fills the part's section.
//
// Numbers a verb needs are parameters, so that --set can change every one of them: a field
// names the parameter (`rate = "eta"`), and without the field the verb uses a parameter of a
// conventional name (`rate`). A variable starts from the parameter of its own name unless the
// part maps it: `start = { x = "x_unit" }`. Internal to the lessons library.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/record.hpp"
#include "lessons/kinds.hpp"
#include "lessons/seek_config.hpp"
#include "lessons/toml_fields.hpp"

namespace nntrace {

class PartContext {
public:
    PartContext(const LessonRun& run, const GraphLesson& lesson, const PartSpec& part)
        : run_(run), lesson_(lesson), part_(part), fields_(*part.table, run.lesson.path) {}

    const LessonRun& run() const { return run_; }
    const PartSpec& part() const { return part_; }
    const Fields& fields() const { return fields_; }
    const Graph& graph() const { return graph(part_.graph); }
    const Graph& graph(const std::string& name) const;  // throws InputError at the part if unknown
    // The user's choice if any, else the part's own precision, else the lesson's.
    Arithmetic arithmetic() const;

    // The parameter a field names, or `fallback` when the field is absent; an error at the field
    // (or the part) when the lesson declares no such parameter.
    std::string parameter_name(std::string_view field, const std::string& fallback) const;
    double number(std::string_view field, const std::string& fallback) const;
    // The parameter `name`, listed in `field` (rates = ["eta1", "eta2"]).
    double named_number(const std::string& name, std::string_view field) const;
    // A parameter named by a field of a table inside the part (`floor = [{ below = "x_floor" }]`).
    double number_in(const Fields& table, std::string_view field) const;
    // Only when the field is given (a stop rule the part may leave out).
    std::optional<double> optional_number(std::string_view field) const;
    // A whole number from lo to hi; an error at the --set or the lesson otherwise.
    int whole_number(std::string_view field, const std::string& fallback, int lo, int hi) const;
    // The starting values of a graph's variables (see above).
    std::map<std::string, Num> start(const Graph& graph) const;

    // A text of the lesson's [strings], checked to exist.
    Message lesson_text(const std::string& local_name, std::string_view field) const;
    // The same text in both languages, "step k / 步数 k": for a drawing, which both pages share.
    std::string both_languages(const std::string& local_name, std::string_view field) const;
    InputError error(std::string_view field, const std::string& why) const;

private:
    const LessonRun& run_;
    const GraphLesson& lesson_;
    const PartSpec& part_;
    Fields fields_;
};

struct PartVerb {
    std::string_view name;
    std::vector<std::string_view> keys;  // the verb's own fields, beside common_part_keys()
    // Fills the part's section. Throws InputError for a bad field or parameter, NumericFault
    // when the graph cannot be evaluated at the start (the section then says so).
    void (*run)(const PartContext&, Section&);
};

const PartVerb* find_part_verb(std::string_view name);
std::string part_verb_names();  // "\"forward\", \"gradient\", …", for error messages

// Each algorithm's verbs, listed in its own file.
std::vector<PartVerb> seek_part_verbs();
std::vector<PartVerb> descent_part_verbs();

}  // namespace nntrace
