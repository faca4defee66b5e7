#include "lessons/lessons.hpp"

#include <algorithm>
#include <fstream>
#include <optional>
#include <sstream>

#include "core/compare.hpp"
#include "core/errors.hpp"
#include "lessons/kinds.hpp"
#include "lessons/lesson_file.hpp"
#include "lessons/lesson_figures.hpp"

namespace nntrace {
namespace {

constexpr int exact_display_digits = 6;

std::vector<std::filesystem::path> lesson_dirs(const std::filesystem::path& lessons_dir) {
    std::error_code ec;
    if (!std::filesystem::is_directory(lessons_dir, ec))
        throw InputError("the lessons folder " + lessons_dir.string() + " does not exist");
    std::vector<std::filesystem::path> out;
    for (const auto& entry : std::filesystem::directory_iterator(lessons_dir))
        if (entry.is_directory() && std::filesystem::exists(entry.path() / "lesson.toml"))
            out.push_back(entry.path());
    return out;
}

// Course order: lessons with a section first, by section number, then by id.
bool before(const LessonFile& a, const LessonFile& b) {
    if (a.section.empty() != b.section.empty()) return !a.section.empty();
    if (a.section != b.section) return a.section < b.section;
    return a.info.id < b.info.id;
}

std::vector<LessonFile> load_all(const std::filesystem::path& lessons_dir) {
    std::vector<LessonFile> lessons;
    for (const auto& dir : lesson_dirs(lessons_dir)) lessons.push_back(load_lesson_file(dir));
    std::sort(lessons.begin(), lessons.end(), before);
    return lessons;
}

std::filesystem::path find_lesson_dir(const std::filesystem::path& lessons_dir, const std::string& id) {
    for (const auto& dir : lesson_dirs(lessons_dir))
        if (dir.filename().string() == id) return dir;
    // Folder names, not parsed files: one broken lesson must not hide the list.
    std::vector<std::string> ids;
    for (const auto& dir : lesson_dirs(lessons_dir)) ids.push_back(dir.filename().string());
    std::sort(ids.begin(), ids.end());
    std::string known;
    for (const auto& k : ids) known += (known.empty() ? "" : ", ") + k;
    throw InputError("no lesson '" + id + "' (known lessons: " + known + ")");
}

// The lesson's own texts travel with the record: its title and every [strings] entry.
std::map<std::string, std::map<std::string, std::string>> record_strings(const LessonFile& lesson) {
    std::map<std::string, std::map<std::string, std::string>> out;
    out[lesson_message_id(lesson, "title")] = lesson.info.title;
    for (const auto& [name, texts] : lesson.strings) out[lesson_message_id(lesson, name)] = texts;
    return out;
}

// The published figures belong to the source's settings: when --set or the arithmetic moves the
// run away from them, they are judged against a run at the source's settings, and a note says so.
// Those verdicts depend only on the lesson as read (its rounding included), so `at_source` and
// `own` (a run at the source's settings, judged as itself) keep them for the next run of the
// same lesson.
void add_comparisons(const LessonFile& lesson, const RunOptions& options, Record& record,
                     std::optional<std::vector<Comparison>>& at_source, std::optional<std::vector<Comparison>>& own) {
    if (lesson.published.empty()) return;
    if (options.sets.empty() && !options.arithmetic) {
        if (!own) own = compare_figures(lesson, lesson.parameters, record);
        record.comparisons = *own;
        return;
    }
    if (!at_source) {
        Record source;
        source.exact_digits = record.exact_digits;
        source.sections = find_lesson_kind(lesson.kind)->run(LessonRun{lesson, lesson.parameters, lesson.arithmetic, false});
        at_source = compare_figures(lesson, lesson.parameters, source);
    }
    record.comparisons = *at_source;
    Section note;
    note.key = "source-settings";
    note.title = Message{"lesson.source_settings.title", {}};
    note.items.emplace_back(Note{"source-settings/note", Note::Kind::convention, Message{"lesson.source_settings", {}}});
    record.sections.push_back(std::move(note));
}

}  // namespace

std::vector<LessonInfo> list_lessons(const std::filesystem::path& lessons_dir) {
    std::vector<LessonInfo> out;
    for (const auto& lesson : load_all(lessons_dir)) out.push_back(lesson.info);
    return out;
}

Record run_lesson(const std::filesystem::path& lessons_dir, const std::string& id,
                  const RunOptions& options) {
    return LessonRunner(lessons_dir, id).run(options);
}

// The lesson as read from its folder, with its rounding possibly changed, and the verdicts on its
// published figures once judged. Never copied: a copy of a toml::table forgets where its values
// were written, which every message about a value in lesson.toml needs.
struct LessonRunner::Reading {
    LessonFile lesson;
    std::optional<std::vector<Comparison>> comparisons_at_source;  // judged against a run at the source's settings
    std::optional<std::vector<Comparison>> comparisons_own;        // judged against a run with no option
};

LessonRunner::LessonRunner(const std::filesystem::path& lessons_dir, const std::string& id)
    : dir_(find_lesson_dir(lessons_dir, id)) {
    auto own = std::make_unique<Reading>(Reading{load_lesson_file(dir_), std::nullopt, std::nullopt});
    own_rounding_ = own->lesson.arithmetic.rounding;
    readings_[own_rounding_] = std::move(own);
}

LessonRunner::~LessonRunner() = default;

const LessonInfo& LessonRunner::info() const { return readings_.at(own_rounding_)->lesson.info; }

// --rounding alone: the lesson's own decimals, rounded the other way (the lesson read again,
// once, and changed).
LessonRunner::Reading& LessonRunner::reading(const RunOptions& options) {
    if (!options.rounding || options.arithmetic) return *readings_.at(own_rounding_);
    if (!readings_.at(own_rounding_)->lesson.arithmetic.is_hand())
        throw InputError(std::string("--rounding ") + (*options.rounding == Rounding::truncate ? "truncate" : "half-up") +
                         ": the lesson computes exactly; give --decimals N as well");
    std::unique_ptr<Reading>& r = readings_[*options.rounding];
    if (!r) {
        r = std::make_unique<Reading>(Reading{load_lesson_file(dir_), std::nullopt, std::nullopt});
        r->lesson.arithmetic.rounding = *options.rounding;
    }
    return *r;
}

Record LessonRunner::run(const RunOptions& options) {
    Reading& reading_now = reading(options);
    const LessonFile& lesson = reading_now.lesson;
    Parameters parameters = lesson.parameters;
    parameters.apply_sets(options.sets, lesson.info.id);

    Record record;
    const LessonRun run{lesson, parameters, options.arithmetic.value_or(lesson.arithmetic),
                        options.arithmetic.has_value(), &record.find_elsewhere};
    record.id = lesson.info.id;
    record.title = Message{lesson_message_id(lesson, "title"), {}};
    record.arithmetic = run.arithmetic;
    record.digits = run.arithmetic.is_hand() ? run.arithmetic.decimals : lesson.exact_digits.value_or(exact_display_digits);
    record.parameters = parameters.numbers();
    record.settings = parameters.settings();
    for (const std::string& name : lesson.secret) record.settings.erase(name);
    record.internal = lesson.internal;
    record.strings = record_strings(lesson);
    record.sections = find_lesson_kind(lesson.kind)->run(run);
    add_comparisons(lesson, options, record, reading_now.comparisons_at_source, reading_now.comparisons_own);
    return record;
}

std::string lesson_explanation(const LessonInfo& lesson, const std::string& lang) {
    std::ifstream in(lesson.dir / ("explanation." + lang + ".md"), std::ios::binary);
    if (!in) return {};
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace nntrace
