// Lessons: a folder lessons/<id>/ says what to compute (lesson.toml), and explains it
// (explanation.en.md, explanation.zh.md); the shared algorithms do the computing. The CLI
// calls exactly these functions.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/record.hpp"
#include "core/run_options.hpp"

namespace nntrace {

struct LessonInfo {
    std::string id;
    std::map<std::string, std::string> title;    // by language: "en", "zh"
    std::map<std::string, std::string> summary;  // one line on what it teaches, by language
    std::filesystem::path dir;
};

// Every lesson folder under `lessons_dir` (a folder holding a lesson.toml), in course order:
// by the lesson's `section` ("2.2" before "2.10"), then by id. Throws InputError for a
// lesson.toml that cannot be read.
std::vector<LessonInfo> list_lessons(const std::filesystem::path& lessons_dir);

// Runs one lesson with its defaults and the user's overrides. Throws InputError for an unknown
// id (listing the known ones), a bad lesson.toml (FILE:LINE:COLUMN), an unknown --set name
// (listing the lesson's parameters) or a value of the wrong type ("--set w=abc: ...").
Record run_lesson(const std::filesystem::path& lessons_dir, const std::string& id,
                  const RunOptions& options);

// One lesson read once and run many times: the pages' panel in the browser runs it again at
// every change of a setting. Its lesson.toml is read once, and its published figures, which are
// judged at the source's settings whatever the run's, are judged once. run_lesson is one run.
class LessonRunner {
public:
    // Throws as run_lesson does for an unknown id or a bad lesson.toml.
    LessonRunner(const std::filesystem::path& lessons_dir, const std::string& id);
    ~LessonRunner();
    LessonRunner(const LessonRunner&) = delete;
    LessonRunner& operator=(const LessonRunner&) = delete;

    const LessonInfo& info() const;
    // Throws as run_lesson does for bad options.
    Record run(const RunOptions& options);

private:
    struct Reading;
    Reading& reading(const RunOptions& options);

    std::filesystem::path dir_;
    Rounding own_rounding_ = Rounding::half_up;
    std::map<Rounding, std::unique_ptr<Reading>> readings_;  // by rounding: the lesson's own, and --rounding's
};

// The explanation text of a lesson in a language (Markdown), empty if none.
std::string lesson_explanation(const LessonInfo& lesson, const std::string& lang);

}  // namespace nntrace
