// Rewriting a randomised problem file into one student's file: the author's text is kept, so
// the variant reads like the exercise it came from, and only the values change.
#include "problem/variant_text.hpp"

#include <algorithm>
#include <cctype>

#include "core/double_chars.hpp"
#include "core/utf8.hpp"

namespace nntrace {
namespace {

struct Replacement {
    int column;  // 1-based, in characters, as toml++ counts
    std::string text;
};

// The byte where the `column`-th character (1-based) of `line` starts.
std::size_t byte_of_column(const std::string& line, int column) {
    std::size_t at = 0;
    for (int c = 1; c < column && at < line.size(); ++c) at += std::max<std::size_t>(1, utf8_length_at(line, at));
    return at;
}

// A TOML number's characters: digits, signs, point, exponent, underscores, 0x…, inf, nan.
bool is_number_character(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.' || c == '_';
}

void replace_values(std::string& line, std::vector<Replacement> replacements) {
    // From the right, so that a replacement does not move the columns of those before it.
    std::sort(replacements.begin(), replacements.end(), [](const auto& a, const auto& b) { return a.column > b.column; });
    for (const Replacement& r : replacements) {
        const std::size_t begin = byte_of_column(line, r.column);
        std::size_t end = begin;
        while (end < line.size() && is_number_character(line[end])) ++end;
        line.replace(begin, end - begin, r.text);
    }
}

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t from = 0;
    while (from <= text.size()) {
        const std::size_t end = text.find('\n', from);
        if (end == std::string::npos) {
            if (from < text.size()) lines.push_back(text.substr(from));
            break;
        }
        lines.push_back(text.substr(from, end - from));
        from = end + 1;
    }
    return lines;
}

bool inside(const LineSpan& span, int line) { return line >= span.first && line <= span.last; }

bool is_comment_line(const std::string& line) {
    const std::size_t first = line.find_first_not_of(" \t");
    return first != std::string::npos && line[first] == '#';
}

// The span with the comment lines right above it: they speak about the table (about the draw,
// or about answers the variant no longer has), so they leave with it.
LineSpan with_comments_above(LineSpan span, const std::vector<std::string>& lines) {
    while (span.first > 1 && is_comment_line(lines[static_cast<std::size_t>(span.first) - 2])) --span.first;
    return span;
}

}  // namespace

std::string exact_number_text(double v) { return shortest_text(v + 0.0); }

std::string answer_text(double v, int digits) {
    return fixed_text(round_decimal(v, digits, Rounding::half_up) + 0.0, digits);
}

std::string variant_text(const Problem& randomised, const std::map<std::string, double>& drawn,
                         const std::vector<std::pair<std::string, std::string>>& answers, std::uint64_t seed,
                         const std::string& student) {
    const RandomTable& random = *randomised.random;
    std::map<int, std::vector<Replacement>> by_line;
    for (const auto* list : {&randomised.inputs, &randomised.params})
        for (const NamedNumber& n : *list)
            if (auto it = drawn.find(n.name); it != drawn.end())
                by_line[n.where.line].push_back({n.where.column, exact_number_text(it->second)});

    // A comment holds no line break: an id that has one (never a roster's) is shown escaped.
    std::string out = "# The variant of " + randomised.id + " for student " + visible_text(student) + ", seed " +
                      std::to_string(seed) + " (nntrace variants). Its [answers] are its key.\n";
    const std::vector<std::string> lines = split_lines(random.source);
    std::vector<LineSpan> left_out = {with_comments_above(random.lines, lines)};
    if (random.answer_lines) left_out.push_back(with_comments_above(*random.answer_lines, lines));
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const int number = static_cast<int>(i) + 1;
        if (std::any_of(left_out.begin(), left_out.end(), [&](const LineSpan& s) { return inside(s, number); })) continue;
        std::string line = lines[i];
        if (auto it = by_line.find(number); it != by_line.end()) replace_values(line, it->second);
        out += line + "\n";
    }
    out += "\n[answers]\n";
    for (const auto& [name, text] : answers) out += "\"" + name + "\" = \"" + text + "\"\n";
    return out;
}

}  // namespace nntrace
