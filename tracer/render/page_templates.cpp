#include "page_templates.hpp"

#include <fstream>
#include <memory>
#include <sstream>

#include "core/errors.hpp"
#include "people_text.hpp"
#include "user_text.hpp"

namespace nntrace {
namespace {

std::string extension(Markup markup) { return markup == Markup::markdown ? ".md.mustache" : ".html.mustache"; }

std::string read_template(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw InputError("page template not found: '" + path.string() +
                         "' (set NNTRACE_HOME to the folder holding templates/)");
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// The partials of one format, as data entries named by their file ("step.md.mustache" → step).
void add_partials(TemplateData& data, const std::filesystem::path& dir, Markup markup) {
    const std::string ext = extension(markup);
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir / "partials", ec)) {
        const std::string file = entry.path().filename().string();
        if (file.size() <= ext.size() || file.compare(file.size() - ext.size(), ext.size(), ext) != 0) continue;
        const std::string name = file.substr(0, file.size() - ext.size());
        // A partial is found by name among the data, so it would hide an entry of that name.
        if (data.get(name)) throw InputError(entry.path().string() + ": the page data already has an entry '" + name + "'");
        // The line that names a partial ends with its own newline: the file's last one would double it.
        std::string body = read_template(entry.path());
        if (!body.empty() && body.back() == '\n') body.pop_back();
        auto text = std::make_shared<const std::string>(std::move(body));
        data.set(name, kainjow::mustache::partial([text] { return *text; }));
    }
}

}  // namespace

std::filesystem::path templates_dir_of(const RenderOptions& options) {
    if (!options.templates_dir.empty()) return options.templates_dir;
    return options.messages_dir.parent_path();
}

std::string fill_template(const std::filesystem::path& dir, const std::string& name, Markup markup, TemplateData data) {
    const std::filesystem::path path = dir / (name + extension(markup));
    kainjow::mustache::mustache tmpl(read_template(path));
    if (!tmpl.is_valid()) throw InputError(path.string() + ": " + tmpl.error_message());
    // Markdown passes HTML through and reads * _ [ ] # as markup: every {{value}} is taken
    // literally and kept on its line (markdown_text). Markup made here (math, links, the
    // explanation) is written with {{{value}}}.
    if (markup == Markup::markdown) tmpl.set_custom_escape([](const std::string& s) { return markdown_text(s); });
    add_partials(data, dir, markup);
    const std::string out = printable_output(tmpl.render(data));
    if (!tmpl.is_valid()) throw InputError(path.string() + ": " + tmpl.error_message());
    if (markup == Markup::html) return out;
    const std::string md = collapse_blank_lines(out);
    return md.empty() || md.back() == '\n' ? md : md + "\n";
}

}  // namespace nntrace
