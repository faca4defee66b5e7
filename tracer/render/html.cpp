// A lesson as an HTML page (math through KaTeX), through templates/page.html.mustache.
#include "formats.hpp"
#include "pages.hpp"

namespace nntrace {

std::string render_html(const Record& record, const RenderOptions& options) {
    return render_lesson_page(record, Format::html, options, {});
}

}  // namespace nntrace
