// Text that mixes words and math ("step in x", "∂J/∂x", "x（eta1，η = 1.1）") as LaTeX that
// pdflatex and xelatex both typeset: the math in $…$ (written by latex_expression, as on the HTML
// pages), the words in text mode, escaped. The text is cut into pieces, and a run of math
// pieces — names, numbers, operators, brackets that close within the run — becomes one formula.
#include <algorithm>
#include <string>
#include <vector>

#include "core/utf8.hpp"
#include "latex_escape.hpp"
#include "math.hpp"

namespace nntrace {
// Named, so that its helpers meet no other file's in a unity batch.
namespace tex_text_pieces {
namespace {

enum class Kind { math, op, number, open, close, space, prose };

struct TextPiece {
    Kind kind;
    std::string text;
};

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// A name is math: "x", "w5", "W00", "eta1", "out_h1", "eta"; a word is not: "Point", "min".
bool is_name(const std::string& word) {
    if (word.size() == 1 || word.find('_') != std::string::npos || is_greek_name(word)) return true;
    const auto digit = word.find_first_of("0123456789");
    return digit != std::string::npos && word.find_first_not_of("0123456789", digit) == std::string::npos;
}

TextPiece word_piece(const std::string& text, std::size_t begin, std::size_t end) {
    const std::string word = text.substr(begin, end - begin);
    const char next = end < text.size() ? text[end] : '\0';
    // "B's answer": a letter with an apostrophe is a word, not B′.
    if (next == '\'' && end + 1 < text.size() && is_letter(text[end + 1])) return {Kind::prose, word};
    if (begin >= 2 && text[begin - 1] == '\'' && is_letter(text[begin - 2])) return {Kind::prose, word};
    const bool argument = next == '(' || static_cast<unsigned char>(next) >= 0x80;
    return {is_name(word) || (is_function_name(word) && argument) ? Kind::math : Kind::prose, word};
}

Kind ascii_kind(char c, const std::vector<TextPiece>& before) {
    if (c == ' ') return Kind::space;
    if (c == '(' || c == '[') return Kind::open;
    if (c == ')' || c == ']') return Kind::close;
    if (c == '\'') return !before.empty() && before.back().kind == Kind::math ? Kind::math : Kind::prose;
    if (std::string("=+-*/^<>").find(c) != std::string::npos) return Kind::op;
    return Kind::prose;
}

bool is_word_char(char c) { return is_letter(c) || is_digit(c) || c == '_'; }

// One past the end of the word or the number ("0.25", not "2." before a full stop) at `i`.
std::size_t word_end(const std::string& text, std::size_t i) {
    while (i < text.size() && is_word_char(text[i])) ++i;
    return i;
}

std::size_t number_end(const std::string& text, std::size_t i) {
    auto decimal_point = [&](std::size_t at) {
        return text[at] == '.' && at + 1 < text.size() && is_digit(text[at + 1]);
    };
    while (i < text.size() && (is_digit(text[i]) || decimal_point(i))) ++i;
    return i;
}

// A character beyond ASCII, as math.cpp's one table of symbols knows it.
Kind character_kind(const std::string& ch) {
    switch (math_character(ch)) {
        case MathCharacter::symbol: return Kind::math;
        case MathCharacter::op: return Kind::op;
        case MathCharacter::none: return Kind::prose;
    }
    return Kind::prose;
}

std::vector<TextPiece> pieces_of(const std::string& text) {
    std::vector<TextPiece> pieces;
    for (std::size_t i = 0; i < text.size();) {
        const char c = text[i];
        std::size_t end = i + 1;
        if (is_letter(c)) {
            end = word_end(text, i);
            pieces.push_back(word_piece(text, i, end));
        } else if (is_digit(c)) {
            end = number_end(text, i);
            pieces.push_back({Kind::number, text.substr(i, end - i)});
        } else if (static_cast<unsigned char>(c) < 0x80) {
            pieces.push_back({ascii_kind(c, pieces), std::string(1, c)});
        } else {
            end = i + std::max<std::size_t>(1, utf8_length_at(text, i));  // a byte alone where not UTF-8
            pieces.push_back({character_kind(text.substr(i, end - i)), text.substr(i, end - i)});
        }
        i = end;
    }
    return pieces;
}

bool is_ascii_word(const TextPiece& p) { return p.kind == Kind::prose && is_letter(p.text[0]); }

// "a" and "I" are English words beside other English words: "with a rate", not "with $a$ rate".
void demote_articles(std::vector<TextPiece>& pieces) {
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        const std::string& t = pieces[i].text;
        if (pieces[i].kind != Kind::math || (t != "a" && t != "A" && t != "I")) continue;
        auto word_at = [&](std::size_t space, std::size_t word) {
            return pieces[space].kind == Kind::space && is_ascii_word(pieces[word]);
        };
        const bool word_before = i >= 2 && word_at(i - 1, i - 2);
        const bool word_after = i + 2 < pieces.size() && word_at(i + 1, i + 2);
        if (word_before || word_after) pieces[i].kind = Kind::prose;
    }
}

// Where a formula may begin: at a name or symbol, or at the minus sign of a negative number.
bool starts_math(const std::vector<TextPiece>& pieces, std::size_t i) {
    if (pieces[i].kind == Kind::math) return true;
    const bool minus = pieces[i].text == "-" || pieces[i].text == "−";
    const bool after_word = i > 0 && (pieces[i - 1].kind == Kind::math || is_ascii_word(pieces[i - 1]) ||
                                      pieces[i - 1].kind == Kind::number);
    return minus && !after_word && i + 1 < pieces.size() && pieces[i + 1].kind == Kind::number;
}

std::size_t next_visible(const std::vector<TextPiece>& pieces, std::size_t i) {
    while (i < pieces.size() && pieces[i].kind == Kind::space) ++i;
    return i;
}

// One past the last piece of the formula that begins at `begin`. Spaces belong to a formula only
// around an operator ("η = 1.1", "η · d"); it ends on a symbol, a number or a closing bracket
// whose opening it holds, never on an operator or a space.
std::size_t math_end(const std::vector<TextPiece>& pieces, std::size_t begin) {
    std::size_t end = begin + 1;
    int depth = 0;
    for (std::size_t j = begin; j < pieces.size(); ++j) {
        const Kind k = pieces[j].kind;
        if (k == Kind::prose) break;
        if (k == Kind::space) {
            const std::size_t after = next_visible(pieces, j);
            const bool op_after = after < pieces.size() && pieces[after].kind == Kind::op;
            if (pieces[j - 1].kind != Kind::op && !op_after) break;
            continue;
        }
        if (k == Kind::close && depth-- == 0) break;
        if (k == Kind::open) ++depth;
        if (depth == 0 && (k == Kind::math || k == Kind::number || k == Kind::close)) end = j + 1;
    }
    return end;
}

// Words in text mode. Typographic marks LaTeX spells with ASCII; an operator on its own is math.
std::string prose_tex(const TextPiece& p) {
    const bool unicode_op = p.kind == Kind::op && static_cast<unsigned char>(p.text[0]) >= 0x80;
    if (unicode_op) return "$" + latex_expression(p.text) + "$";
    static const std::vector<std::pair<std::string, std::string>> marks = {
        {"“", "``"}, {"”", "''"}, {"‘", "`"}, {"’", "'"},
        {"–", "--"}, {"—", "---"}, {"…", "\\ldots{}"}};
    for (const auto& [mark, tex] : marks)
        if (p.text == mark) return tex;
    return latex_escape(p.text);
}

}  // namespace
}  // namespace tex_text_pieces

std::string tex_text(const std::string& text) {
    using namespace tex_text_pieces;
    std::vector<TextPiece> pieces = pieces_of(text);
    demote_articles(pieces);
    std::string out;
    for (std::size_t i = 0; i < pieces.size();) {
        if (!starts_math(pieces, i)) {
            out += prose_tex(pieces[i++]);
            continue;
        }
        const std::size_t end = math_end(pieces, i);
        std::string formula;
        for (; i < end; ++i) formula += pieces[i].text;
        // Two formulas never meet ("$x$$y$" would open display math): words always part them,
        // but a brace pair keeps that true whatever the pieces.
        if (!out.empty() && out.back() == '$') out += "{}";
        out += "$" + latex_expression(formula) + "$";
    }
    return out;
}

}  // namespace nntrace
