// nntrace variants FILE.toml --roster ROSTER.csv --seed S --out DIR: one variant of a problem
// with [random] for each student of a class list, with a handout, a solution and the variant's
// own problem file per student, the key for the class and a booklet of every handout to print.
#include <fstream>
#include <sstream>

#include "atomic_file.hpp"
#include "checking/lms_export.hpp"
#include "checking/roster.hpp"
#include "checking/variant_pages.hpp"
#include "class_variants.hpp"
#include "cli.hpp"
#include "commands.hpp"
#include "core/errors.hpp"
#include "home.hpp"
#include "options.hpp"
#include "output_target.hpp"
#include "page_assets.hpp"
#include "problem/random_variants.hpp"
#include "render/messages.hpp"
#include "render/render.hpp"

namespace po = boost::program_options;

namespace nntrace {
namespace {

std::string read_whole(const std::string& file, const std::string& what) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw InputError(file + ": cannot read the " + what);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// What is between <body> and </body> of a page the HTML renderer wrote, its <main> made an
// <article class="handout">: a document holds one <main>, and the booklet and the quiz hold many.
std::string handout_fragment(const std::string& page) {
    const std::size_t open = page.find('>', page.find("<body")) + 1;
    std::string body = page.substr(open, page.rfind("</body>") - open);
    if (const auto m = body.find("<main>"); m != std::string::npos) body.replace(m, 6, "<article class=\"handout\">");
    if (const auto m = body.rfind("</main>"); m != std::string::npos) body.replace(m, 7, "</article>");
    return body;
}

// Every handout in one HTML file for printing: the first page's head (stylesheet, KaTeX) with
// a rule that starts each handout on a new sheet, then each page's body.
std::string booklet_html(const std::vector<std::string>& pages) {
    const std::string& first = pages.front();
    const std::size_t head_end = first.find("</head>");
    std::string out = first.substr(0, head_end) +
                      "<style>.handout { break-after: page; } .handout:last-child { break-after: auto; }</style>\n</head>\n<body>\n";
    for (const std::string& page : pages) out += handout_fragment(page);
    return out + "</body>\n</html>\n";
}

// DIR/moodle.xml and DIR/quiz.gift: one question per student, whose text is their handout and
// whose blanks are the key's answers.
void stage_quizzes(const Problem& randomised, const Roster& roster, const std::vector<Variant>& variants,
                   const std::vector<std::string>& booklet_pages, const std::string& lang,
                   const std::filesystem::path& dir, OutputTransaction& output) {
    std::vector<QuizQuestion> questions;
    for (std::size_t i = 0; i < variants.size(); ++i) {
        const QuizStudent student{roster.students[i].id, roster.students[i].name, handout_fragment(booklet_pages[i])};
        questions.push_back(quiz_question(variants[i].problem, {}, student, variant_answer_names(randomised)));
    }
    const MessageCatalog catalog = MessageCatalog::load(messages_dir());
    const QuizText text{catalog, lang};
    output.stage(dir / "moodle.xml", moodle_xml(questions, text));
    output.stage(dir / "quiz.gift", gift(questions, text));
}

struct Pages {
    RenderOptions md, html;
};

// One student's folder: the variant's own file, the solution exactly as `nntrace run` of that
// file writes it, and the handout. Returns the handout, for the booklet.
Record stage_student(const Variant& v, const RosterStudent& student, const std::filesystem::path& dir,
                          const Pages& pages, OutputTransaction& output) {
    const std::filesystem::path folder = dir / student.id;
    const std::filesystem::path toml = folder / "problem.toml";
    const Problem problem = parse_problem(v.toml, toml.string());
    const Record run = run_problem(problem, {});
    const Record handout = handout_record(run, problem, student);
    output.stage(toml, v.toml);
    output.stage(folder / "solution.md", render(run, Format::md, pages.md));
    output.stage(folder / "solution.html", render(run, Format::html, pages.html));
    output.stage(folder / "handout.md", render(handout, Format::md, pages.md));
    output.stage(folder / "handout.html", render(handout, Format::html, pages.html));
    return handout;
}

}  // namespace

int command_variants(const std::vector<std::string>& args, Io io) {
    po::options_description d(
        "nntrace variants FILE.toml --roster ROSTER.csv --seed S --out DIR [options]: give every student of a\n"
        "class their own numbers for a problem with a [random] table\n"
        "ROSTER.csv: a header with the columns id and name (others are kept), one row per student;\n"
        "each id becomes a folder name. The same file, seed and id always give the same numbers.\n"
        "Writes DIR/<id>/handout.md and .html (the question with the student's numbers), solution.md and\n"
        "solution.html (every step), problem.toml (the variant as a problem file of its own), DIR/key.csv\n"
        "(every student's answers), DIR/booklet.html (every handout, one per printed page), and the same\n"
        "questions for Moodle: DIR/moodle.xml (Moodle XML, a Cloze question per student) and DIR/quiz.gift");
    d.add_options()
        ("help,h", "show this help")
        ("roster", po::value<std::string>()->value_name("ROSTER.csv"), "the class list (required)")
        ("seed", po::value<std::string>()->value_name("S"), "a whole number that, with the file and each id, fixes the numbers (required)")
        ("out", po::value<std::string>()->value_name("DIR"), "the folder to write into (required)");
    add_lang_option(d);
    const auto vm = parse_command("variants", args, d, {"file"});
    if (vm.count("help")) {
        io.out << d << "\n[random] is described in " << (nntrace_home() / "docs" / "problem-format.md").string() << "\n";
        return exit_code::ok;
    }
    if (!vm.count("file")) throw InputError("nntrace variants: name a problem file with a [random] table");
    for (const char* option : {"roster", "seed", "out"})
        if (!vm.count(option)) throw InputError(std::string("nntrace variants: --") + option + " is required (see nntrace variants --help)");
    const std::string file = vm["file"].as<std::string>(), roster_file = vm["roster"].as<std::string>();
    const std::filesystem::path dir = vm["out"].as<std::string>();
    check_input_file(file);
    check_input_file(roster_file);
    for (const char* name : {"key.csv", "booklet.html"}) refuse_output_onto_input("--out", dir / name, {file, roster_file});
    const std::uint64_t seed = seed_option(vm["seed"].as<std::string>());
    Pages pages;
    pages.md.lang = pages.html.lang = lang_from(vm);
    pages.md.messages_dir = pages.html.messages_dir = messages_dir();
    pages.md.templates_dir = pages.html.templates_dir = templates_dir();
    pages.html.assets_href = "../assets";  // one copy of KaTeX in DIR/assets for every student

    const Problem problem = read_problem(file);
    if (!problem.random)
        throw InputError(file, 0, 0, "has no [random] table, so every student would get the same numbers (see docs/problem-format.md)");
    const Roster roster = read_roster(read_whole(roster_file, "roster"), roster_file);

    OutputTransaction output;
    output.name_root(dir, "--out");
    std::vector<Variant> variants;
    std::vector<Record> handouts;
    for (const RosterStudent& student : roster.students) {
        variants.push_back(draw_variant(problem, seed, student.id));
        handouts.push_back(stage_student(variants.back(), student, dir, pages, output));
    }
    RenderOptions key_options = pages.md;
    key_options.table = "key";
    output.stage(dir / "key.csv", render(key_record(roster, variants), Format::csv, key_options));
    RenderOptions booklet_options = pages.html;
    booklet_options.assets_href = "assets";
    std::vector<std::string> booklet_pages;
    for (const Record& handout : handouts) booklet_pages.push_back(render(handout, Format::html, booklet_options));
    output.stage(dir / "booklet.html", booklet_html(booklet_pages));
    stage_quizzes(problem, roster, variants, booklet_pages, pages.html.lang, dir, output);
    copy_page_assets(dir, output, "variants", io.err, false);  // handouts and solutions have no panel
    output.commit();
    io.err << "nntrace variants: " << roster.students.size() << " student" << (roster.students.size() == 1 ? "" : "s")
           << " written to " << dir.string() << " (a folder each, key.csv, booklet.html, moodle.xml, quiz.gift)\n";
    return exit_code::ok;
}

}  // namespace nntrace
