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
// The interactive pages' scripts, as the pages name them in <course>/assets/web (issue 16).
const char* const web_module_file = "nntrace-web.js";
const char* const viz_file = "viz-standalone.js";

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

void copy_katex(const std::filesystem::path& out, OutputTransaction& output, const std::string& command,
                std::ostream& warnings) {
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

bool is_file(const std::filesystem::path& path) {
    std::error_code ec;
    return std::filesystem::is_regular_file(path, ec);
}

// The module and Viz (scripts/build-web builds and installs them): beside the lessons when
// nntrace is installed (<prefix>/share/nntrace/web, packaging/CMakeLists.txt), else where the
// script left them in a source checkout.
struct WebFiles {
    std::filesystem::path module, viz;
};

WebFiles web_files() {
    const std::filesystem::path installed = nntrace_home() / "web";
    if (is_file(installed / web_module_file)) return {installed / web_module_file, installed / viz_file};
    const std::filesystem::path built = nntrace_home() / "build-web";
    return {built / web_module_file, built / "node_modules" / "@viz-js" / "viz" / "dist" / "viz-global.js"};
}

bool copy_web_module(const std::filesystem::path& out, OutputTransaction& output, const std::string& command,
                     std::ostream& warnings) {
    const WebFiles files = web_files();
    if (!is_file(files.module)) {
        warnings << "nntrace " << command << ": " << files.module.string()
                 << " not found; the pages have no panel to change the lesson's values (run scripts/build-web, which needs emscripten)\n";
        return false;
    }
    copy_content(files.module, out / "assets" / "web" / web_module_file, output);
    if (is_file(files.viz)) copy_content(files.viz, out / "assets" / "web" / viz_file, output);
    else
        warnings << "nntrace " << command << ": " << files.viz.string()
                 << " not found; a changed lesson keeps its diagrams as drawn for the lesson's values (run scripts/build-web)\n";
    return true;
}

}  // namespace

bool copy_page_assets(const std::filesystem::path& out, OutputTransaction& output, const std::string& command,
                      std::ostream& warnings, bool web_module) {
    copy_folder(templates_dir() / "assets", out / "assets", output);
    copy_katex(out, output, command, warnings);
    return web_module && copy_web_module(out, output, command, warnings);
}


}  // namespace nntrace
