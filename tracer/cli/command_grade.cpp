// nntrace grade FILE SHEET.csv: judges every student's answers and sums up, per answer, how many
// got it right and the most common mistakes. Malformed rows are reported by line and skipped.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>

#include <unistd.h>

#include "atomic_file.hpp"
#include "checking/answers.hpp"
#include "checking/grade.hpp"
#include "checking/gradebook.hpp"
#include "class_variants.hpp"
#include "cli.hpp"
#include "commands.hpp"
#include "core/errors.hpp"
#include "home.hpp"
#include "job_pool.hpp"
#include "options.hpp"
#include "output_target.hpp"

namespace po = boost::program_options;

namespace nntrace {
namespace {

constexpr std::size_t rows_worth_a_progress_line = 2000;

Format grade_format(const std::string& text) {
    const Format f = format_from(text);
    if (f != Format::text && f != Format::md && f != Format::html && f != Format::csv)
        throw InputError("--format " + text + ": grade writes text, md, html or csv");
    return f;
}

std::string read_text(const std::string& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw InputError(file + ": cannot read the file");
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Only a person watching a terminal wants "graded 4000 of 10000"; a pipe or a test does not.
std::function<void(std::size_t, std::size_t)> progress_for(Io io, std::size_t rows) {
    if (&io.err != &std::cerr || rows < rows_worth_a_progress_line || !::isatty(STDERR_FILENO)) return {};
    return [io](std::size_t done, std::size_t total) {
        io.err << "\rnntrace grade: " << done << " of " << total << " students" << (done == total ? "\n" : "") << std::flush;
    };
}

std::vector<std::string> all_cells(const GradeSheet& sheet) {
    std::vector<std::string> out;
    for (const auto& s : sheet.students) out.insert(out.end(), s.given.begin(), s.given.end());
    return out;
}

// What a grading produces: the report, and the gradebook when it is asked for.
struct Graded {
    Record report;
    std::optional<Record> gradebook;
    bool wrong = false;
};

// What to grade, and against what: the problem file itself, or each student's own variant.
struct GradeRequest {
    std::string file, sheet_file;
    bool carried_correct = false, gradebook = false;
    std::optional<std::string> variants_dir;  // --variants DIR
    std::optional<std::uint64_t> seed;         // --seed S, with --roster
    std::optional<std::string> roster;
};

void report_skipped(const std::string& sheet_file, const std::vector<CsvFault>& rows, Io io) {
    for (const auto& s : rows) io.err << sheet_file << ":" << s.line << ":" << s.column << ": " << s.what << " (row skipped)\n";
}

Graded grade(const GradeRequest& request, Io io) {
    const Problem problem = read_problem(request.file);
    GradeSheet sheet = read_grade_sheet(read_text(request.sheet_file), request.sheet_file);
    std::vector<GivenAnswer> asked;
    for (const auto& a : sheet.answers) asked.push_back({a, "", std::nullopt, ""});
    const MistakeContext context{most_decimals(all_cells(sheet))};
    const Judge judge(with_answers(problem, asked), sheet.answers, context);
    check_sheet_answers(sheet, judge.record(), request.sheet_file);
    if (request.gradebook) check_grading_names(problem, judge.record());
    report_skipped(request.sheet_file, sheet.skipped, io);
    std::vector<StudentResult> results;
    const Record* run = &judge.record();
    VariantGrading by_variant;
    if (request.variants_dir || request.seed) {
        const auto variants = request.variants_dir ? variants_from_folder(*request.variants_dir)
                                                   : variants_from_roster(problem, *request.seed, *request.roster);
        const ForEach on_every_core = [](std::size_t count, const std::function<void(std::size_t)>& body) {
            parallel_for(count, default_worker_count(), body);
        };
        by_variant = grade_by_variant(variants, sheet, context, progress_for(io, sheet.students.size()), on_every_core);
        report_skipped(request.sheet_file, by_variant.unmatched, io);
        sheet.skipped.insert(sheet.skipped.end(), by_variant.unmatched.begin(), by_variant.unmatched.end());
        results = std::move(by_variant.results);
        if (!results.empty()) run = &by_variant.run;
    } else {
        results = grade_students(judge, sheet, progress_for(io, sheet.students.size()));
    }
    Graded out{grade_record(*run, sheet, results, request.carried_correct), std::nullopt, false};
    out.wrong = std::any_of(results.begin(), results.end(),
                            [&](const StudentResult& r) { return any_wrong(r.judgements, request.carried_correct); });
    if (request.gradebook) out.gradebook = gradebook_record(*run, problem.grading, sheet, results);
    return out;
}

// --variants DIR, or --seed S with --roster ROSTER.csv, or neither.
void read_variant_options(const po::variables_map& vm, GradeRequest& request) {
    if (vm.count("variants") && (vm.count("seed") || vm.count("roster")))
        throw InputError("--variants: give either --variants DIR or --seed S with --roster ROSTER.csv, not both");
    if (vm.count("seed") != vm.count("roster"))
        throw InputError(vm.count("seed") ? "--seed: give --roster ROSTER.csv too (whose ids drew the variants)"
                                          : "--roster: give --seed S too (the seed the variants were drawn with)");
    if (vm.count("variants")) request.variants_dir = vm["variants"].as<std::string>();
    if (vm.count("seed")) {
        request.seed = seed_option(vm["seed"].as<std::string>());
        request.roster = vm["roster"].as<std::string>();
        check_input_file(*request.roster);
    }
}

}  // namespace

int command_grade(const std::vector<std::string>& args, Io io) {
    po::options_description d(
        "nntrace grade FILE.toml SHEET.csv [options]: grade a class's answers\n"
        "SHEET.csv: a header `student,<answer>,<answer>...` or `id,name,<answer>...` (answer names as in\n"
        "check), one row per student; with --variants or --seed, each row is graded against its id's variant\n"
        "exit status: 0 every answer correct (or off only in its last digit), 3 some answer wrong or a\n"
        "carried error (worked on correctly from a wrong earlier answer; 0 with --carried-correct), 2 bad input");
    d.add_options()
        ("help,h", "show this help")
        ("format", po::value<std::string>()->default_value("text")->value_name("FORMAT"), "text, md, html or csv")
        ("carried-correct", "score carried errors as correct (the summary's correct column counts them too)")
        ("out", po::value<std::string>()->value_name("PATH"), "write to PATH instead of the terminal")
        ("gradebook", po::value<std::string>()->value_name("FILE.csv"),
         "also write a gradebook: one row per student with each answer's points and verdict, the total and the "
         "percentage (points set by the problem's [grading])")
        ("variants", po::value<std::string>()->value_name("DIR"),
         "grade each row against its student's own variant: DIR/<id>/problem.toml, as nntrace variants wrote it")
        ("seed", po::value<std::string>()->value_name("S"), "with --roster: draw each student's variant again, as nntrace variants did")
        ("roster", po::value<std::string>()->value_name("ROSTER.csv"), "with --seed: the class list the variants were drawn for");
    add_lang_option(d);
    const auto vm = parse_command("grade", args, d, {"file", "sheet"});
    if (vm.count("help")) {
        io.out << d << "\n";
        return exit_code::ok;
    }
    if (!vm.count("file") || !vm.count("sheet")) throw InputError("nntrace grade: name a problem file and a CSV sheet");
    const std::string file = vm["file"].as<std::string>(), sheet = vm["sheet"].as<std::string>();
    check_input_file(file);
    check_input_file(sheet);
    if (vm.count("out")) refuse_output_onto_input("--out", vm["out"].as<std::string>(), {file, sheet});
    const std::optional<std::string> gradebook =
        vm.count("gradebook") ? std::optional<std::string>(vm["gradebook"].as<std::string>()) : std::nullopt;
    if (gradebook) {
        refuse_output_onto_input("--gradebook", *gradebook, {file, sheet});
        if (vm.count("out") && std::filesystem::weakly_canonical(*gradebook) ==
                                   std::filesystem::weakly_canonical(vm["out"].as<std::string>()))
            throw InputError("--gradebook " + *gradebook + ": the same file as --out; name another");
    }
    const Format format = grade_format(vm["format"].as<std::string>());
    RenderOptions render_options;
    render_options.lang = lang_from(vm);
    render_options.messages_dir = messages_dir();
    render_options.templates_dir = templates_dir();

    GradeRequest request{file, sheet, vm.count("carried-correct") > 0, gradebook.has_value(), {}, {}, {}};
    read_variant_options(vm, request);
    const Graded graded = grade(request, io);
    const std::string text = render(graded.report, format, render_options);
    // The report and the gradebook are written together or not at all.
    OutputTransaction output;
    if (graded.gradebook) {
        RenderOptions book_options = render_options;
        book_options.table = "gradebook";
        output.name_root(*gradebook, "--gradebook");
        output.stage(*gradebook, render(*graded.gradebook, Format::csv, book_options));
    }
    if (vm.count("out")) {
        output.name_root(vm["out"].as<std::string>(), "--out");
        output.stage(vm["out"].as<std::string>(), text);
    }
    output.commit();
    if (!vm.count("out")) io.out << text;
    return graded.wrong ? exit_code::answers_wrong : exit_code::ok;
}

}  // namespace nntrace
