// The quiz question of a variant: its answers are the run's own values, its wrong answers are
// what the grader itself diagnoses as those mistakes, and every text is quoted for its file.
#include <algorithm>
#include <filesystem>

#include <catch2/catch.hpp>

#include "checking/judge.hpp"
#include "checking/lms_export.hpp"
#include "core/errors.hpp"
#include "render/messages.hpp"
#include "render/number_format.hpp"

using namespace nntrace;

namespace {

Problem exercise7_problem() { return read_problem(std::string(NNTRACE_SOURCE_HOME) + "/examples/exercise-7.toml"); }

MessageCatalog quiz_catalog() {
    return MessageCatalog::load(std::filesystem::path(NNTRACE_SOURCE_HOME) / "templates" / "messages");
}

const QuizAnswer& quiz_answer(const QuizQuestion& q, const std::string& name) {
    return *std::find_if(q.answers.begin(), q.answers.end(), [&](const QuizAnswer& a) { return a.name == name; });
}

bool quiz_has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

const QuizStudent hostile{"s1<script>", "Ann <script>alert(1)</script> {#~=:}", "<p>Compute ]]> the {answers}: #1</p>"};

}  // namespace

TEST_CASE("Quiz: each answer is the run's value at the problem's decimals", "[quiz]") {
    const Problem p = exercise7_problem();
    const QuizQuestion q = quiz_question(p, {}, {"s1", "Ann", ""});
    const Record run = run_problem(p, {});
    REQUIRE(q.answers.size() == p.answers.size());
    for (const auto& a : q.answers) {
        CHECK(a.decimals == *p.decimals);
        CHECK(a.text == format_number(run.find(a.name)->hand, *p.decimals));
    }
}

TEST_CASE("Quiz: the tolerance is half a unit in the last decimal", "[quiz]") {
    const QuizQuestion q = quiz_question(exercise7_problem(), {}, {"s1", "Ann", ""});
    for (const auto& a : q.answers) CHECK(a.tolerance == format_number(0.5 * std::pow(10.0, -a.decimals), a.decimals + 1));
}

TEST_CASE("Quiz: a variant's own numbers give its answers", "[quiz]") {
    const Problem p = exercise7_problem();
    RunOptions variant;
    variant.sets = {{"w7", "0.5"}};
    const QuizQuestion q = quiz_question(p, variant, {"s2", "Bo", ""});
    const Record run = run_problem(p, variant);
    CHECK(quiz_answer(q, "yhat").text == format_number(run.find("yhat")->hand, 3));
    CHECK(quiz_answer(q, "yhat").text != quiz_answer(quiz_question(p, {}, {"s1", "Ann", ""}), "yhat").text);
}

TEST_CASE("Quiz: every slip is a number the grader diagnoses as that mistake", "[quiz]") {
    const Problem p = exercise7_problem();
    const QuizQuestion q = quiz_question(p, {}, {"s1", "Ann", ""});
    std::vector<std::string> keys;
    for (const auto& a : q.answers) keys.push_back(a.name);
    const Judge judge(p, keys, MistakeContext{3});
    std::size_t slips = 0;
    for (const auto& a : q.answers)
        for (const auto& s : a.slips) {
            ++slips;
            const Judgement j = judge.judge(a.name, s.text);
            CHECK(j.verdict != Verdict::correct);
            CHECK(std::any_of(j.causes.begin(), j.causes.end(), [&](const Cause& c) { return c.id == s.mistake; }));
        }
    CHECK(slips > 0);
    const auto& w7 = quiz_answer(q, "dL/dw7").slips;
    CHECK(std::any_of(w7.begin(), w7.end(), [](const QuizSlip& s) { return s.mistake == "sign_flipped"; }));
}

TEST_CASE("Quiz: no slip repeats the right value or another slip", "[quiz]") {
    const QuizQuestion q = quiz_question(exercise7_problem(), {}, {"s1", "Ann", ""});
    for (const auto& a : q.answers)
        for (std::size_t i = 0; i < a.slips.size(); ++i) {
            CHECK(a.slips[i].text != a.text);
            for (std::size_t k = i + 1; k < a.slips.size(); ++k) CHECK(a.slips[i].text != a.slips[k].text);
        }
}

TEST_CASE("Quiz: the blanks asked replace the problem's answers", "[quiz]") {
    const QuizQuestion q = quiz_question(exercise7_problem(), {}, {"s1", "Ann", ""}, {"h1", "dL/dw8"});
    REQUIRE(q.answers.size() == 2);
    CHECK(q.answers[0].name == "h1");
    CHECK(q.answers[1].name == "dL/dw8");
}

TEST_CASE("Quiz: a blank the problem does not compute is refused", "[quiz]") {
    CHECK_THROWS_AS(quiz_question(exercise7_problem(), {}, {"s1", "Ann", ""}, {"yhatt"}), InputError);
}

TEST_CASE("Quiz: an exact problem takes its decimals from its written answers", "[quiz]") {
    const char* exact = "[inputs]\nx = 2\n[nodes]\ny = \"x/3\"\n[answers]\ny = \"0.67\"\n";
    const QuizQuestion q = quiz_question(parse_problem(exact, "exact.toml"), {}, {"s1", "Ann", ""});
    CHECK(q.answers[0].decimals == 2);
    CHECK(q.answers[0].text == format_number(2.0 / 3.0, 2));
}

TEST_CASE("Quiz: an exact problem with whole-number answers is refused", "[quiz]") {
    const char* exact = "[inputs]\nx = 2\n[nodes]\ny = \"x/3\"\n[answers]\ny = \"1\"\n";
    CHECK_THROWS_AS(quiz_question(parse_problem(exact, "exact.toml"), {}, {"s1", "Ann", ""}), InputError);
}

TEST_CASE("Quiz: Moodle XML escapes hostile names and splits a CDATA end in the HTML", "[quiz][escaping]") {
    const MessageCatalog words = quiz_catalog();
    const std::string xml = moodle_xml({quiz_question(exercise7_problem(), {}, hostile)}, QuizText{words, "en"});
    CHECK_FALSE(quiz_has(xml, "<script>"));
    CHECK(quiz_has(xml, "Ann &amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt;"));
    CHECK(quiz_has(xml, "<idnumber>s1&lt;script&gt;</idnumber>"));  // an idnumber is plain text
    CHECK(quiz_has(xml, "Compute ]]]]><![CDATA[> the"));
}

TEST_CASE("Quiz: a Cloze blank holds the answer, its tolerance and the slips worth nothing", "[quiz]") {
    const MessageCatalog words = quiz_catalog();
    const QuizQuestion q = quiz_question(exercise7_problem(), {}, {"s1", "Ann", ""});
    const std::string xml = moodle_xml({q}, QuizText{words, "en"});
    const QuizAnswer& a = quiz_answer(q, "dL/dw7");
    CHECK(quiz_has(xml, "{1:NUMERICAL:=" + a.text + ":" + a.tolerance + "#Correct.~%0%" + a.slips.front().text + ":"));
}

TEST_CASE("Quiz: GIFT escapes its special characters in names and question text", "[quiz][escaping]") {
    const MessageCatalog words = quiz_catalog();
    const std::string text = gift({quiz_question(exercise7_problem(), {}, hostile)}, QuizText{words, "en"});
    CHECK_FALSE(quiz_has(text, "<script>"));
    CHECK(quiz_has(text, "::Exercise 7\\: an MLP with a square activation – Ann &lt;script&gt;alert(1)&lt;/script&gt; \\{\\#\\~\\=\\:\\} "));
    CHECK(quiz_has(text, "the \\{answers\\}\\: \\#1"));
}

TEST_CASE("Quiz: feedback follows the language asked", "[quiz]") {
    const MessageCatalog words = quiz_catalog();
    const QuizQuestion q = quiz_question(exercise7_problem(), {}, {"s1", "Ann", ""});
    CHECK(quiz_has(gift({q}, QuizText{words, "zh"}), words.find("check.quiz.correct", "zh").value()));
}

TEST_CASE("Quiz: a blank's weight is its points of [grading]", "[quiz]") {
    Problem p = exercise7_problem();
    p.grading.points = {{"yhat", 2, {}}};
    const MessageCatalog words = quiz_catalog();
    const std::string xml = moodle_xml({quiz_question(p, {}, {"s1", "Ann", ""})}, QuizText{words, "en"});
    CHECK(quiz_has(xml, "<p>yhat = {2:NUMERICAL:"));
    CHECK(quiz_has(xml, "<p>dL/dw7 = {1:NUMERICAL:"));
}

TEST_CASE("Quiz: fractional points scale every weight alike", "[quiz]") {
    Problem p = exercise7_problem();
    p.grading.points = {{"yhat", 0.5, {}}};
    const MessageCatalog words = quiz_catalog();
    const std::string xml = moodle_xml({quiz_question(p, {}, {"s1", "Ann", ""})}, QuizText{words, "en"});
    CHECK(quiz_has(xml, "<p>yhat = {5:NUMERICAL:"));
    CHECK(quiz_has(xml, "<p>dL/dw8 = {10:NUMERICAL:"));
}
