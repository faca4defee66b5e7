#include "compare.hpp"

#include <cmath>
#include <cstdlib>

#include "number_text.hpp"
#include "finder.hpp"

namespace nntrace {
namespace {

Message reason(const char* id) { return Message{id, {}}; }

Question question_about(const Comparison& c, const Printed& printed, const FigureContext& context) {
    Question q;
    q.key = c.key;
    q.name = c.label.empty() ? c.key : c.label;
    q.written = printed;
    q.computed = c.computed;
    q.alternatives = context.alternatives;
    if (!context.run) return q;
    const Record& run = *context.run;
    q.exact_digits = run.exact_digits;
    q.find = [&run](const std::string& key) { return run.find(key); };
    q.others = run_quantities(run);
    if (const Step* st = step_keyed(run, c.key))
        if ((q.step = formula_with_placeholders(*st)))
            for (auto& in : q.step->inputs)
                for (const auto& [value, written] : context.earlier)
                    if (value.exact == in.value.exact && value.hand == in.value.hand) in.written = written;
    return q;
}

}  // namespace

const Step* step_keyed(const Record& run, const std::string& key) {
    for (const auto& s : run.sections)
        for (const auto& item : s.items)
            if (const auto* st = std::get_if<Step>(&item); st && st->key == key) return st;
    return nullptr;
}

std::vector<std::pair<std::string, Num>> run_quantities(const Record& run) {
    std::vector<std::pair<std::string, Num>> out;
    for (const auto& s : run.sections)
        for (const auto& item : s.items) {
            if (const auto* st = std::get_if<Step>(&item)) out.emplace_back(st->key, st->value);
            if (const auto* u = std::get_if<Update>(&item)) out.emplace_back(u->key, u->after);
        }
    return out;
}

double last_digit_units(double v, int decimals, Rounding r) {
    return std::round(round_decimal(v, decimals, r) * std::pow(10.0, decimals));
}

std::optional<Printed> read_printed(const std::string& text) {
    std::string clean;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == ' ') continue;
        if (text.compare(i, 3, "\xE2\x88\x92") == 0) {  // U+2212 MINUS SIGN
            clean.push_back('-');
            i += 2;
            continue;
        }
        clean.push_back(static_cast<char>(c));
    }
    if (clean.find_first_of("eE") != std::string::npos) return std::nullopt;  // printed figures are plain decimals
    const auto v = number_from_text(clean);
    if (!v) return std::nullopt;
    Printed p{*v, 0};
    if (const auto dot = clean.find('.'); dot != std::string::npos)
        p.decimals = static_cast<int>(clean.size() - dot - 1);
    return p;
}

Comparison compare_published(std::string key, std::string label, const std::string& published,
                             std::optional<Num> computed, const FigureContext& context) {
    Comparison c;
    c.key = std::move(key);
    c.label = std::move(label);
    c.published = published;
    const auto printed = read_printed(published);
    if (printed) c.digits = printed->decimals;
    if (!computed || !printed) {
        c.reason = reason(printed ? "reason.not_computed" : "reason.unreadable");
        return c;
    }
    c.computed = *computed;
    const int d = printed->decimals;
    const double p = last_digit_units(printed->value, d, Rounding::half_up);
    const double used = last_digit_units(computed->hand, d, Rounding::half_up);
    if (used == p) {
        c.verdict = Comparison::Verdict::matches;
        return c;
    }
    const Question q = question_about(c, *printed, context);
    const Finding f = find_explanations(q);
    c.reason = finding_reason(q, f);
    const bool whole_number = d == 0 && std::floor(computed->exact) == computed->exact;
    if (f.explained() && f.reproducing.front().family == Explanation::Family::numbering)
        c.verdict = Comparison::Verdict::another_row;
    else if (std::fabs(used - p) == 1.0 && !whole_number && f.explained() &&
             f.reproducing.front().family == Explanation::Family::arithmetic)
        c.verdict = Comparison::Verdict::last_digit;
    else
        c.verdict = Comparison::Verdict::differs;
    return c;
}

}  // namespace nntrace
