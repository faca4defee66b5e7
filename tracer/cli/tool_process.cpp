#include "tool_process.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <signal.h>
#include <sys/prctl.h>
#include <thread>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace nntrace {
namespace {

namespace fs = std::filesystem;

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

// Waits for `pid` until `time_limit`; past it, kills its process group (the tool and what it
// started) and reaps it. Returns whether it was stopped.
bool wait_at_most(pid_t pid, int& status, std::chrono::milliseconds time_limit) {
    using clock = std::chrono::steady_clock;
    const auto deadline = clock::now() + time_limit;
    std::chrono::milliseconds pause(1);
    for (;;) {
        const pid_t done = ::waitpid(pid, &status, WNOHANG);
        if (done == pid || (done < 0 && errno != EINTR)) return false;
        const auto now = clock::now();
        if (now >= deadline) break;
        std::this_thread::sleep_for(std::min<clock::duration>(pause, deadline - now));
        pause = std::min(pause * 2, std::chrono::milliseconds(50));
    }
    ::kill(-pid, SIGKILL);
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
    return true;
}

std::string seconds_text(std::chrono::milliseconds limit) {
    const auto ms = limit.count();
    return std::to_string(ms / 1000) + (ms % 1000 ? "." + std::to_string(1000 + ms % 1000).substr(1) : "") + " s";
}

}  // namespace

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

// Started with fork and exec, not system(): no shell, so names are passed as they are. Not
// posix_spawn either, because the child must ask the kernel to kill it when nntrace dies
// (PR_SET_PDEATHSIG): a tool in a process group of its own would otherwise outlive a killed
// nntrace and go on writing into a staging folder nobody will rename or remove.
ToolRun run_tool(const std::string& program, const std::vector<std::string>& args, const fs::path& dir,
                 const std::string& errors_name, std::chrono::milliseconds time_limit) {
    // Everything the child needs is made before fork: after it, a child of a program with
    // threads may only make async-signal-safe calls.
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(program.c_str()));
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    const std::string dir_name = dir.string();
    const pid_t parent = ::getpid();
    // The child reports why it could not start through this pipe; exec closes it (O_CLOEXEC),
    // so the parent reads nothing when the tool did start.
    int report[2];
    if (::pipe2(report, O_CLOEXEC) != 0) return {false, false, std::strerror(errno)};
    const pid_t pid = ::fork();
    if (pid < 0) {
        const int why = errno;
        ::close(report[0]);
        ::close(report[1]);
        return {false, false, std::strerror(why)};
    }
    if (pid == 0) {
        // A process group of its own, so that the time limit stops what the tool started too.
        ::setpgid(0, 0);
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != parent) ::_exit(127);  // nntrace died before the line above
        int failure = 0;
        const int in = ::open("/dev/null", O_RDONLY);
        const int out = ::open("/dev/null", O_WRONLY);
        if (::chdir(dir_name.c_str()) != 0) failure = errno;
        const int err = failure ? -1 : ::open(errors_name.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW, 0644);
        if (!failure && (in < 0 || out < 0 || err < 0)) failure = errno;
        if (!failure && (::dup2(in, 0) < 0 || ::dup2(out, 1) < 0 || ::dup2(err, 2) < 0)) failure = errno;
        if (!failure) {
            ::execve(program.c_str(), argv.data(), environ);
            failure = errno;
        }
        [[maybe_unused]] const ssize_t written = ::write(report[1], &failure, sizeof failure);
        ::_exit(127);
    }
    ::setpgid(pid, pid);  // also here, so that the group exists before any kill(-pid) below
    ::close(report[1]);
    int failure = 0;
    ssize_t got = 0;
    do got = ::read(report[0], &failure, sizeof failure); while (got < 0 && errno == EINTR);
    ::close(report[0]);
    if (got == static_cast<ssize_t>(sizeof failure)) {
        int status = 0;
        while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
        std::error_code ec;
        fs::remove(dir / errors_name, ec);
        return {false, false, std::strerror(failure)};
    }
    int status = 0;
    const bool stopped = wait_at_most(pid, status, time_limit);
    std::error_code ec;
    const std::string why = error_line(dir / errors_name);
    fs::remove(dir / errors_name, ec);
    if (stopped) return {false, true, "stopped after " + seconds_text(time_limit) + " (the time limit, --tool-timeout)"};
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return {true, false, ""};
    const std::string code = WIFEXITED(status) ? "exit " + std::to_string(WEXITSTATUS(status)) : "killed";
    return {false, false, why.empty() ? code : why};
}

}  // namespace nntrace
