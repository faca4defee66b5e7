// Writing a command's output so that a reader never sees half of it, and a command that fails
// leaves nothing: every file is first written into a private staging folder beside its final
// place, and only when the whole command has succeeded is each one renamed into place.
#pragma once

#include <filesystem>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace nntrace {

// The files one command writes. Thread-safe: `nntrace build` stages pages from several threads.
// Every failure throws InputError naming the option the path came from and the system's reason.
class OutputTransaction {
public:
    OutputTransaction() = default;
    OutputTransaction(const OutputTransaction&) = delete;
    OutputTransaction& operator=(const OutputTransaction&) = delete;
    // Not committed (the command failed): removes every staged file, every staging folder and
    // every folder it created, so the file system is as the command found it.
    ~OutputTransaction();

    // Paths under `root` come from `option` ("--out", "--figures"): messages name it, with
    // `given` (the option's value, when `root` is derived from it: a page's assets folder).
    void name_root(const std::filesystem::path& root, const std::string& option, const std::string& given = "");

    // `content` is to become `file`. A symbolic link is followed; a FIFO or a character device is
    // written in place at commit (nothing is renamed over it); a directory is refused. Missing
    // parent folders are created (and removed again if the command fails).
    void stage(const std::filesystem::path& file, std::string_view content);

    // The private folder (mode 0700, an unpredictable name made by mkdtemp) where files bound for
    // `dir` are written; a tool may write there directly, then `adopt` the file.
    std::filesystem::path staging_dir(const std::filesystem::path& dir);
    // `staging_dir(file's folder)/file's name` is complete: commit renames it to `file`.
    void adopt(const std::filesystem::path& file);
    // Forgets a staged `file` and deletes its staged copy; at commit, removes `file` itself
    // too (a picture left by an earlier run that no longer matches its source).
    void discard(const std::filesystem::path& file);

    // Writes the FIFOs and devices, then renames every staged file into place.
    void commit();

private:
    struct Staged {
        std::filesystem::path staged, final;
    };
    std::filesystem::path staging_dir_locked(const std::filesystem::path& dir);
    void create_folders_locked(const std::filesystem::path& dir);
    [[noreturn]] void fail(const std::filesystem::path& path, const std::string& what, int error) const;
    void roll_back() noexcept;

    mutable std::mutex mutex_;
    struct Root {
        std::filesystem::path path;
        std::string option, given;
    };
    std::vector<Root> roots_;
    std::map<std::filesystem::path, std::filesystem::path> staging_dirs_;  // final folder → staging folder
    std::map<std::filesystem::path, Staged> staged_;                      // by final path
    std::vector<std::pair<std::filesystem::path, std::string>> through_;  // FIFOs and devices, content
    std::vector<std::filesystem::path> stale_;                            // removed at commit
    std::vector<std::filesystem::path> created_folders_;                  // in the order made
    bool committed_ = false;
};

// One file as a transaction of its own: `content` becomes `file`, which came from `option`.
void write_output(const std::string& option, const std::filesystem::path& file, std::string_view content);

}  // namespace nntrace
