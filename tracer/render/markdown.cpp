// A lesson as a Markdown page (math as $…$), through templates/page.md.mustache; with --table,
// one table alone.
#include "formats.hpp"
#include "page_templates.hpp"

namespace nntrace {

std::string render_markdown(const Record& record, const RenderOptions& options) {
    if (!options.table) return render_lesson_page(record, Format::md, options, {});
    // --table NAME: that table alone, for pasting into notes.
    require_catalog(options);
    const Page page(record, options, Minus::unicode);
    std::string out;
    for (const Table* t : selected_tables(record, options))
        out += fill_template(templates_dir_of(options), "table", Markup::markdown, table_data(page, *t, Markup::markdown));
    return out;
}

}  // namespace nntrace
