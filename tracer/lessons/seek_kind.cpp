#include "lessons/seek_kind.hpp"

#include "lessons/part_verbs.hpp"
#include "lessons/seek_config.hpp"

namespace nntrace {
namespace {

Section empty_section(const LessonRun& run, const PartSpec& part) {
    Section s{part.key, Message{lesson_message_id(run.lesson, part.title), {}}, {}, {}};
    if (part.decimals && !run.arithmetic_from_user) {
        s.digits = *part.decimals;  // shown at the precision the part works at
        s.items.emplace_back(Note{part.key + "/decimals", Note::Kind::convention,
                                  {"lesson.part_decimals", {Arg{{}, Num::both(*part.decimals)}}}});
    }
    return s;
}

Section run_part(const LessonRun& run, const GraphLesson& lesson, const PartSpec& part) {
    Section s = empty_section(run, part);
    try {
        part.verb->run(PartContext(run, lesson, part), s);
    } catch (const NumericFault&) {
        // A value that is not a number at the start: the part can show only that.
        s.items.emplace_back(Note{part.key + "/fault", Note::Kind::fault, {"seek.not_finite", {}}});
    }
    for (const auto& n : part.notes)
        s.items.emplace_back(Note{part.key + "/note/" + n, Note::Kind::info, {lesson_message_id(run.lesson, n), {}}});
    return s;
}

}  // namespace

std::vector<std::string_view> graph_lesson_keys() { return {"graphs", "part"}; }

std::vector<Section> run_graph_lesson(const LessonRun& run) {
    const GraphLesson lesson = read_graph_lesson(run.lesson);
    std::vector<Section> sections;
    for (const PartSpec& part : lesson.parts) sections.push_back(run_part(run, lesson, part));
    return sections;
}

}  // namespace nntrace
