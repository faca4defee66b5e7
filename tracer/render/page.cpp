#include "page.hpp"

#include <system_error>

#include "core/errors.hpp"

namespace nntrace {

Page::Page(const Record& r, const RenderOptions& o, Minus m)
    : record(r), options(o), catalog(MessageCatalog::load(o.messages_dir)), minus(m), digits(r.digits) {
    catalog.merge(record.strings);
}

std::string Page::words(const Message& message) const {
    // Numbers inside sentences read as people write them: 0.01, not 0.010000.
    return with_run_values(catalog.resolve(message, options.lang, value_style()));
}

std::string Page::with_run_values(const std::string& text) const {
    if (text.find("{{") == std::string::npos) return text;
    return fill_named(text, [this](const std::string& name) -> std::optional<std::string> {
        if (const auto it = record.parameters.find(name); it != record.parameters.end())
            return format_number(it->second.hand, parameter_style());
        if (const auto n = record.find(name)) return format_number(n->hand, value_style());
        return std::nullopt;
    });
}

Page Page::in_section(const Section& section) const {
    Page p = *this;
    p.digits = section.digits.value_or(record.digits);
    p.summed.clear();
    for (const Item& item : section.items)
        if (const auto* sum = std::get_if<GradientSum>(&item)) p.summed.insert({sum->root, sum->target});
    return p;
}

std::string Page::word(const std::string& id) const { return words(Message{id, {}}); }

std::string Page::exact_if_different(const Num& n) const {
    const std::string exact = format_number(n.exact, exact_style());
    // Compared as printed: two doubles a rounding error apart are the same figure to a reader.
    return exact == format_number(n.hand, exact_style()) ? std::string() : exact;
}

void require_catalog(const RenderOptions& options) {
    std::error_code ec;
    if (!options.messages_dir.empty() && std::filesystem::is_directory(options.messages_dir, ec)) return;
    throw InputError("message catalog not found: '" + options.messages_dir.string() +
                     "' is not a directory (set NNTRACE_HOME to the folder holding templates/)");
}

Message convention_message(const Record& record) {
    const Arithmetic& a = record.arithmetic;
    // Counts of decimals, formatted like every other number (integers print bare).
    const Arg shown{"", Num::both(record.digits)};
    const Arg exact{"", Num::both(record.exact_digits)};
    switch (a.rounding) {
        case Rounding::exact: return {"render.arithmetic.exact", {shown}};
        case Rounding::half_up: return {"render.arithmetic.half_up", {Arg{"", Num::both(a.decimals)}, exact}};
        case Rounding::truncate: return {"render.arithmetic.truncate", {Arg{"", Num::both(a.decimals)}, exact}};
    }
    return {"render.arithmetic.exact", {shown}};
}

std::string verdict_id(Comparison::Verdict v) {
    switch (v) {
        case Comparison::Verdict::matches: return "render.verdict.matches";
        case Comparison::Verdict::last_digit: return "render.verdict.last_digit";
        case Comparison::Verdict::differs: return "render.verdict.differs";
        case Comparison::Verdict::another_row: return "render.verdict.another_row";
        case Comparison::Verdict::missing: return "render.verdict.missing";
    }
    return "render.verdict.missing";
}

std::string verdict_mark(Comparison::Verdict v) {
    switch (v) {
        case Comparison::Verdict::matches: return "✓";
        case Comparison::Verdict::last_digit: return "≈";
        case Comparison::Verdict::differs: return "✗";
        case Comparison::Verdict::another_row: return "↕";
        case Comparison::Verdict::missing: return "?";
    }
    return "?";
}

std::string note_prefix_id(Note::Kind kind) {
    switch (kind) {
        case Note::Kind::info: return "";
        case Note::Kind::convention: return "render.note.convention";
        case Note::Kind::warning: return "render.note.warning";
        case Note::Kind::fault: return "render.note.fault";
    }
    return "";
}

}  // namespace nntrace
