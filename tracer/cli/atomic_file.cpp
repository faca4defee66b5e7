#include "atomic_file.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>

#include "core/errors.hpp"
#include "output_target.hpp"

namespace nntrace {

namespace fs = std::filesystem;

namespace {

// `inner` is `outer` or lies under it, comparing the names as written.
bool within(const fs::path& inner, const fs::path& outer) {
    const fs::path a = inner.lexically_normal(), b = outer.lexically_normal();
    return std::mismatch(b.begin(), b.end(), a.begin(), a.end()).first == b.end();
}

// Writes all of `content` to `fd`; returns 0 or the errno of the failure.
int write_all(int fd, std::string_view content) {
    for (std::size_t done = 0; done < content.size();) {
        const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return errno;
        done += static_cast<std::size_t>(n);
    }
    return 0;
}

// A new file inside a staging folder. O_EXCL | O_NOFOLLOW: never through a name planted there.
int write_new_file(const fs::path& path, std::string_view content) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (fd < 0) return errno;
    int error = write_all(fd, content);
    if (::close(fd) != 0 && error == 0) error = errno;
    if (error != 0) ::unlink(path.c_str());
    return error;
}

// Into a FIFO or a device, as it is: no O_CREAT, no rename.
int write_in_place(const fs::path& path, std::string_view content) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) return errno;
    int error = write_all(fd, content);
    if (::close(fd) != 0 && error == 0) error = errno;
    return error;
}

fs::path folder_of(const fs::path& file) { return file.has_parent_path() ? file.parent_path() : fs::path("."); }

}  // namespace

OutputTransaction::~OutputTransaction() {
    if (!committed_) roll_back();
}

void OutputTransaction::name_root(const fs::path& root, const std::string& option, const std::string& given) {
    std::lock_guard<std::mutex> lock(mutex_);
    roots_.push_back(Root{root, option, given.empty() ? root.string() : given});
}

void OutputTransaction::fail(const fs::path& path, const std::string& what, int error) const {
    // The option whose path is nearest: the one the failing path lies under, or lies above.
    const Root* best = nullptr;
    for (const Root& root : roots_)
        if ((within(path, root.path) || within(root.path, path)) &&
            (!best || std::distance(root.path.begin(), root.path.end()) >
                          std::distance(best->path.begin(), best->path.end())))
            best = &root;
    const std::string reason = std::strerror(error);
    if (!best) throw InputError(path.string() + ": " + what + ": " + reason);
    const std::string named = best->option + " " + best->given;
    if (path.lexically_normal() == fs::path(best->given).lexically_normal())
        throw InputError(named + ": " + what + ": " + reason);
    throw InputError(named + ": " + what + " " + path.string() + ": " + reason);
}

void OutputTransaction::create_folders_locked(const fs::path& dir) {
    std::vector<fs::path> missing;
    for (fs::path p = dir; !p.empty(); p = p.parent_path()) {
        struct stat st {};
        if (::stat(p.c_str(), &st) == 0) {
            if (!S_ISDIR(st.st_mode)) fail(p, "cannot create a folder in", ENOTDIR);
            break;
        }
        if (errno != ENOENT) fail(p, "cannot create the folder", errno);
        missing.push_back(p);
        if (p == p.parent_path()) break;
    }
    for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
        if (::mkdir(it->c_str(), 0777) == 0) created_folders_.push_back(*it);
        else if (errno != EEXIST) fail(*it, "cannot create the folder", errno);
    }
}

fs::path OutputTransaction::staging_dir_locked(const fs::path& given) {
    // One staging folder per folder, however it is spelt ("figs", "figs/", "./figs").
    const fs::path dir = (given / "-").lexically_normal().parent_path();
    if (auto it = staging_dirs_.find(dir); it != staging_dirs_.end()) return it->second;
    create_folders_locked(dir);
    std::string name = ((dir.empty() ? fs::path(".") : dir) / ".nntrace.tmpXXXXXX").string();
    if (::mkdtemp(name.data()) == nullptr) fail(dir, "cannot write into", errno);
    return staging_dirs_[dir] = name;
}

fs::path OutputTransaction::staging_dir(const fs::path& dir) {
    std::lock_guard<std::mutex> lock(mutex_);
    return staging_dir_locked(dir.empty() ? fs::path(".") : dir);
}

void OutputTransaction::stage(const fs::path& file, std::string_view content) {
    OutputTarget target;
    try {
        target = resolve_output(file);
    } catch (const std::system_error& e) {
        fail(file, "cannot write", e.code().value());
    }
    if (target.kind == OutputKind::directory || !target.path.has_filename()) fail(file, "cannot write", EISDIR);
    if (target.kind == OutputKind::other) fail(file, "cannot write (not a file, a FIFO or a character device)", EPERM);
    fs::path staged;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (writes_through(target.kind)) {
            through_.emplace_back(target.path, std::string(content));
            return;
        }
        staged = staging_dir_locked(folder_of(target.path)) / target.path.filename();
        if (auto it = staged_.find(target.path); it != staged_.end()) ::unlink(it->second.staged.c_str());
        staged_[target.path] = Staged{staged, target.path};
    }
    if (const int error = write_new_file(staged, content)) fail(file, "cannot write", error);
}

void OutputTransaction::adopt(const fs::path& file) {
    std::lock_guard<std::mutex> lock(mutex_);
    staged_[file] = Staged{staging_dir_locked(folder_of(file)) / file.filename(), file};
}

void OutputTransaction::discard(const fs::path& file) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (auto it = staged_.find(file); it != staged_.end()) {
        ::unlink(it->second.staged.c_str());
        staged_.erase(it);
    }
    stale_.push_back(file);
}

void OutputTransaction::commit() {
    std::lock_guard<std::mutex> lock(mutex_);
    for (const auto& [path, content] : through_)
        if (const int error = write_in_place(path, content)) fail(path, "cannot write", error);
    for (const fs::path& file : stale_) ::unlink(file.c_str());
    for (const auto& [final, s] : staged_)
        if (::rename(s.staged.c_str(), s.final.c_str()) != 0) fail(s.final, "cannot write", errno);
    committed_ = true;
    std::error_code ec;
    for (const auto& [dir, staging] : staging_dirs_) fs::remove_all(staging, ec);
}

void OutputTransaction::roll_back() noexcept {
    std::lock_guard<std::mutex> lock(mutex_);
    std::error_code ec;
    for (const auto& [dir, staging] : staging_dirs_) fs::remove_all(staging, ec);
    for (auto it = created_folders_.rbegin(); it != created_folders_.rend(); ++it) ::rmdir(it->c_str());
}

void write_output(const std::string& option, const fs::path& file, std::string_view content) {
    OutputTransaction output;
    output.name_root(file, option);
    output.stage(file, content);
    output.commit();
}

}  // namespace nntrace
