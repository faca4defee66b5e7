#include "render.hpp"

#include "core/errors.hpp"
#include "formats.hpp"
#include "user_text.hpp"

namespace nntrace {
namespace {

std::vector<const Table*> all_tables(const Record& record) {
    std::vector<const Table*> tables;
    for (const Section& s : record.sections)
        for (const Item& item : s.items)
            if (const auto* t = std::get_if<Table>(&item)) tables.push_back(t);
    return tables;
}

// "--table NAME: no such table; tables: a, b", so that the user sees what to ask for.
InputError no_such_table(const Record& record, const std::string& name) {
    std::string known;
    for (const Table* t : all_tables(record)) known += (known.empty() ? "" : ", ") + t->key;
    return InputError("--table " + name + ": no such table; " +
                      (known.empty() ? std::string("this page has no tables") : "tables: " + known));
}

std::string render_as(const Record& record, Format format, const RenderOptions& options) {
    switch (format) {
        case Format::json: return render_json(record, options);
        case Format::text: return render_text(record, options);
        case Format::md: return render_markdown(record, options);
        case Format::csv: return render_csv(record, options);
        case Format::html: return render_html(record, options);
        case Format::tex: return render_tex(record, options);
    }
    return {};
}

}  // namespace

std::vector<const Table*> selected_tables(const Record& record, const RenderOptions& options) {
    if (!options.table) return all_tables(record);
    const Table* t = record.find_table(*options.table);
    return t ? std::vector<const Table*>{t} : std::vector<const Table*>{};
}

std::string render(const Record& record, Format format, const RenderOptions& options) {
    if (options.table && !record.find_table(*options.table)) throw no_such_table(record, *options.table);
    // Every format declares UTF-8 (or is read as it): no broken byte or raw control character
    // from a title or a CSV cell reaches the file or the terminal.
    return printable_output(render_as(record, format, options));
}

}  // namespace nntrace
