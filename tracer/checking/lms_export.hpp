// A student's variant of a problem as a quiz question for a learning-management system: each
// answer as a numerical blank with its tolerance, and each known mistake (the table of
// checking/mistakes.hpp) that gives a different number as a wrong answer worth 0 % whose feedback
// names the mistake, the way WeBWorK's answer hints do. Two writers turn the questions into the
// files Moodle imports: Moodle XML (one Cloze question per variant) and GIFT (one numerical
// question per answer of a variant, since GIFT has one answer set per question).
//
// What a caller passes, per student:
//   - the concrete Problem of that student (every [random] value already drawn) and the
//     RunOptions it is run with (usually none);
//   - QuizStudent: the roster's id and name, and the question as an HTML fragment without the
//     answers (the body of the handout, not a whole document; it is trusted HTML and is put in
//     the question unchanged, apart from the quoting each file format needs).
// Then the list of questions goes to moodle_xml or gift, with the message catalog and language
// of the feedback texts.
//
// Numbers: each value at the problem's decimals (the file's `decimals`; for an exact problem,
// the most decimals its [answers] are written with), written by format_number; the tolerance is
// half a unit in that last decimal (0.0005 at 3 decimals), so exactly the answers that round to
// the key are accepted. A blank's weight is the answer's points of [grading] (1 by default).
#pragma once

#include <string>
#include <vector>

#include "core/record.hpp"
#include "core/run_options.hpp"
#include "problem/problem.hpp"

namespace nntrace {

class MessageCatalog;

struct QuizStudent {
    std::string id;             // the roster's id: the question's idnumber, part of its name
    std::string name;           // the student's name, part of the question's name
    std::string question_html;  // the question as an HTML fragment, without answers (may be empty)
};

// A known mistake as a wrong answer worth 0 %.
struct QuizSlip {
    std::string mistake;  // the mistake's id with its arguments: "sign_flipped", "bias_forgotten b2"
    double value = 0;     // what the mistake gives, in the problem's arithmetic
    std::string text;     // `value` at the problem's decimals: "0.192"
    Message feedback;     // why: "check.mistake.sign_flipped"
};

struct QuizAnswer {
    std::string name;       // as in [answers]: "yhat", "dL/dw7"
    double value = 0;       // the correct value, in the problem's arithmetic
    int decimals = 0;       // the problem's decimals
    std::string text;       // `value` at `decimals`: "0.384"
    std::string tolerance;  // half a unit in the last decimal: "0.0005"
    double points = 1;      // what the answer is worth: its [grading] points
    // One per distinct wrong value, in the order of the mistake table; a mistake that gives the
    // right value at `decimals`, or no number, or a value an earlier mistake gave, is left out.
    std::vector<QuizSlip> slips;
};

struct QuizQuestion {
    std::string problem_id;  // the problem's id ("exercise-7"): the category of the questions
    std::string title_en, title_zh;
    QuizStudent student;
    std::vector<QuizAnswer> answers;
};

// The question of one student. `answers` names the blanks (answer names as in [answers]);
// empty: the names of the problem's own [answers]. Throws InputError when the problem cannot be
// run, a name is not something it computes, there is no answer, or an exact problem whose
// answers carry no decimals leaves no tolerance to give.
QuizQuestion quiz_question(const Problem& problem, const RunOptions& options, const QuizStudent& student,
                           const std::vector<std::string>& answers = {});

// The feedback texts' language ("en", "zh") and catalog (MessageCatalog::load(templates/messages)).
struct QuizText {
    const MessageCatalog& catalog;
    std::string lang = "en";
};

// A Moodle XML quiz: a category question ($course$/nntrace/<problem id>), then one Cloze
// ("cloze") question per student, named "<title> – <name> (<id>)" (escaped as HTML, since
// Moodle shows names as HTML, then as XML), with idnumber <id>, whose
// text is the question's HTML followed by one line per answer with its NUMERICAL blank:
// {w:NUMERICAL:=0.384:0.0005#Correct.~%0%0.192:0.0005#The sign is flipped…}. Names are
// XML-escaped, the HTML is in CDATA (a "]]>" inside split across two sections), feedback is
// HTML-escaped and its Cloze characters (} # ~ / " \) backslash-escaped. A blank's weight w is
// its points; Cloze weights are whole numbers, so fractional points are all scaled by the same
// power of ten (the proportions, which are what Cloze grades by, are kept).
std::string moodle_xml(const std::vector<QuizQuestion>& questions, const QuizText& text);

// GIFT: `$CATEGORY: nntrace/<problem id>`, then per student and answer one numerical question
// `::<title> – <name> (<id>) – <answer>::[html]<question HTML><p>yhat =</p>{#=0.384:0.0005#Correct.
// =%0%0.192:0.0005#The sign…}`, questions separated by a blank line. In every text the GIFT
// characters ~ = # { } : and the backslash are escaped with a backslash (names after escaping
// them as HTML), and line breaks in the HTML become &#10; (a blank line would end the question).
std::string gift(const std::vector<QuizQuestion>& questions, const QuizText& text);

}  // namespace nntrace
