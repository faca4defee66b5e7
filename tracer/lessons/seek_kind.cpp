#include "lessons/seek_kind.hpp"

#include <cmath>

#include "core/recording.hpp"
#include "lessons/seek_config.hpp"
#include "lessons/seek_items.hpp"

namespace nntrace {
namespace {

constexpr int largest_round_cap = 10000;  // a longer table helps no reader

// The arithmetic of one part: the user's choice if any, else the part's own precision (the
// source switches to 3 decimals for one step), else the lesson's.
Arithmetic part_arithmetic(const LessonRun& run, const PartSpec& part) {
    if (run.arithmetic_from_user || !part.decimals) return run.arithmetic;
    return Arithmetic::hand(*part.decimals, run.lesson.arithmetic.is_hand() ? run.lesson.arithmetic.rounding
                                                                             : Rounding::half_up);
}

std::map<std::string, Num> start_values(const LessonRun& run, const Graph& graph) {
    std::map<std::string, Num> out;
    for (const auto& v : graph.variables) out[v] = Num::both(run.parameters.number(v));
    return out;
}

double required_number(const LessonRun& run, const PartSpec& part, const std::string& name) {
    if (!run.parameters.has(name))
        throw InputError(run.lesson.path, static_cast<int>(part.where->source().begin.line),
                         static_cast<int>(part.where->source().begin.column),
                         "this part needs a parameter '" + name + "' in [parameters]");
    return run.parameters.number(name);
}

SeekPlan make_plan(const LessonRun& run, const SeekLesson& lesson, const PartSpec& part) {
    const Graph& graph = lesson.graphs.at(part.graph).graph;
    return SeekPlan{graph, start_values(run, graph), required_number(run, part, "target"), part.movers,
                    part.factors, part_arithmetic(run, part)};
}

Section empty_section(const LessonRun& run, const PartSpec& part) {
    Section s{part.key, Message{lesson_message_id(run.lesson, part.title), {}}, {}};
    if (part.decimals && !run.arithmetic_from_user)
        s.items.emplace_back(Note{part.key + "/decimals", Note::Kind::convention,
                                  {"lesson.part_decimals", {Arg{{}, Num::both(*part.decimals)}}}});
    return s;
}

// A value that is not a number at the start: the part can show only that.
Note fault_note(const PartSpec& part) {
    return Note{part.key + "/fault", Note::Kind::fault, {"seek.not_finite", {}}};
}

void forward_part(const LessonRun& run, const SeekLesson& lesson, const PartSpec& part, Section& s) {
    const Graph& graph = lesson.graphs.at(part.graph).graph;
    const BuiltGraph built = build_graph(graph, start_values(run, graph), part_arithmetic(run, part));
    auto steps = forward_steps(built.tape, part.key + "/");
    s.items.insert(s.items.end(), steps.begin(), steps.end());
}

void gradient_part(const LessonRun& run, const SeekLesson& lesson, const PartSpec& part, Section& s) {
    const Graph& graph = lesson.graphs.at(part.graph).graph;
    const BuiltGraph built = build_graph(graph, start_values(run, graph), part_arithmetic(run, part));
    if (part.forward) forward_part(run, lesson, part, s);
    auto items = gradient_items(built, graph.output, part.wrt, part.key + "/", part.terms);
    s.items.insert(s.items.end(), items.begin(), items.end());
}

void adjust_part(const LessonRun& run, const SeekLesson& lesson, const PartSpec& part, Section& s) {
    const SeekPlan plan = make_plan(run, lesson, part);
    const SeekRun result = seek_once(plan);
    auto items = adjustment_items(plan, result, part.key + "/");
    s.items.insert(s.items.end(), items.begin(), items.end());
    if (auto note = ending_note(plan, result, part.key + "/end")) s.items.emplace_back(*note);
}

void iterate_part(const LessonRun& run, const SeekLesson& lesson, const PartSpec& part, Section& s) {
    const SeekPlan plan = make_plan(run, lesson, part);
    const double tolerance = required_number(run, part, "tolerance");
    if (!(tolerance > 0)) throw run.parameters.bad_value("tolerance", "the tolerance must be above 0");
    const double cap = required_number(run, part, "max_rounds");
    if (cap < 1 || cap > largest_round_cap || cap != std::floor(cap))
        throw run.parameters.bad_value("max_rounds", "max_rounds must be a whole number from 1 to " +
                                                         std::to_string(largest_round_cap));
    const SeekRun result = seek_until(plan, tolerance, static_cast<int>(cap));
    s.items.emplace_back(iteration_table(plan, result, part.key, s.title));
    if (auto note = ending_note(plan, result, part.key + "/end")) s.items.emplace_back(*note);
}

Section run_part(const LessonRun& run, const SeekLesson& lesson, const PartSpec& part) {
    Section s = empty_section(run, part);
    try {
        switch (part.action) {
            case PartSpec::Action::forward: forward_part(run, lesson, part, s); break;
            case PartSpec::Action::gradient: gradient_part(run, lesson, part, s); break;
            case PartSpec::Action::adjust: adjust_part(run, lesson, part, s); break;
            case PartSpec::Action::iterate: iterate_part(run, lesson, part, s); break;
        }
    } catch (const NumericFault&) {
        s.items.emplace_back(fault_note(part));
    }
    for (const auto& n : part.notes)
        s.items.emplace_back(Note{part.key + "/note/" + n, Note::Kind::info, {lesson_message_id(run.lesson, n), {}}});
    return s;
}

}  // namespace

std::vector<std::string_view> target_seeking_keys() { return {"graphs", "part"}; }

std::vector<Section> run_target_seeking(const LessonRun& run) {
    const SeekLesson lesson = read_seek_lesson(run.lesson);
    std::vector<Section> sections;
    for (const PartSpec& part : lesson.parts) sections.push_back(run_part(run, lesson, part));
    return sections;
}

}  // namespace nntrace
