// What a path given to nntrace is, before anything is written to it or read from it: an output
// may be a regular file, a FIFO or a device (written through, never replaced), a symbolic link
// (followed), or something nntrace refuses; an input must be a non-empty file, and no output may
// be one of the inputs.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace nntrace {

enum class OutputKind { absent, regular, directory, fifo, char_device, other };

struct OutputTarget {
    std::filesystem::path path;  // where the bytes go: the end of the symbolic links, if any
    OutputKind kind = OutputKind::absent;
};

// Follows symbolic links (a dangling one names the file to create) and says what is at the end.
// Throws std::system_error (ELOOP after 40 links, or what lstat says) on failure.
OutputTarget resolve_output(const std::filesystem::path& path);

// A FIFO or a character device is written in place, as a shell's `>` would: renaming a file over
// /dev/null would replace the device.
inline bool writes_through(OutputKind kind) { return kind == OutputKind::fifo || kind == OutputKind::char_device; }

// `path` (after its links) is a FIFO or a character device; false when it cannot be looked at
// (writing it will then say why).
bool is_written_through(const std::filesystem::path& path) noexcept;

// Both exist and are the same file (device and inode): a hard link, `./p.toml` and `p.toml`.
bool same_file(const std::filesystem::path& a, const std::filesystem::path& b);

// An input file named on the command line: a directory or an empty file is refused (InputError).
void check_input_file(const std::filesystem::path& file);

// `--out PATH` that is one of `inputs` is refused (InputError naming the option): writing it
// would destroy the input before anyone could see the output.
void refuse_output_onto_input(const std::string& option, const std::filesystem::path& out,
                              const std::vector<std::filesystem::path>& inputs);

}  // namespace nntrace
