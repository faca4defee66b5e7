#include "lessons/seek_kind.hpp"

#include <algorithm>
#include <optional>

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

// Where a part shows textbook chains, its elementary chain-rule lines move to a folded
// subsection after it ("every elementary step"); nullopt when there is nothing to move.
std::optional<Section> elementary_steps(Section& part) {
    auto is_chain = [](const Item& i) { return std::holds_alternative<NamedChain>(i); };
    auto is_elementary = [](const Item& i) { return std::holds_alternative<ChainLine>(i) || std::holds_alternative<GradientSum>(i); };
    if (std::none_of(part.items.begin(), part.items.end(), is_chain)) return std::nullopt;
    Section steps{part.key + "-steps", Message{"chain.section.elementary", {}}, {}, part.digits};
    steps.folded = true;
    for (Item& i : part.items)
        if (is_elementary(i)) steps.items.push_back(std::move(i));
    part.items.erase(std::remove_if(part.items.begin(), part.items.end(), is_elementary), part.items.end());
    if (steps.items.empty()) return std::nullopt;
    return steps;
}

}  // namespace

std::vector<std::string_view> graph_lesson_keys() { return {"graphs", "part"}; }

std::vector<Section> run_graph_lesson(const LessonRun& run) {
    const GraphLesson lesson = read_graph_lesson(run.lesson);
    std::vector<Section> sections;
    for (const PartSpec& part : lesson.parts) {
        sections.push_back(run_part(run, lesson, part));
        if (auto steps = elementary_steps(sections.back())) sections.push_back(std::move(*steps));
    }
    return sections;
}

}  // namespace nntrace
