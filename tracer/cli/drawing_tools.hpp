// Drawing a record's diagrams and plots: their sources written to the figures folder, then
// Graphviz `dot` and gnuplot run on them. The runs go through one pool of worker threads for a
// whole command (`nntrace build` draws lesson k while it writes other lessons), as many tool
// processes at once as the machine has cores.
#pragma once

#include <cstddef>
#include <filesystem>
#include <iosfwd>
#include <memory>
#include <set>
#include <string>

#include "core/record.hpp"
#include "job_pool.hpp"
#include "render/drawings.hpp"

namespace nntrace {

// The programs to run, found on PATH. Tests name programs that do not exist to see what a
// machine without them gets, or scripts that stand in for the tools.
struct DrawingTools {
    std::string dot = "dot";
    std::string gnuplot = "gnuplot";
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

    // Waits for the record's tools; renames each complete picture into place; reports each
    // failure on `warnings` with its source's name, removing a stale picture of that name, if
    // any, so that no page links it. Returns the stems of the pictures drawn. Call once.
    std::set<std::string> finish(std::ostream& warnings);

private:
    std::unique_ptr<State> state_;
};

class DrawingPool {
public:
    explicit DrawingPool(const DrawingTools& tools = {}, PlotFormat plot_format = PlotFormat::svg,
                         std::size_t processes = default_worker_count());

    // Writes every drawing's sources (`stem`.dot, or `stem`.gp and `stem`.dat) into
    // `figures_dir`, atomically, and queues their pictures: `stem`.svg for diagrams,
    // `stem`.svg/.png/.tex for plots as the plot format says, each written under a temporary
    // name. Reports on `warnings` a tool that is not installed (once per pool: the sources are
    // still written) and two drawings that share a file name. Throws std::runtime_error only when
    // a source cannot be written. One thread at a time: the order of its messages is the caller's.
    PendingPictures start(const Record& record, const std::filesystem::path& figures_dir, std::ostream& warnings);

private:
    const std::string& program(DrawingSource::Tool tool) const;

    std::string dot_, gnuplot_;  // the programs found on PATH, "" when missing
    PlotFormat plot_format_;
    std::set<std::string> reported_missing_;
    JobPool jobs_;  // last: destroyed first, so its workers finish before the rest goes
};

// The pictures of one record, drawn before it returns (`nntrace run --figures`): start, then
// finish, on a pool of its own. Returns the stems of the pictures drawn.
std::set<std::string> write_drawings(const Record& record, const std::filesystem::path& figures_dir,
                                     std::ostream& warnings, PlotFormat plot_format = PlotFormat::svg,
                                     const DrawingTools& tools = {});

}  // namespace nntrace
