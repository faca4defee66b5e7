#include "page.hpp"

#include <algorithm>
#include <system_error>

#include "core/errors.hpp"

namespace nntrace {

Page::Page(const Record& r, const RenderOptions& o, Minus m)
    : record(r), options(o), catalog(MessageCatalog::load(o.messages_dir)), minus(m), digits(r.digits) {
    catalog.merge(record.strings);
}

std::string Page::words(const Message& message) const {
    // Numbers inside sentences read as people write them: 0.01, not 0.010000.
    const bool names_a_string = std::any_of(message.args.begin(), message.args.end(), [this](const Arg& a) {
        return !a.number && record.strings.count(a.text);
    });
    if (!names_a_string) return with_run_values(catalog.resolve(message, options.lang, value_style()));
    Message in_words = message;
    for (Arg& a : in_words.args)
        if (!a.number) a.text = label(a.text);
    return with_run_values(catalog.resolve(in_words, options.lang, value_style()));
}

std::string Page::label(const std::string& label) const {
    return record.strings.count(label) ? word(label) : label;
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

std::vector<std::pair<std::string, Num>> Page::parameters_in_order() const {
    std::vector<std::pair<std::string, Num>> out;
    for (const auto& parameter : record.parameters)
        if (!record.internal.count(parameter.first)) out.push_back(parameter);
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return natural_less(a.first, b.first); });
    return out;
}

std::vector<std::pair<std::string, std::string>> Page::settings_for_readers() const {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& setting : record.settings)
        if (!record.internal.count(setting.first)) out.push_back(setting);
    return out;
}

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The run of digits at `at`, without its leading zeros.
std::string digit_run(const std::string& s, std::size_t& at) {
    const std::size_t begin = at;
    while (at < s.size() && is_digit(s[at])) ++at;
    const std::string run = s.substr(begin, at - begin);
    const auto first = run.find_first_not_of('0');
    return first == std::string::npos ? "0" : run.substr(first);
}

}  // namespace

bool is_update(const Step& s) {
    return s.formula.size() > 1 && s.formula.front().value && s.formula.front().text == s.name;
}

bool natural_less(const std::string& a, const std::string& b) {
    std::size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (is_digit(a[i]) && is_digit(b[j])) {
            const std::string x = digit_run(a, i), y = digit_run(b, j);
            if (x.size() != y.size()) return x.size() < y.size();
            if (x != y) return x < y;
            continue;
        }
        if (a[i] != b[j]) return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[j]);
        ++i;
        ++j;
    }
    if ((i < a.size()) != (j < b.size())) return j < b.size();
    return a < b;  // equal as numbers ("w01", "w1"): the text decides
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
    if (record.is_task) {  // an instruction, with nothing in brackets to explain
        switch (a.rounding) {
            case Rounding::exact: return {"render.arithmetic.exact_task", {shown}};
            case Rounding::half_up: return {"render.arithmetic.half_up_task", {Arg{"", Num::both(a.decimals)}}};
            case Rounding::truncate: return {"render.arithmetic.truncate_task", {Arg{"", Num::both(a.decimals)}}};
        }
    }
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
