#include "page_assets.hpp"

#include <fstream>
#include <ostream>
#include <sstream>
#include <stdexcept>

#include "home.hpp"

namespace nntrace {
namespace {

// Debian's libjs-katex and fonts-katex (scripts/install-deps.sh installs them).
const char* const katex_dir = "/usr/share/javascript/katex";
const char* const katex_files[] = {"katex.min.js", "katex.min.css"};

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path.string());
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// Copies by content, following symbolic links: the course folder gets real files.
void copy_content(const std::filesystem::path& from, const std::filesystem::path& to, OutputTransaction& output) {
    output.stage(to, read_file(from));
}

void copy_folder(const std::filesystem::path& from, const std::filesystem::path& to, OutputTransaction& output) {
    namespace fs = std::filesystem;
    for (const auto& entry : fs::recursive_directory_iterator(from, fs::directory_options::follow_directory_symlink))
        if (entry.is_regular_file()) copy_content(entry.path(), to / fs::relative(entry.path(), from), output);
}

}  // namespace

void copy_page_assets(const std::filesystem::path& out, OutputTransaction& output, const std::string& command,
                      std::ostream& warnings) {
    copy_folder(templates_dir() / "assets", out / "assets", output);
    const std::filesystem::path katex = katex_dir;
    std::error_code ec;
    if (!std::filesystem::exists(katex / "katex.min.js", ec) || !std::filesystem::is_directory(katex / "fonts", ec)) {
        warnings << "nntrace " << command << ": KaTeX not found in " << katex.string()
                 << "; the HTML pages will show formulas as TeX source (install libjs-katex and fonts-katex)\n";
        return;
    }
    for (const char* file : katex_files) copy_content(katex / file, out / "assets" / "katex" / file, output);
    copy_folder(katex / "fonts", out / "assets" / "katex" / "fonts", output);
}


}  // namespace nntrace
