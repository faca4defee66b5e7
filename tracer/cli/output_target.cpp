#include "output_target.hpp"

#include <cerrno>
#include <sys/stat.h>
#include <system_error>

#include "core/errors.hpp"

namespace nntrace {

namespace fs = std::filesystem;

namespace {

OutputKind kind_of(mode_t mode) {
    if (S_ISREG(mode)) return OutputKind::regular;
    if (S_ISDIR(mode)) return OutputKind::directory;
    if (S_ISFIFO(mode)) return OutputKind::fifo;
    if (S_ISCHR(mode)) return OutputKind::char_device;
    return OutputKind::other;
}

constexpr int most_links_followed = 40;  // Linux's own limit (ELOOP)

}  // namespace

OutputTarget resolve_output(const fs::path& path) {
    fs::path at = path;
    for (int links = 0; links <= most_links_followed; ++links) {
        struct stat st {};
        if (::lstat(at.c_str(), &st) != 0) {
            if (errno == ENOENT) return {at, OutputKind::absent};
            throw std::system_error(errno, std::generic_category(), at.string());
        }
        if (!S_ISLNK(st.st_mode)) return {at, kind_of(st.st_mode)};
        const fs::path target = fs::read_symlink(at);
        at = target.is_absolute() ? target : at.parent_path() / target;
    }
    throw std::system_error(ELOOP, std::generic_category(), path.string());
}

bool is_written_through(const fs::path& path) noexcept {
    try {
        return writes_through(resolve_output(path).kind);
    } catch (const std::exception&) {
        return false;
    }
}

bool same_file(const fs::path& a, const fs::path& b) {
    struct stat sa {}, sb {};
    return ::stat(a.c_str(), &sa) == 0 && ::stat(b.c_str(), &sb) == 0 && sa.st_dev == sb.st_dev &&
           sa.st_ino == sb.st_ino;
}

void check_input_file(const fs::path& file) {
    struct stat st {};
    if (::stat(file.c_str(), &st) != 0) return;  // the reader says it cannot open it
    if (S_ISDIR(st.st_mode)) throw InputError(file.string() + ": is a directory, not a file");
    if (S_ISREG(st.st_mode) && st.st_size == 0) throw InputError(file.string() + ": is empty");
}

void refuse_output_onto_input(const std::string& option, const fs::path& out, const std::vector<fs::path>& inputs) {
    for (const fs::path& input : inputs)
        if (same_file(out, input))
            throw InputError(option + " " + out.string() + ": is the input " + input.string() +
                             "; writing it would destroy it (choose another name)");
}

}  // namespace nntrace
