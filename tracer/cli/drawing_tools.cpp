#include "drawing_tools.hpp"

#include <ostream>
#include <unistd.h>
#include <vector>

#include "atomic_file.hpp"
#include "tool_process.hpp"

namespace nntrace {

namespace fs = std::filesystem;

namespace {

// One picture: the tool reads `source` inside the figures folder and writes `temporary`, renamed
// to `picture` once the tool has succeeded.
struct Picture {
    DrawingSource::Tool tool = DrawingSource::Tool::dot;
    std::string stem, source, picture, temporary;
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

// Writes the source files and returns the picture they make.
Picture write_sources(const DrawingSource& s, const fs::path& dir, PlotFormat format) {
    Picture p;
    p.tool = s.tool;
    p.stem = s.stem;
    if (s.tool == DrawingSource::Tool::dot) {
        p.source = s.stem + ".dot";
        p.picture = s.stem + ".svg";
    } else {
        p.source = s.stem + ".gp";
        p.picture = s.stem + picture_extension(format);
        write_atomically(dir / (s.stem + ".dat"), s.data);
    }
    p.temporary = p.picture + ".tmp" + std::to_string(::getpid());
    write_atomically(dir / p.source, s.script);
    return p;
}

// A picture counts as drawn when its tool succeeded and left a non-empty file.
bool drew(const fs::path& dir, const Picture& p) {
    std::error_code ec;
    return p.outcome.ok && fs::file_size(dir / p.temporary, ec) > 0 && !ec;
}

// Runs the picture's tool and keeps its outcome. The stem is file-safe (drawing_stem), so it
// needs no quoting inside gnuplot's string.
void draw(const std::string& program, Picture& p, const fs::path& dir) {
    const std::vector<std::string> args = p.tool == DrawingSource::Tool::dot
                                              ? std::vector<std::string>{"-Tsvg", p.source, "-o", p.temporary}
                                              : std::vector<std::string>{"-e", "output_file='" + p.temporary + "'", p.source};
    p.outcome = run_tool(program, args, dir, p.stem + ".err.tmp" + std::to_string(::getpid()));
    if (p.outcome.ok && !drew(dir, p)) p.outcome = {false, "no picture written"};
}

}  // namespace

struct PendingPictures::State {
    fs::path dir;
    std::vector<Picture> pictures;  // in the record's order, which is the order of the messages
    std::vector<std::future<void>> runs;
    bool finished = false;

    void wait() {
        for (auto& run : runs)
            if (run.valid()) run.wait();
    }
};

PendingPictures::PendingPictures(std::unique_ptr<State> state) : state_(std::move(state)) {}
PendingPictures::PendingPictures(PendingPictures&&) noexcept = default;
PendingPictures& PendingPictures::operator=(PendingPictures&&) noexcept = default;

PendingPictures::~PendingPictures() {
    if (!state_ || state_->finished) return;
    state_->wait();  // the workers still write into the state
    std::error_code ec;
    for (const Picture& p : state_->pictures) fs::remove(state_->dir / p.temporary, ec);
}

std::set<std::string> PendingPictures::finish(std::ostream& warnings) {
    State& s = *state_;
    s.finished = true;
    s.wait();
    for (auto& run : s.runs) run.get();  // rethrows what a worker threw
    std::set<std::string> drawn;
    for (const Picture& p : s.pictures) {
        std::error_code ec;
        std::string why = p.outcome.message;
        if (p.outcome.ok) {
            fs::rename(s.dir / p.temporary, s.dir / p.picture, ec);
            if (!ec) {
                drawn.insert(p.stem);
                continue;
            }
            why = "cannot rename " + p.temporary + ": " + ec.message();
        }
        // A picture left from an earlier run no longer matches its source: the page links the source.
        fs::remove(s.dir / p.temporary, ec);
        fs::remove(s.dir / p.picture, ec);
        warnings << "nntrace: " << tool_name(p.tool) << " failed on " << (s.dir / p.source).string() << ": " << why
                 << "\n";
    }
    return drawn;
}

const std::string& DrawingPool::program(DrawingSource::Tool tool) const {
    return tool == DrawingSource::Tool::dot ? dot_ : gnuplot_;
}

DrawingPool::DrawingPool(const DrawingTools& tools, PlotFormat plot_format, std::size_t processes)
    : dot_(find_program(tools.dot)),
      gnuplot_(find_program(tools.gnuplot)),
      plot_format_(plot_format),
      jobs_(processes) {}

PendingPictures DrawingPool::start(const Record& record, const fs::path& figures_dir, std::ostream& warnings) {
    auto state = std::make_unique<PendingPictures::State>();
    state->dir = figures_dir;
    std::vector<Picture>& pictures = state->pictures;
    for (const DrawingSource& s : drawing_sources(record, plot_format_)) {
        Picture p = write_sources(s, figures_dir, plot_format_);
        bool replaced = false;
        for (Picture& earlier : pictures)
            if (earlier.stem == s.stem) {
                warnings << "nntrace: two drawings of " << record.id << " share the file name " << s.stem
                         << "; the later one (" << s.key << ") replaces the earlier\n";
                earlier = p;
                replaced = true;
            }
        if (!replaced) pictures.push_back(std::move(p));
    }

    // Which pictures can be drawn here; each missing tool is named once.
    std::vector<Picture> drawable;
    for (Picture& p : pictures) {
        if (!program(p.tool).empty()) {
            drawable.push_back(std::move(p));
            continue;
        }
        const std::string tool = tool_name(p.tool);
        if (reported_missing_.insert(tool).second) warnings << missing_message(tool);
    }
    pictures = std::move(drawable);
    // One process per picture: a gnuplot process drawing several plots writes the second one
    // with the svg terminal's state left by the first (not the bytes of a plot drawn alone), and
    // saves no wall time while nntrace itself keeps a core busy.
    for (Picture& p : pictures)
        state->runs.push_back(jobs_.submit([this, &p, dir = figures_dir] { draw(program(p.tool), p, dir); }));
    return PendingPictures(std::move(state));
}

std::set<std::string> write_drawings(const Record& record, const fs::path& figures_dir, std::ostream& warnings,
                                     PlotFormat plot_format, const DrawingTools& tools) {
    DrawingPool pool(tools, plot_format);
    return pool.start(record, figures_dir, warnings).finish(warnings);
}

}  // namespace nntrace
