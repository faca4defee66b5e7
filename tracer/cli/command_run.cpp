#include <optional>
#include <ostream>
#include <system_error>

#include "atomic_file.hpp"
#include "core/errors.hpp"
#include "drawing_tools.hpp"
#include "cli.hpp"
#include "commands.hpp"
#include "home.hpp"
#include "lessons/lessons.hpp"
#include "options.hpp"
#include "output_target.hpp"
#include "page_assets.hpp"
#include "problem/problem.hpp"

namespace po = boost::program_options;

namespace nntrace {
namespace {

// A problem file is named by a path; anything else is a lesson id.
bool names_a_file(const std::string& target) {
    return target.find('/') != std::string::npos ||
           (target.size() > 5 && target.compare(target.size() - 5, 5, ".toml") == 0);
}

PlotFormat plot_format_from(const std::string& text) {
    if (text == "svg") return PlotFormat::svg;
    if (text == "png") return PlotFormat::png;
    if (text == "tikz") return PlotFormat::tikz;
    throw InputError("--plot-format " + text + ": expected svg, png or tikz");
}

// --figures DIR [--plot-format F]: read before the run, so that a bad value stops it early.
std::optional<PlotFormat> figures_format(const po::variables_map& vm) {
    if (!vm.count("figures")) {
        if (vm.count("plot-format")) throw InputError("--plot-format: only with --figures DIR");
        return std::nullopt;
    }
    return vm.count("plot-format") ? plot_format_from(vm["plot-format"].as<std::string>()) : PlotFormat::svg;
}

// The lesson's diagrams and plots, as sources and (where the tools exist) pictures, staged in
// `output`. Returns the line that says what was written, for after the commit.
std::string stage_figures(const Record& record, const std::filesystem::path& dir, PlotFormat format,
                          const DrawingTools& tools, OutputTransaction& output, Io io) {
    const std::size_t sources = drawing_sources(record, format).size();
    const std::size_t drawn = write_drawings(record, dir, output, io.err, format, tools).size();
    return "nntrace run: " + std::to_string(sources) + " drawing" + (sources == 1 ? "" : "s") + " written to " +
           dir.string() + " (" + std::to_string(drawn) + " drawn)\n";
}

Record run_target(const std::string& target, const RunOptions& options) {
    if (names_a_file(target)) return run_problem(read_problem(target), options);
    return run_lesson(lessons_dir(), target, options);
}

// The folder of the page's assets: beside the file the page goes to, after symbolic links. A
// path that cannot be looked at is reported when the page is written.
std::filesystem::path page_folder(const std::string& out) {
    try {
        return resolve_output(out).path.parent_path();
    } catch (const std::system_error&) {
        return std::filesystem::path(out).parent_path();
    }
}

// A problem file must be a non-empty file, and --out must not be it.
void check_paths(const std::string& target, const po::variables_map& vm) {
    if (!names_a_file(target)) return;
    check_input_file(target);
    if (vm.count("out")) refuse_output_onto_input("--out", vm["out"].as<std::string>(), {target});
}

}  // namespace

int command_run(const std::vector<std::string>& args, Io io) {
    po::options_description d(
        "nntrace run <lesson-id | FILE.toml> [options]: compute a lesson or a problem file and show every step");
    d.add_options()
        ("help,h", "show this help")
        ("format", po::value<std::string>()->default_value("text")->value_name("FORMAT"),
         "json, text, md, html, csv or tex")
        ("table", po::value<std::string>()->value_name("NAME"), "only this table (text, md, csv, tex)")
        ("out", po::value<std::string>()->value_name("PATH"), "write to PATH instead of the terminal")
        ("figures", po::value<std::string>()->value_name("DIR"),
         "also write the diagrams and plots into DIR (sources, and pictures drawn with dot and gnuplot)")
        ("plot-format", po::value<std::string>()->value_name("FORMAT"),
         "with --figures: plots as svg (the default), png or tikz (LaTeX; network drawings then get a TikZ .tex too)");
    add_tool_timeout_option(d);
    add_arithmetic_options(d);
    add_set_option(d);
    add_lang_option(d);
    const auto vm = parse_command("run", args, d, {"target"});
    if (vm.count("help")) {
        io.out << d << "\nProblem files (FILE.toml) are described in "
               << (nntrace_home() / "docs" / "problem-format.md").string() << "\n";
        return exit_code::ok;
    }
    if (!vm.count("target"))
        throw InputError("nntrace run: name a lesson id or a problem file (see nntrace list)");

    const std::string target = vm["target"].as<std::string>();
    check_paths(target, vm);
    const Format format = format_from(vm["format"].as<std::string>());
    const std::optional<PlotFormat> plot_format = figures_format(vm);
    DrawingTools tools;
    tools.time_limit = tool_time_limit_from(vm);
    RenderOptions render_options;
    render_options.lang = lang_from(vm);
    render_options.messages_dir = messages_dir();
    render_options.templates_dir = templates_dir();
    if (vm.count("table")) render_options.table = vm["table"].as<std::string>();

    // A page written to a file gets its stylesheet and KaTeX beside it, so it opens offline; a
    // page written into a FIFO or a device (/dev/stdout) has no "beside".
    const std::optional<std::string> out = vm.count("out") ? std::optional(vm["out"].as<std::string>()) : std::nullopt;
    const bool standalone_page = format == Format::html && out && !is_written_through(*out);
    if (standalone_page) render_options.assets_href = "assets";

    const Record record = run_target(target, run_options_from(vm));
    const std::string text = render(record, format, render_options);
    // Everything is staged, then committed together: a command that fails writes nothing.
    OutputTransaction output;
    if (out) output.name_root(*out, "--out");
    if (plot_format) output.name_root(vm["figures"].as<std::string>(), "--figures");
    if (standalone_page) {
        const std::filesystem::path folder = page_folder(*out);
        output.name_root(folder / "assets", "--out", *out);
        copy_page_assets(folder, output, "run", io.err, false);  // a page of its own: no panel
    }
    std::string figures_line;
    if (plot_format) figures_line = stage_figures(record, vm["figures"].as<std::string>(), *plot_format, tools, output, io);
    if (out) output.stage(*out, text);
    output.commit();
    io.err << figures_line;
    if (!out) io.out << text;
    return exit_code::ok;
}

}  // namespace nntrace
