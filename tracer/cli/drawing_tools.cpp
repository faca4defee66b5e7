#include "drawing_tools.hpp"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <mutex>
#include <ostream>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

#include "atomic_file.hpp"

extern char** environ;

namespace nntrace {
namespace {

namespace fs = std::filesystem;

// One run of a tool: the program and its arguments, run inside the figures folder so that the
// scripts' relative names (`stem`.dat) resolve; it writes `temporary`, renamed to `picture`.
struct Job {
    std::string tool;     // "dot" or "gnuplot", for messages
    std::string program;  // the absolute path found on PATH
    std::vector<std::string> args;
    std::string source;   // the file the tool reads, for messages
    std::string temporary, picture, stem;
};

struct Outcome {
    bool ok = false;
    std::string message;  // why not, when it failed
};

// The program's absolute path from PATH, or "" when it is not installed.
std::string find_program(const std::string& name) {
    if (name.find('/') != std::string::npos) return ::access(name.c_str(), X_OK) == 0 ? name : "";
    const char* path = std::getenv("PATH");
    std::string dirs = path ? path : "/usr/local/bin:/usr/bin:/bin";
    for (std::size_t start = 0; start <= dirs.size();) {
        std::size_t end = dirs.find(':', start);
        if (end == std::string::npos) end = dirs.size();
        const std::string dir = end > start ? dirs.substr(start, end - start) : ".";
        const std::string candidate = dir + "/" + name;
        struct stat st {};
        if (::stat(candidate.c_str(), &st) == 0 && S_ISREG(st.st_mode) && ::access(candidate.c_str(), X_OK) == 0)
            return candidate;
        start = end + 1;
    }
    return "";
}

// A missing tool is reported once per process: `nntrace build` draws many lessons.
bool first_time_missing(const std::string& tool) {
    static std::mutex mutex;
    static std::set<std::string> reported;
    const std::lock_guard<std::mutex> lock(mutex);
    return reported.insert(tool).second;
}

std::string missing_message(const std::string& tool) {
    const std::string package = tool == "dot" ? "graphviz" : tool;
    const std::string sources = tool == "dot" ? "the .dot sources" : "the .gp and .dat sources";
    return "nntrace: " + tool + " not found; wrote " + sources + ", install " + package + " to draw them\n";
}

// The line of the tool's error stream that says why it failed: dot's "Error: ..." line, or the
// last line (gnuplot echoes the offending command first and gives the reason last).
std::string error_line(const fs::path& file) {
    std::ifstream in(file);
    std::string line, last;
    while (std::getline(in, line)) {
        if (line.find("Error") != std::string::npos) return line;
        if (line.find_first_not_of(" \t^") != std::string::npos) last = line;
    }
    return last;
}

// Runs the job with posix_spawn (no shell: names are passed as they are), inside `dir`, its
// error stream captured in a temporary file; waits for it.
Outcome run_job(const Job& job, const fs::path& dir) {
    const std::string errors = job.stem + ".err.tmp" + std::to_string(::getpid());
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addchdir_np(&actions, dir.c_str());
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, errors.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(job.program.c_str()));
    for (const std::string& a : job.args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, job.program.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) return {false, std::strerror(spawned)};
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
    std::error_code ec;
    const std::string why = error_line(dir / errors);
    fs::remove(dir / errors, ec);
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0 && fs::file_size(dir / job.temporary, ec) > 0 && !ec)
        return {true, ""};
    const std::string code = WIFEXITED(status) ? "exit " + std::to_string(WEXITSTATUS(status)) : "killed";
    return {false, why.empty() ? code : why};
}

// Runs the jobs two at a time (the machine has two cores), in two worker threads that each take
// the next job; outcomes are kept in job order so that messages come out the same every run.
std::vector<Outcome> run_jobs(const std::vector<Job>& jobs, const fs::path& dir) {
    std::vector<Outcome> outcomes(jobs.size());
    std::atomic<std::size_t> next{0};
    auto worker = [&] {
        for (std::size_t i = next++; i < jobs.size(); i = next++) outcomes[i] = run_job(jobs[i], dir);
    };
    const std::size_t workers = std::min<std::size_t>(2, jobs.size());
    std::vector<std::thread> threads;
    for (std::size_t w = 0; w < workers; ++w) threads.emplace_back(worker);
    for (std::thread& t : threads) t.join();
    return outcomes;
}

const char* picture_extension(PlotFormat format) {
    switch (format) {
        case PlotFormat::svg: return ".svg";
        case PlotFormat::png: return ".png";
        case PlotFormat::tikz: return ".tex";
    }
    return ".svg";
}

// Writes the source files and returns the job that draws them (its program still unset).
Job write_sources(const DrawingSource& s, const fs::path& dir, PlotFormat format) {
    const std::string tmp_suffix = ".tmp" + std::to_string(::getpid());
    Job job;
    job.stem = s.stem;
    if (s.tool == DrawingSource::Tool::dot) {
        job.tool = "dot";
        job.source = s.stem + ".dot";
        job.picture = s.stem + ".svg";
        job.temporary = job.picture + tmp_suffix;
        write_atomically(dir / job.source, s.script);
        job.args = {"-Tsvg", job.source, "-o", job.temporary};
    } else {
        job.tool = "gnuplot";
        job.source = s.stem + ".gp";
        job.picture = s.stem + picture_extension(format);
        job.temporary = job.picture + tmp_suffix;
        write_atomically(dir / (s.stem + ".dat"), s.data);
        write_atomically(dir / job.source, s.script);
        // The stem is file-safe (drawing_stem), so it needs no quoting inside gnuplot's string.
        job.args = {"-e", "output_file='" + job.temporary + "'", job.source};
    }
    return job;
}

}  // namespace

std::set<std::string> write_drawings(const Record& record, const fs::path& figures_dir, std::ostream& warnings,
                                     PlotFormat plot_format, const DrawingTools& tools) {
    std::vector<Job> jobs;
    std::set<std::string> stems;
    for (const DrawingSource& s : drawing_sources(record, plot_format)) {
        Job job = write_sources(s, figures_dir, plot_format);
        if (stems.insert(s.stem).second) {
            jobs.push_back(std::move(job));
            continue;
        }
        warnings << "nntrace: two drawings of " << record.id << " share the file name " << s.stem
                 << "; the later one (" << s.key << ") replaces the earlier\n";
        for (Job& earlier : jobs)
            if (earlier.stem == s.stem) earlier = job;
    }
    const std::string dot = find_program(tools.dot), gnuplot = find_program(tools.gnuplot);
    std::vector<Job> runnable;
    for (Job& job : jobs) {
        job.program = job.tool == "dot" ? dot : gnuplot;
        const std::string& name = job.tool == "dot" ? tools.dot : tools.gnuplot;
        if (!job.program.empty()) runnable.push_back(std::move(job));
        else if (first_time_missing(job.tool + " " + name)) warnings << missing_message(job.tool);
    }
    const std::vector<Outcome> outcomes = run_jobs(runnable, figures_dir);
    std::set<std::string> drawn;
    for (std::size_t i = 0; i < runnable.size(); ++i) {
        const Job& job = runnable[i];
        std::error_code ec;
        std::string why = outcomes[i].message;
        if (outcomes[i].ok) {
            fs::rename(figures_dir / job.temporary, figures_dir / job.picture, ec);
            if (!ec) {
                drawn.insert(job.stem);
                continue;
            }
            why = "cannot rename " + job.temporary + ": " + ec.message();
        }
        // A picture left from an earlier run no longer matches its source: the page links the source.
        fs::remove(figures_dir / job.temporary, ec);
        fs::remove(figures_dir / job.picture, ec);
        warnings << "nntrace: " << job.tool << " failed on " << (figures_dir / job.source).string() << ": "
                 << why << "\n";
    }
    return drawn;
}

}  // namespace nntrace
