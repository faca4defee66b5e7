// The playground page of a course (issue 16): a problem file in a text area, rendered in the
// browser by the WebAssembly module as it is edited, and an answers field that checks it. One
// page for both languages, as the course index is; the reader picks the language of the result.
#include "page_templates.hpp"
#include "pages.hpp"

namespace nntrace {

std::string render_playground(const std::string& example, const RenderOptions& options) {
    require_catalog(options);
    const MessageCatalog catalog = MessageCatalog::load(options.messages_dir);
    TemplateData d;
    for (const std::string& lang : page_languages()) {
        for (const char* id : {"title", "intro", "problem", "language", "answers", "answers_hint", "check"})
            d.set(std::string(id) + "_" + lang, catalog.resolve(Message{std::string("pages.playground.") + id, {}}, lang, {}));
        d.set("index_" + lang, catalog.resolve(Message{"pages.index", {}}, lang, {}));
        d.set("language_name_" + lang, catalog.resolve(Message{"pages.language_name", {}}, lang, {}));
    }
    for (const char* id : {"working", "unavailable"})
        d.set(std::string("panel_") + id, catalog.resolve(Message{std::string("pages.panel.") + id, {}}, "en", {}));
    d.set("example", example);
    d.set("assets_href", options.assets_href.empty() ? std::string(".") : options.assets_href);
    return fill_template(templates_dir_of(options), "playground", Markup::html, d);
}

}  // namespace nntrace
