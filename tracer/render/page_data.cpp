// The data of a whole lesson page: header and links, setup and conventions, the explanation,
// the sections' items, and the comparisons.
#include "page_data.hpp"

#include "core/errors.hpp"
#include "drawings.hpp"

#include "markdown_text.hpp"
#include "math.hpp"

namespace nntrace {
namespace {

std::string other_language(const std::string& lang) { return lang == "zh" ? "en" : "zh"; }

void set_links(TemplateData& d, const Page& page, const PageContext& context) {
    const std::string other = other_language(page.options.lang);
    d.set("has_index", !context.index_href.empty());
    d.set("index_href", context.index_href);
    d.set("index_label", page.word("pages.index"));
    d.set("has_other", !context.other_lang_href.empty());
    d.set("other_href", context.other_lang_href);
    d.set("other_lang", html_lang(other));
    // The other language's name in that language ("中文" on an English page), as sites do.
    d.set("other_label", page.catalog.resolve(Message{"pages.language_name", {}}, other, page.result_style()));
    d.set("has_links", !context.index_href.empty() || !context.other_lang_href.empty());
}

// The arithmetic convention, the parameters (in math) and the other settings.
void set_setup(TemplateData& d, const Page& page) {
    const Record& r = page.record;
    d.set("setup_heading", page.word("pages.setup"));
    d.set("convention", page.words(convention_message(r)));
    std::vector<TemplateData> parameters;
    for (const auto& [name, value] : page.parameters_in_order()) {
        TemplateData p;
        // Parameters at the exact precision: a tolerance of 1e-5 must not show as 0.
        p.set("tex", latex_name(name) + " = " + latex_number(format_number(value.hand, page.parameter_style())));
        parameters.push_back(std::move(p));
    }
    d.set("has_parameters", !parameters.empty());
    d.set("parameters_label", page.word("pages.parameters"));
    d.set("parameters", list_of(std::move(parameters)));
    std::string settings;
    for (const auto& [name, value] : page.settings_for_readers()) settings += (settings.empty() ? "" : ", ") + name + " = " + value;
    d.set("has_settings", !settings.empty());
    d.set("settings", settings.empty() ? "" : page.words(Message{"render.settings", {Arg{settings, {}}}}));
}

TemplateData sections_data(const Page& page, Markup markup) {
    std::vector<TemplateData> sections;
    for (const Section& s : page.record.sections) {
        std::vector<TemplateData> items;
        const std::string title = page.words(s.title);
        const Page section_page = page.in_section(s);
        const std::vector<bool> small = small_multiples(s);
        for (std::size_t i = 0; i < s.items.size(); ++i) {
            const Item& item = s.items[i];
            items.push_back(item_data(section_page, item, markup));
            if (small[i]) items.back().set("small", true);
            // A table that is all its section holds needs no caption repeating the heading.
            const auto* table = std::get_if<Table>(&item);
            items.back().set("captioned", !table || page.words(table->title) != title);
        }
        TemplateData d;
        d.set("title", title);
        d.set("anchor", "part-" + anchor(s.key));  // items may share the section's key
        d.set("folded", s.folded);
        d.set("items", list_of(std::move(items)));
        sections.push_back(std::move(d));
    }
    return list_of(std::move(sections));
}

}  // namespace

const char* const span_flags[] = {"is_text", "is_strong", "is_em", "is_code", "is_math"};
const char* const block_flags[] = {"is_paragraph", "is_heading", "is_bullets", "is_numbered", "is_math", "is_code"};

TemplateData spans_data(const Spans& spans) {
    std::vector<TemplateData> out;
    for (const Span& s : spans) {
        TemplateData d;
        for (int f = 0; f < 5; ++f) d.set(span_flags[f], static_cast<int>(s.kind) == f);
        d.set("text", s.text);
        out.push_back(std::move(d));
    }
    return list_of(std::move(out));
}

TemplateData explanation_data(const std::string& markdown) {
    std::vector<TemplateData> blocks;
    for (const Block& b : nest_blocks(parse_markdown(markdown), 3)) {
        TemplateData d;
        for (int f = 0; f < 6; ++f) d.set(block_flags[f], static_cast<int>(b.kind) == f);
        d.set("level", std::to_string(b.level));
        std::vector<TemplateData> lines;
        for (const Spans& line : b.lines) {
            TemplateData l;
            l.set("spans", spans_data(line));
            lines.push_back(std::move(l));
        }
        d.set("text", b.lines.empty() || b.lines[0].empty() ? "" : b.lines[0][0].text);
        d.set("spans", b.lines.empty() ? list_of({}) : spans_data(b.lines[0]));
        d.set("items", list_of(std::move(lines)));
        blocks.push_back(std::move(d));
    }
    return list_of(std::move(blocks));
}

TemplateData lesson_page_data(const Page& page, const PageContext& context, Markup markup) {
    TemplateData d;
    d.set("lang", page.options.lang);
    d.set("html_lang", html_lang(page.options.lang));
    d.set("title", page.words(page.record.title));
    d.set("has_summary", !context.summary.empty());
    d.set("summary", page.with_run_values(context.summary));
    d.set("assets_href", page.options.assets_href.empty() ? std::string(".") : page.options.assets_href);
    // A label's colon as each language writes it ("Parameters: ", "参数："), for every template.
    d.set("colon", page.word("pages.colon"));
    set_links(d, page, context);
    set_setup(d, page);
    if (markup == Markup::html) set_panel(d, page);
    // The prose names the run's own parameter values ({{rate}}), so that it follows --set.
    const std::string explanation = page.with_run_values(context.explanation);
    d.set("has_explanation", !explanation.empty());
    d.set("explanation_heading", page.word("pages.explanation"));
    d.set("explanation_md", markup == Markup::markdown ? nest_markdown(explanation, 3) : "");
    d.set("explanation_blocks", markup == Markup::html ? explanation_data(explanation) : list_of({}));
    d.set("sections", sections_data(page, markup));
    d.set("has_comparisons", !page.record.comparisons.empty());
    d.set("comparison_table", comparisons_data(page, markup));
    return d;
}

TemplateData list_of(std::vector<TemplateData> elements) {
    TemplateData list = TemplateData::type::list;
    for (std::size_t i = 0; i < elements.size(); ++i) {
        elements[i].set("last", i + 1 == elements.size());
        list.push_back(std::move(elements[i]));
    }
    return list;
}

const std::vector<std::string>& page_languages() {
    static const std::vector<std::string> languages{"zh", "en"};
    return languages;
}

std::string html_lang(const std::string& lang) { return lang == "zh" ? "zh-CN" : lang; }

void check_page_language(const std::string& lang) {
    for (const std::string& known : page_languages())
        if (lang == known) return;
    throw InputError("--lang " + lang + ": expected en or zh");
}

}  // namespace nntrace
