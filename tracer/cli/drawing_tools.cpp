#include "drawing_tools.hpp"

#include <ostream>
#include <vector>

#include "tool_process.hpp"

namespace nntrace {

namespace fs = std::filesystem;

namespace {

// One picture: the tool reads `source` inside the transaction's staging folder and writes
// `picture` there; the picture is committed only when the tool has succeeded.
struct Picture {
    DrawingSource::Tool tool = DrawingSource::Tool::dot;
    std::string stem, source, picture;
    ToolRun outcome;
};

const char* tool_name(DrawingSource::Tool tool) { return tool == DrawingSource::Tool::dot ? "dot" : "gnuplot"; }

std::string missing_message(const std::string& tool) {
    const std::string package = tool == "dot" ? "graphviz" : tool;
    const std::string sources = tool == "dot" ? "the .dot sources" : "the .gp and .dat sources";
    return "nntrace: " + tool + " not found; wrote " + sources + ", install " + package + " to draw them\n";
}

const char* picture_extension(PlotFormat format) {
    switch (format) {
        case PlotFormat::svg: return ".svg";
        case PlotFormat::png: return ".png";
        case PlotFormat::tikz: return ".tex";
    }
    return ".svg";
}

// Stages the source files and returns the picture they make.
Picture stage_sources(const DrawingSource& s, const fs::path& dir, PlotFormat format, OutputTransaction& output) {
    Picture p;
    p.tool = s.tool;
    p.stem = s.stem;
    if (s.tool == DrawingSource::Tool::dot) {
        p.source = s.stem + ".dot";
        p.picture = s.stem + ".svg";
    } else {
        p.source = s.stem + ".gp";
        p.picture = s.stem + picture_extension(format);
        output.stage(dir / (s.stem + ".dat"), s.data);
    }
    output.stage(dir / p.source, s.script);
    if (!s.tikz.empty()) output.stage(dir / (s.stem + ".tex"), s.tikz);  // a network for LaTeX slides
    return p;
}

// The edges of a DOT source: its "a -> b" lines.
std::size_t dot_edges(const std::string& script) {
    std::size_t n = 0;
    for (std::size_t at = script.find("->"); at != std::string::npos; at = script.find("->", at + 2)) ++n;
    return n;
}

// A picture counts as drawn when its tool succeeded and left a non-empty file.
bool drew(const fs::path& staging, const Picture& p) {
    std::error_code ec;
    return p.outcome.ok && fs::file_size(staging / p.picture, ec) > 0 && !ec;
}

// Runs the picture's tool in the staging folder and keeps its outcome. The stem is file-safe
// (drawing_stem), so it needs no quoting inside gnuplot's string.
void draw(const std::string& program, Picture& p, const fs::path& staging, std::chrono::milliseconds time_limit) {
    const std::vector<std::string> args = p.tool == DrawingSource::Tool::dot
                                              ? std::vector<std::string>{"-Tsvg", p.source, "-o", p.picture}
                                              : std::vector<std::string>{"-e", "output_file='" + p.picture + "'", p.source};
    p.outcome = run_tool(program, args, staging, p.stem + ".err", time_limit);
    if (p.outcome.ok && !drew(staging, p)) p.outcome = {false, false, "no picture written"};
}

}  // namespace

struct PendingPictures::State {
    fs::path dir, staging;  // the figures folder, and the transaction's staging folder for it
    OutputTransaction* output = nullptr;
    std::vector<Picture> pictures;  // in the record's order, which is the order of the messages
    std::vector<std::future<void>> runs;
    bool finished = false;

    void wait() {
        for (auto& run : runs)
            if (run.valid()) run.wait();
    }
    // A picture not drawn, or not finished, is never committed.
    void drop(const Picture& p) const {
        std::error_code ec;
        fs::remove(staging / p.picture, ec);
    }
};

PendingPictures::PendingPictures(std::unique_ptr<State> state) : state_(std::move(state)) {}
PendingPictures::PendingPictures(PendingPictures&&) noexcept = default;
PendingPictures& PendingPictures::operator=(PendingPictures&&) noexcept = default;

PendingPictures::~PendingPictures() {
    if (!state_ || state_->finished) return;
    state_->wait();  // the workers still write into the state
    for (const Picture& p : state_->pictures) state_->drop(p);
}

std::set<std::string> PendingPictures::finish(std::ostream& warnings) {
    State& s = *state_;
    s.finished = true;
    s.wait();
    for (auto& run : s.runs) run.get();  // rethrows what a worker threw
    std::set<std::string> drawn;
    for (const Picture& p : s.pictures) {
        if (p.outcome.ok) {
            s.output->adopt(s.dir / p.picture);
            drawn.insert(p.stem);
            continue;
        }
        // A picture left from an earlier run no longer matches its source: the page links the source.
        s.drop(p);
        s.output->discard(s.dir / p.picture);
        warnings << "nntrace: " << tool_name(p.tool) << " failed on " << (s.dir / p.source).string() << ": "
                 << p.outcome.message << "\n";
    }
    return drawn;
}

const std::string& DrawingPool::program(DrawingSource::Tool tool) const {
    return tool == DrawingSource::Tool::dot ? dot_ : gnuplot_;
}

DrawingPool::DrawingPool(const DrawingTools& tools, PlotFormat plot_format, std::size_t processes)
    : dot_(find_program(tools.dot)),
      gnuplot_(find_program(tools.gnuplot)),
      time_limit_(tools.time_limit),
      most_dot_edges_(tools.most_dot_edges),
      plot_format_(plot_format),
      jobs_(processes) {}

PendingPictures DrawingPool::start(const Record& record, const fs::path& figures_dir, OutputTransaction& output,
                                   std::ostream& warnings) {
    auto state = std::make_unique<PendingPictures::State>();
    state->dir = figures_dir;
    state->output = &output;
    std::vector<Picture>& pictures = state->pictures;
    std::vector<std::size_t> edges;  // of each picture's source (0 for plots)
    for (const DrawingSource& s : drawing_sources(record, plot_format_)) {
        Picture p = stage_sources(s, figures_dir, plot_format_, output);
        const std::size_t n = s.tool == DrawingSource::Tool::dot ? dot_edges(s.script) : 0;
        bool replaced = false;
        for (std::size_t i = 0; i < pictures.size(); ++i)
            if (pictures[i].stem == s.stem) {
                warnings << "nntrace: two drawings of " << record.id << " share the file name " << s.stem
                         << "; the later one (" << s.key << ") replaces the earlier\n";
                pictures[i] = p;
                edges[i] = n;
                replaced = true;
            }
        if (!replaced) pictures.push_back(std::move(p)), edges.push_back(n);
    }
    state->staging = output.staging_dir(figures_dir);

    // Which pictures can be drawn here; each missing tool is named once, each diagram too big
    // for dot by its source.
    std::vector<Picture> drawable;
    for (std::size_t i = 0; i < pictures.size(); ++i) {
        Picture& p = pictures[i];
        const std::string tool = tool_name(p.tool);
        if (program(p.tool).empty()) {
            if (reported_missing_.insert(tool).second) warnings << missing_message(tool);
        } else if (edges[i] > most_dot_edges_) {
            output.discard(figures_dir / p.picture);
            warnings << "nntrace: " << (figures_dir / p.source).string() << " has " << edges[i]
                     << " edges, more than dot lays out in reasonable time (" << most_dot_edges_
                     << "); wrote the source only\n";
        } else {
            drawable.push_back(std::move(p));
        }
    }
    pictures = std::move(drawable);
    // One process per picture: a gnuplot process drawing several plots writes the second one
    // with the svg terminal's state left by the first (not the bytes of a plot drawn alone), and
    // saves no wall time while nntrace itself keeps a core busy.
    for (Picture& p : pictures)
        state->runs.push_back(jobs_.submit(
            [this, &p, staging = state->staging] { draw(program(p.tool), p, staging, time_limit_); }));
    return PendingPictures(std::move(state));
}

std::set<std::string> write_drawings(const Record& record, const fs::path& figures_dir, OutputTransaction& output,
                                     std::ostream& warnings, PlotFormat plot_format, const DrawingTools& tools) {
    DrawingPool pool(tools, plot_format);
    return pool.start(record, figures_dir, output, warnings).finish(warnings);
}

}  // namespace nntrace
