// The quiz questions as Moodle XML (Cloze) and GIFT. Every text is quoted for the layer it
// lands in, innermost first: HTML for what the browser shows, then the Cloze or GIFT
// metacharacters, then XML (CDATA) for the file.
#include <cmath>
#include <string_view>

#include "checking/lms_export.hpp"
#include "render/messages.hpp"

namespace nntrace {
namespace {

constexpr int max_weight_decimals = 6;  // [grading] points finer than 10⁻⁶ are not worth a weight

std::string replaced_each(std::string_view text, std::string_view specials, const char* (*as)(char)) {
    std::string out;
    for (char c : text) {
        if (specials.find(c) != std::string_view::npos) out += as(c);
        else out += c;
    }
    return out;
}

const char* xml_entity(char c) {
    switch (c) {
        case '&': return "&amp;";
        case '<': return "&lt;";
        case '>': return "&gt;";
        case '"': return "&quot;";
        default: return "&#39;";  // &apos; is not HTML 4
    }
}
// XML and HTML escape the same five characters.
std::string markup_escaped(std::string_view text) { return replaced_each(text, "&<>\"'", xml_entity); }

// A name or a title on one line: a student's name from a CSV cell may hold a line break.
std::string one_line_text(std::string_view text) {
    std::string out;
    for (char c : text) out += (c == '\n' || c == '\r') ? ' ' : c;
    return out;
}

std::string backslashed(std::string_view text, std::string_view specials) {
    std::string out;
    for (char c : text) {
        if (specials.find(c) != std::string_view::npos) out += '\\';
        out += c;
    }
    return out;
}

// Inside a Cloze blank } # ~ / " and \ end or split an answer unless escaped.
std::string cloze_escaped(std::string_view text) { return backslashed(text, "}#~/\"\\"); }

// GIFT reads ~ = # { } : as syntax anywhere in a question; a blank line ends the question.
std::string gift_escaped(std::string_view text) {
    std::string lines;
    for (char c : text) {
        if (c == '\n') lines += "&#10;";
        else if (c != '\r') lines += c;
    }
    return backslashed(lines, "~=#{}:\\");
}

// CDATA cannot hold "]]>": it is closed after "]]" and reopened before ">".
std::string cdata(std::string_view text) {
    std::string out = "<![CDATA[";
    for (std::size_t at = 0; at < text.size();) {
        const std::size_t end = text.find("]]>", at);
        if (end == std::string_view::npos) {
            out += text.substr(at);
            break;
        }
        out += std::string(text.substr(at, end - at)) + "]]]]><![CDATA[>";
        at = end + 3;
    }
    return out + "]]>";
}

std::string title_of(const QuizQuestion& q, const QuizText& text) {
    return text.lang == "zh" ? q.title_zh : q.title_en;
}

// Moodle shows a question's name as HTML-ish text (format_string): a name is escaped as HTML
// first, so that "<script>" reads as itself, then quoted for the file.
std::string question_name(const QuizQuestion& q, const QuizText& text) {
    return markup_escaped(one_line_text(title_of(q, text) + " – " + q.student.name + " (" + q.student.id + ")"));
}

std::string feedback_text(const Message& m, int decimals, const QuizText& text) {
    NumberStyle style;
    style.decimals = decimals;
    return markup_escaped(text.catalog.resolve(m, text.lang, style));
}

// The power of ten that makes every answer's points a whole number of Cloze weight.
double weight_scale(const std::vector<QuizAnswer>& answers) {
    double scale = 1;
    for (int k = 0; k < max_weight_decimals; ++k, scale *= 10) {
        bool whole = true;
        for (const auto& a : answers) whole = whole && std::fabs(a.points * scale - std::round(a.points * scale)) < 1e-9;
        if (whole) break;
    }
    return scale;
}

std::string cloze_blank(const QuizAnswer& a, long long weight, const QuizText& text) {
    std::string out = "{" + std::to_string(weight) + ":NUMERICAL:=" + a.text + ":" + a.tolerance + "#" +
                      cloze_escaped(feedback_text(Message{"check.quiz.correct", {}}, a.decimals, text));
    for (const auto& s : a.slips)
        out += "~%0%" + s.text + ":" + a.tolerance + "#" + cloze_escaped(feedback_text(s.feedback, a.decimals, text));
    return out + "}";
}

std::string cloze_question(const QuizQuestion& q, const QuizText& text) {
    const double scale = weight_scale(q.answers);
    std::string html = q.student.question_html;
    for (const auto& a : q.answers)
        html += "\n<p>" + markup_escaped(a.name) + " = " +
                cloze_blank(a, std::llround(a.points * scale), text) + "</p>";
    return "  <question type=\"cloze\">\n"
           "    <name><text>" + markup_escaped(question_name(q, text)) + "</text></name>\n"
           "    <questiontext format=\"html\"><text>" + cdata(html) + "</text></questiontext>\n"
           "    <generalfeedback format=\"html\"><text></text></generalfeedback>\n"
           "    <idnumber>" + markup_escaped(one_line_text(q.student.id)) + "</idnumber>\n"
           "  </question>\n";
}

std::string gift_answers(const QuizAnswer& a, const QuizText& text) {
    std::string out = "{#\n  =" + a.text + ":" + a.tolerance + "#" +
                      gift_escaped(feedback_text(Message{"check.quiz.correct", {}}, a.decimals, text));
    for (const auto& s : a.slips)
        out += "\n  =%0%" + s.text + ":" + a.tolerance + "#" + gift_escaped(feedback_text(s.feedback, a.decimals, text));
    return out + "\n}";
}

}  // namespace

std::string moodle_xml(const std::vector<QuizQuestion>& questions, const QuizText& text) {
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n";
    if (!questions.empty())
        out += "  <question type=\"category\">\n    <category><text>" +
               markup_escaped("$course$/nntrace/" + questions.front().problem_id) + "</text></category>\n  </question>\n";
    for (const auto& q : questions) out += cloze_question(q, text);
    return out + "</quiz>\n";
}

std::string gift(const std::vector<QuizQuestion>& questions, const QuizText& text) {
    std::string out;
    if (!questions.empty()) out += "$CATEGORY: nntrace/" + gift_escaped(questions.front().problem_id) + "\n\n";
    for (const auto& q : questions)
        for (const auto& a : q.answers)
            out += "::" + gift_escaped(question_name(q, text) + " – " + markup_escaped(a.name)) + "::[html]" +
                   gift_escaped(q.student.question_html + "<p>" + markup_escaped(a.name) + " =</p>") +
                   gift_answers(a, text) + "\n\n";
    return out;
}

}  // namespace nntrace
