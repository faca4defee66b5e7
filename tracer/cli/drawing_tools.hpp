// Drawing a record's diagrams and plots: their sources written to the figures folder, then
// Graphviz `dot` and gnuplot run on them. The runs go through one pool of worker threads for a
// whole command (`nntrace build` draws lesson k while it writes other lessons), as many tool
// processes at once as the machine has cores.
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <iosfwd>
#include <memory>
#include <set>
#include <string>

#include "atomic_file.hpp"
#include "core/record.hpp"
#include "job_pool.hpp"
#include "render/drawings.hpp"

namespace nntrace {

// The programs to run, found on PATH. Tests name programs that do not exist to see what a
// machine without them gets, or scripts that stand in for the tools.
struct DrawingTools {
    std::string dot = "dot";
    std::string gnuplot = "gnuplot";
    // How long one picture may take before its tool is stopped and the page links the source.
    std::chrono::milliseconds time_limit = default_tool_time_limit;
    // A diagram with more edges than this is not handed to dot: laying out a few hundred edges
    // takes dot minutes (a 60-term weighted sum, 239 edges: 37 s; 399 edges: over 120 s), and
    // nobody reads such a picture. The course's largest diagram has 114 (a labelled edge of a
    // computation graph counts twice: it runs through its label's box).
    std::size_t most_dot_edges = default_most_dot_edges;

    static constexpr std::chrono::milliseconds default_tool_time_limit{20000};
    static constexpr std::size_t default_most_dot_edges = 200;
};

// The pictures of one record while their tools run.
class PendingPictures {
public:
    struct State;
    explicit PendingPictures(std::unique_ptr<State> state);
    PendingPictures(PendingPictures&&) noexcept;
    PendingPictures& operator=(PendingPictures&&) noexcept;
    // Not finished (an exception is on its way): waits for the tools and removes their temporaries.
    ~PendingPictures();

    // Waits for the record's tools; adds each complete picture to the transaction; reports each
    // failure on `warnings` with its source's name, removing at commit a stale picture of that
    // name, if any, so that no page links it. Returns the stems of the pictures drawn. Call once.
    std::set<std::string> finish(std::ostream& warnings);

private:
    std::unique_ptr<State> state_;
};

class DrawingPool {
public:
    explicit DrawingPool(const DrawingTools& tools = {}, PlotFormat plot_format = PlotFormat::svg,
                         std::size_t processes = default_worker_count());

    // Stages every drawing's sources (`stem`.dot, or `stem`.gp and `stem`.dat) for
    // `figures_dir` in `output`, and queues their pictures: `stem`.svg for diagrams,
    // `stem`.svg/.png/.tex for plots as the plot format says, drawn inside the transaction's
    // private staging folder. Reports on `warnings` a tool that is not installed (once per pool:
    // the sources are still written), a diagram too big to lay out, and two drawings that share a
    // file name. Throws InputError only when a source cannot be written. One thread at a time:
    // the order of its messages is the caller's. `output` outlives the PendingPictures.
    PendingPictures start(const Record& record, const std::filesystem::path& figures_dir, OutputTransaction& output,
                          std::ostream& warnings);

private:
    const std::string& program(DrawingSource::Tool tool) const;

    std::string dot_, gnuplot_;  // the programs found on PATH, "" when missing
    std::chrono::milliseconds time_limit_;
    std::size_t most_dot_edges_;
    PlotFormat plot_format_;
    std::set<std::string> reported_missing_;
    JobPool jobs_;  // last: destroyed first, so its workers finish before the rest goes
};

// The pictures of one record, drawn before it returns (`nntrace run --figures`): start, then
// finish, on a pool of its own. Returns the stems of the pictures drawn.
std::set<std::string> write_drawings(const Record& record, const std::filesystem::path& figures_dir,
                                     OutputTransaction& output, std::ostream& warnings, PlotFormat plot_format = PlotFormat::svg,
                                     const DrawingTools& tools = {});

}  // namespace nntrace
