// The panel of an HTML lesson page (issue 16): the run's parameters for readers, each with the
// value the page shows, and the arithmetic, as form fields the page's script reads to ask the
// WebAssembly module for the page at other values. Built only when the module is in the course;
// otherwise the page says why it has no panel.
#include "math.hpp"
#include "page_data.hpp"

namespace nntrace {
namespace {

// A field's value as a reader types it back: every digit the parameter has, an ASCII minus
// (the engine's number syntax), so that an untouched field asks for the same run.
std::string typed_value(const Page& page, const Num& value) {
    return format_number(value.hand, NumberStyle{page.record.exact_digits, Shape::trim_zeros, Minus::ascii});
}

TemplateData panel_field(const std::string& name, const std::string& value, bool number) {
    TemplateData f;
    f.set("name", name);
    f.set("tex", latex_name(name));
    f.set("value", value);
    f.set("is_number", number);
    return f;
}

std::vector<TemplateData> panel_fields(const Page& page) {
    std::vector<TemplateData> fields;
    for (const auto& [name, value] : page.parameters_in_order()) fields.push_back(panel_field(name, typed_value(page, value), true));
    for (const auto& [name, value] : page.settings_for_readers()) fields.push_back(panel_field(name, value, false));
    return fields;
}

// Decimals, exact and rounding as the run has them; an exact run leaves the decimals empty.
void set_arithmetic_fields(TemplateData& d, const Page& page) {
    const Arithmetic& a = page.record.arithmetic;
    d.set("decimals_value", a.is_hand() ? std::to_string(a.decimals) : std::string());
    d.set("exact_checked", !a.is_hand());
    d.set("exact_default", a.is_hand() ? std::string() : std::string("1"));
    d.set("truncating", a.rounding == Rounding::truncate);
    d.set("rounding_value", a.rounding == Rounding::truncate ? std::string("truncate") : std::string("half-up"));
}

}  // namespace

void set_panel(TemplateData& d, const Page& page) {
    d.set("interactive", page.options.web_module);
    // Only a course can lack its module: a page of `nntrace run`, a handout or a solution never
    // had one to lack, and a student holding a printed handout has no use for the sentence.
    d.set("panel_absent_shown", page.options.in_course && !page.options.web_module);
    d.set("panel_absent", page.word("pages.panel.absent"));
    if (!page.options.web_module) return;
    d.set("lesson_id", page.record.id);
    d.set("panel_fields", list_of(panel_fields(page)));
    set_arithmetic_fields(d, page);
    for (const char* id : {"heading", "intro", "decimals", "exact", "rounding", "half_up", "truncate", "reset",
                           "plot_note", "unavailable", "working"})
        d.set(std::string("panel_") + id, page.word(std::string("pages.panel.") + id));
}

}  // namespace nntrace
