// Every lesson page speaks one language: a Chinese page carries no English words outside its
// names and formulas, an English page no Chinese (beyond the rounding name 四舍五入 it gives in
// brackets), and each page writes a label's colon as its language does ("：" in Chinese).
// The pages are rendered as Markdown, explanation included; math ($…$), code (`…`) and link
// targets are names and formulas, not prose, and are left out of the scan.
#include "lesson_test_helpers.hpp"

#include <sstream>

#include "render/pages.hpp"

using namespace lesson_test;

namespace {

RenderOptions page_options(const std::string& lang) {
    RenderOptions o;
    o.lang = lang;
    o.messages_dir = std::filesystem::path(NNTRACE_SOURCE_HOME) / "templates/messages";
    o.templates_dir = std::filesystem::path(NNTRACE_SOURCE_HOME) / "templates";
    return o;
}

std::string page_of(const LessonInfo& lesson, const std::string& lang) {
    PageContext context;
    context.summary = lesson.summary.count(lang) ? lesson.summary.at(lang) : "";
    context.explanation = lesson_explanation(lesson, lang);
    return render_lesson_page(defaults(lesson.id), Format::md, page_options(lang), context);
}

// Removes the text between `open` and `close` (both included) wherever it occurs.
std::string without(const std::string& text, const std::string& open, const std::string& close) {
    std::string out;
    std::size_t at = 0;
    for (auto begin = text.find(open); begin != std::string::npos; begin = text.find(open, at)) {
        const auto end = text.find(close, begin + open.size());
        if (end == std::string::npos) break;
        out += text.substr(at, begin - at) + " ";
        at = end + close.size();
    }
    return out + text.substr(at);
}

// The lines of a Markdown page as a reader sees their words: without math, code and link targets.
std::vector<std::string> visible_lines(const std::string& page) {
    std::string text = without(page, "```", "```");
    text = without(text, "$$", "$$");
    text = without(text, "$", "$");
    text = without(text, "`", "`");
    text = without(text, "](", ")");
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

bool is_latin(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_name_char(char c) { return is_latin(c) || (c >= '0' && c <= '9') || c == '_'; }

// Two Latin words of two letters or more with one space between them ("after one", "final
// model"): English prose. A name stands alone (w1, ReLU, out_h1), a formula between operators;
// a command line is a name too ("nntrace check", "--set order=cyclic").
std::string english_words(const std::string& line) {
    auto word_at = [&](std::size_t at) {
        std::size_t end = at;
        while (end < line.size() && is_name_char(line[end])) ++end;
        const std::string w = line.substr(at, end - at);
        return std::all_of(w.begin(), w.end(), is_latin) && w.size() >= 2 ? w : std::string();
    };
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (!is_name_char(line[i]) || (i > 0 && (is_name_char(line[i - 1]) || line[i - 1] == '-'))) continue;
        if (line.compare(i, 8, "nntrace ") == 0) continue;
        std::size_t end = i;
        while (end < line.size() && is_name_char(line[end])) ++end;
        if (end + 1 >= line.size() || line[end] != ' ') continue;
        const std::string first = word_at(i), second = word_at(end + 1);
        if (!first.empty() && !second.empty()) return first + " " + second;
    }
    return "";
}

// Whether the UTF-8 text holds a character of the CJK blocks (ideographs, CJK punctuation,
// full-width forms).
bool has_chinese(const std::string& text) {
    for (std::size_t i = 0; i + 2 < text.size(); ++i) {
        const auto b0 = static_cast<unsigned char>(text[i]), b1 = static_cast<unsigned char>(text[i + 1]);
        if (b0 >= 0xE4 && b0 <= 0xE9) return true;         // U+4E00–U+9FFF
        if (b0 == 0xE3 && b1 == 0x80) return true;           // U+3000–U+303F
        if (b0 == 0xEF && (b1 == 0xBC || b1 == 0xBD)) return true;  // U+FF00–U+FF7F
    }
    return false;
}

// An ASCII colon right after Chinese text: "参数:" where Chinese writes "参数：".
bool ascii_colon_after_chinese(const std::string& line) {
    for (auto at = line.find(':'); at != std::string::npos; at = line.find(':', at + 1))
        if (at >= 3 && has_chinese(line.substr(at - 3, 3))) return true;
    return false;
}

const std::string rounding_name = "四舍五入";

}  // namespace

TEST_CASE("Page language: a Chinese page has no English prose, names and formulas aside", "[lessons][pages][language]") {
    for (const LessonInfo& lesson : list_lessons(lessons_dir())) {
        for (const std::string& line : visible_lines(page_of(lesson, "zh"))) {
            INFO(lesson.id << " (zh): " << line);
            CHECK(english_words(line) == "");
            CHECK_FALSE(ascii_colon_after_chinese(line));
        }
    }
}

TEST_CASE("Page language: an English page has no Chinese but the rounding name", "[lessons][pages][language]") {
    for (const LessonInfo& lesson : list_lessons(lessons_dir())) {
        for (std::string line : visible_lines(page_of(lesson, "en"))) {
            INFO(lesson.id << " (en): " << line);
            for (auto at = line.find(rounding_name); at != std::string::npos; at = line.find(rounding_name))
                line.erase(at, rounding_name.size());
            CHECK_FALSE(has_chinese(line));
        }
    }
}

TEST_CASE("Page language: the program's own word for itself, the engine, never reaches a reader", "[lessons][pages][language]") {
    for (const LessonInfo& lesson : list_lessons(lessons_dir()))
        for (const auto& [lang, word] : {std::pair<std::string, std::string>{"en", "engine"}, {"zh", "引擎"}})
            for (const std::string& line : visible_lines(page_of(lesson, lang))) {
                INFO(lesson.id << " (" << lang << "): " << line);
                std::string lower = line;
                std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
                CHECK(lower.find(word) == std::string::npos);
            }
}

TEST_CASE("Page language: the scan finds English prose and Chinese text", "[lessons][pages][language]") {
    CHECK(english_words("| x after one step | 0.48 |") == "after one");
    CHECK(english_words("| 最终模型：w2 | sign(x) | out_h1 = 0.5 |") == "");
    CHECK(english_words("参数：$w_{1} = 3$") == "");
    CHECK(english_words("可以试试 --set order=cyclic，或用 nntrace check 查") == "");
    CHECK(has_chinese("初始化：甲猜5"));
    CHECK_FALSE(has_chinese("Parameters: w1 = 3 − 0.5 · (−0.41)"));
    CHECK(ascii_colon_after_chinese("参数: w1"));
    CHECK_FALSE(ascii_colon_after_chinese("参数：w1, rule: x"));
}
