// What every renderer needs while it writes one record: the record, the options, the message
// catalog, and the number styles the record's digits imply.
#pragma once

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "messages.hpp"
#include "number_format.hpp"
#include "render.hpp"

namespace nntrace {

struct Page {
    // Loads the catalog from options.messages_dir and puts the record's own strings on top.
    Page(const Record& record, const RenderOptions& options, Minus minus);

    const Record& record;
    const RenderOptions& options;
    MessageCatalog catalog;
    Minus minus;  // Unicode for text people read, ASCII for files programs read
    int digits;   // decimals shown for values: the record's, or the section's being written

    // The derivatives (root, target) the section being written sums over several paths: there a
    // chain-rule line is one path's contribution, and only the sum carries the derivative's name.
    std::set<std::pair<std::string, std::string>> summed;

    // The same page while writing `section`: its own digits if it has them, and its sums.
    Page in_section(const Section& section) const;

    // Whether a chain-rule line is a path's contribution to a sum shown in the same section.
    bool is_contribution(const ChainLine& line) const { return summed.count({line.root, line.target}) > 0; }

    // A lesson's text with each {{name}} filled from the run: a parameter ("η = {{rate}}") at
    // every digit it has, or any number the record keys ("{{descent/2/x}}") as a value is shown.
    // Prose and headings thus follow --set.
    std::string with_run_values(const std::string& text) const;

    // A message, or a catalog word without arguments, in options.lang, its {{name}}s filled.
    std::string words(const Message& message) const;
    std::string word(const std::string& id) const;

    // A published figure's label in options.lang: a name as printed ("Δw") as it is, a label in
    // words (the id of one of the record's strings) in its words. A message's text argument that
    // is such a label is shown the same way.
    std::string label(const std::string& label) const;

    // Significant digits of a computed value of 10⁶ or more (a diverging descent): a double's
    // decimals there are noise. A hand calculation's figures are shown as written: 0.
    static constexpr int large_significant = 7;
    int computed_significant() const { return record.arithmetic.rounding == Rounding::exact ? large_significant : 0; }

    // A value the run produced, as the last part of a line: "18", "0.723".
    NumberStyle result_style() const { return {digits, Shape::bare_integers, minus, computed_significant()}; }
    // A value written into a formula: "0.7", "−0.41".
    NumberStyle value_style() const { return {digits, Shape::trim_zeros, minus, computed_significant()}; }
    // A parameter or setting: every digit it has (a tolerance of 1e-5 must not show as 0).
    NumberStyle parameter_style() const { return {record.exact_digits, Shape::trim_zeros, minus}; }
    // An exact value beside the hand value it differs from: "0.7225".
    NumberStyle exact_style() const { return {record.exact_digits, Shape::trim_zeros, minus, large_significant}; }
    // A table cell in a column: fixed decimals so that a column lines up.
    NumberStyle column_style(const Column& column) const {
        return {column.decimals.value_or(digits), Shape::fixed, minus, computed_significant()};
    }

    // The run's parameters for readers in natural order (w1, w2, …, w10), the order a reader
    // counts them in; the record's internal ones (a cap, a threshold for zero) left out.
    std::vector<std::pair<std::string, Num>> parameters_in_order() const;
    // The run's other settings for readers ("order = cyclic"), internal ones left out.
    std::vector<std::pair<std::string, std::string>> settings_for_readers() const;

    // The exact value when a hand calculation ended elsewhere ("0.7225" beside 0.723), else "".
    std::string exact_if_different(const Num& n) const;
};

// Whether a step gives its name a new value computed from its old one, "x = x − η·d": an update,
// which pages write with the one assignment sign every update has, x ← x − η·d.
bool is_update(const Step& s);

// Whether `a` comes before `b` when runs of digits compare as numbers: "w2" < "w10".
bool natural_less(const std::string& a, const std::string& b);

// Text for people is unreadable without the catalog (every message would show as its id), so
// the text, Markdown and CSV renderers insist on it. Throws InputError naming the directory.
void require_catalog(const RenderOptions& options);

// The message that names the record's arithmetic convention ("Hand calculation: ...").
Message convention_message(const Record& record);

// The catalog id of a comparison verdict's word, and its mark: ✓ ≈ ✗ ?.
std::string verdict_id(Comparison::Verdict v);
std::string verdict_mark(Comparison::Verdict v);

// The word for a note's kind ("Warning"), empty for plain information.
std::string note_prefix_id(Note::Kind kind);

}  // namespace nntrace
