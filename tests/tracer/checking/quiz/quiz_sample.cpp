// Writes a quiz for three variants of exercise 7 (moodle.xml, quiz.gift) and, beside it, the
// answer key the checks compare it with (key.csv: question number, answer, value, decimals), each value read
// from a run of that variant. Used by check_moodle_xml.py and check_gift.py.
//   quiz_sample SOURCE_HOME OUT_DIR
#include <filesystem>
#include <fstream>
#include <iostream>

#include "checking/lms_export.hpp"
#include "render/messages.hpp"
#include "render/number_format.hpp"

using namespace nntrace;

namespace {

struct SampleStudent {
    QuizStudent student;
    RunOptions options;
};

RunOptions with_w7(const std::string& value) {
    RunOptions o;
    o.sets = {{"w7", value}};
    return o;
}

void write(const std::filesystem::path& file, const std::string& text) {
    std::ofstream(file, std::ios::binary) << text;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: quiz_sample SOURCE_HOME OUT_DIR\n";
        return 2;
    }
    const std::filesystem::path home = argv[1], out = argv[2];
    const Problem problem = read_problem(home / "examples" / "exercise-7.toml");
    const std::vector<SampleStudent> students = {
        {{"s001", "Ann", "<p>Work out the answers.</p>"}, {}},
        {{"s002<script>", "Bo <script>alert(1)</script>", "<p>A ]]> in {braces}: #1 ~ = \\ </p>\n\n<p>two lines</p>"},
         with_w7("0.5")},
        {{"s003", "Chen, \"Li\" {#~=:}", ""}, with_w7("-0.3")},
    };
    std::vector<QuizQuestion> questions;
    std::string key = "question,answer,value,decimals\n";
    for (const auto& s : students) {
        questions.push_back(quiz_question(problem, s.options, s.student));
        const Record run = run_problem(problem, s.options);
        for (const auto& a : problem.answers)
            key += std::to_string(questions.size()) + "," + a.name + "," + format_number(run.find(a.name)->hand, *problem.decimals) +
                   "," + std::to_string(*problem.decimals) + "\n";
    }
    const MessageCatalog catalog = MessageCatalog::load(home / "templates" / "messages");
    write(out / "moodle.xml", moodle_xml(questions, QuizText{catalog, "en"}));
    write(out / "quiz.gift", gift(questions, QuizText{catalog, "en"}));
    write(out / "key.csv", key);
    return 0;
}
