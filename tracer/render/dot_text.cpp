// LaTeX (the subset math.cpp writes) read into runs of plain, subscript and superscript text,
// then written as a Graphviz HTML-like label.
#include "dot_text.hpp"

#include <algorithm>
#include <map>
#include <vector>

#include "core/utf8.hpp"
#include "dot_diagram.hpp"
#include "math.hpp"

namespace nntrace {
namespace {

enum class Level { plain, sub, sup };

struct Run {
    Level level;
    std::string text;  // UTF-8, not yet escaped
};

// Commands that stand for one character or word. A command word ends at the next non-letter; a
// space after it only ends the word, except after an operator, where KaTeX spaces it anyway.
const std::map<std::string, std::string>& symbols() {
    static const std::map<std::string, std::string> names = {
        {"partial", "∂"}, {"Delta", "Δ"}, {"alpha", "α"}, {"beta", "β"}, {"gamma", "γ"}, {"delta", "δ"},
        {"epsilon", "ε"}, {"eta", "η"}, {"theta", "θ"}, {"lambda", "λ"}, {"mu", "μ"}, {"pi", "π"},
        {"rho", "ρ"}, {"sigma", "σ"}, {"tau", "τ"}, {"phi", "φ"}, {"omega", "ω"}, {"sum", "∑"},
        {"ldots", "…"}, {"exp", "exp"}, {"ln", "ln"}, {"log", "log"}, {"sin", "sin"}, {"cos", "cos"},
        {"tan", "tan"}, {"tanh", "tanh"}, {"backslash", "\\"}, {"sim", "~"}, {"top", "T"}, {"prime", "′"}};
    return names;
}

const std::map<std::string, std::string>& operators() {
    static const std::map<std::string, std::string> names = {
        {"cdot", "·"}, {"times", "×"}, {"leftarrow", "←"}, {"approx", "≈"}, {"le", "≤"}, {"ge", "≥"}};
    return names;
}

const std::map<std::string, std::string>& unicode_subscripts() {
    static const std::map<std::string, std::string> chars = {
        {"0", "₀"}, {"1", "₁"}, {"2", "₂"}, {"3", "₃"}, {"4", "₄"}, {"5", "₅"}, {"6", "₆"}, {"7", "₇"},
        {"8", "₈"}, {"9", "₉"}, {"+", "₊"}, {"−", "₋"}, {"=", "₌"}, {"(", "₍"}, {")", "₎"}, {"a", "ₐ"},
        {"e", "ₑ"}, {"o", "ₒ"}, {"x", "ₓ"}, {"h", "ₕ"}, {"k", "ₖ"}, {"l", "ₗ"}, {"m", "ₘ"}, {"n", "ₙ"},
        {"p", "ₚ"}, {"s", "ₛ"}, {"t", "ₜ"}, {"i", "ᵢ"}, {"j", "ⱼ"}, {"r", "ᵣ"}, {"u", "ᵤ"}, {"v", "ᵥ"}};
    return chars;
}

const std::map<std::string, std::string>& unicode_superscripts() {
    static const std::map<std::string, std::string> chars = {
        {"0", "⁰"}, {"1", "¹"}, {"2", "²"}, {"3", "³"}, {"4", "⁴"}, {"5", "⁵"}, {"6", "⁶"}, {"7", "⁷"},
        {"8", "⁸"}, {"9", "⁹"}, {"+", "⁺"}, {"−", "⁻"}, {"=", "⁼"}, {"(", "⁽"}, {")", "⁾"}, {"n", "ⁿ"},
        {"i", "ⁱ"}, {"T", "ᵀ"}};
    return chars;
}

// A character's bytes; a broken byte counts as one.
std::size_t latex_char_length(const std::string& text, std::size_t at) {
    return std::max<std::size_t>(1, utf8_length_at(text, at));
}

bool is_latex_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Reads LaTeX from `tex` into runs; `level` is the script level of what it reads.
class Reader {
public:
    explicit Reader(const std::string& tex) : tex_(tex) {}

    std::vector<Run> read() {
        read_until_close(Level::plain);
        return runs_;
    }

private:
    void emit(Level level, std::string text) {
        // One space between words: the LaTeX's own spacing and an operator's collapse.
        const bool after_space = runs_.empty() || runs_.back().text.empty() || runs_.back().text.back() == ' ';
        if (after_space) text.erase(0, text.find_first_not_of(' '));
        if (text.empty()) return;
        if (!runs_.empty() && runs_.back().level == level) runs_.back().text += text;
        else runs_.push_back({level, text});
    }

    // Reads up to the '}' that closes the current group (or the end), consuming it.
    void read_until_close(Level level) {
        while (at_ < tex_.size()) {
            if (tex_[at_] == '}') { ++at_; return; }
            read_one(level);
        }
    }

    // A command's argument: a {group}, or else the one token that follows.
    void read_argument(Level level) {
        if (at_ < tex_.size() && tex_[at_] == '{') {
            ++at_;
            read_until_close(level);
        } else if (at_ < tex_.size()) {
            read_one(level);
        }
    }

    // An argument read on its own, for commands that wrap it (\frac, \hat, \sqrt).
    std::vector<Run> argument_runs(Level level) {
        std::vector<Run> saved;
        saved.swap(runs_);
        read_argument(level);
        runs_.swap(saved);
        return saved;
    }

    static std::string plain_text(const std::vector<Run>& runs) {
        std::string text;
        for (const Run& r : runs) text += r.text;
        return text;
    }

    void emit_runs(const std::vector<Run>& runs) {
        for (const Run& r : runs) emit(r.level, r.text);
    }

    // A compound radicand in brackets: "√(a + b)", "√x".
    void emit_bracketed(Level level, const std::vector<Run>& runs) {
        const bool compound = plain_text(runs).find(' ') != std::string::npos;
        if (compound) emit(level, "(");
        emit_runs(runs);
        if (compound) emit(level, ")");
    }

    void read_one(Level level) {
        const char c = tex_[at_];
        if (c == '{') {
            ++at_;
            read_until_close(level);
        } else if (c == '_' || c == '^') {
            ++at_;
            read_argument(c == '_' ? Level::sub : Level::sup);
        } else if (c == '\\') {
            read_command(level);
        } else if (c == '-') {
            ++at_;
            emit(level, "−");
        } else if (c == '\'') {  // a prime, as KaTeX sets it: σ′
            ++at_;
            emit(level, "′");
        } else {
            const std::size_t n = latex_char_length(tex_, at_);
            emit(level, tex_.substr(at_, n));
            at_ += n;
        }
    }

    void read_command(Level level) {
        ++at_;  // the backslash
        std::size_t end = at_;
        while (end < tex_.size() && is_latex_letter(tex_[end])) ++end;
        if (end == at_) {  // an escaped character: \_ \# \{ …
            if (at_ < tex_.size()) emit(level, tex_.substr(at_, 1));
            ++at_;
            return;
        }
        const std::string name = tex_.substr(at_, end - at_);
        at_ = end;
        if (const auto op = operators().find(name); op != operators().end()) {
            emit(level, " " + op->second + " ");
            return;
        }
        if (at_ < tex_.size() && tex_[at_] == ' ') ++at_;  // the space that ends a command word
        if (const auto s = symbols().find(name); s != symbols().end()) emit(level, s->second);
        else if (name == "frac") read_fraction(level);
        else if (name == "hat") emit(level, hatted(plain_text(argument_runs(level))));
        else if (name == "sqrt") {
            emit(level, "√");
            emit_bracketed(level, argument_runs(level));
        }
        else if (name == "mathrm" || name == "operatorname" || name == "text") read_argument(level);
        else if (name != "left" && name != "right") emit(level, name);  // \left| → |
    }

    // \frac{∂a}{∂b} inline: ∂a/∂b. math.cpp writes fractions only for derivatives, whose
    // compound operands it has bracketed already: ∂(2 · b).
    void read_fraction(Level level) {
        const std::vector<Run> over = argument_runs(level);
        const std::vector<Run> under = argument_runs(level);
        emit_runs(over);
        emit(level, "/");
        emit_runs(under);
    }

    static std::string hatted(const std::string& base) { return base == "y" ? "ŷ" : base + "\u0302"; }

    const std::string& tex_;
    std::size_t at_ = 0;
    std::vector<Run> runs_;
};

// The run in Unicode's script characters, or nothing when one character has none.
std::string in_script_characters(const std::string& text, const std::map<std::string, std::string>& chars) {
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t n = latex_char_length(text, i);
        const auto c = chars.find(text.substr(i, n));
        if (c == chars.end()) return {};
        out += c->second;
        i += n;
    }
    return out;
}

std::string label_of(const Run& r) {
    if (r.level == Level::plain) return dot_html_escape(r.text);
    const bool sub = r.level == Level::sub;
    const std::string unicode = in_script_characters(r.text, sub ? unicode_subscripts() : unicode_superscripts());
    if (!unicode.empty()) return unicode;
    const std::string tag = sub ? "SUB" : "SUP";
    return "<" + tag + "><FONT POINT-SIZE=\"10\">" + dot_html_escape(r.text) + "</FONT></" + tag + ">";
}

}  // namespace

std::string dot_math(const std::string& latex) {
    std::vector<Run> runs = Reader(latex).read();
    while (!runs.empty() && runs.back().level == Level::plain && !runs.back().text.empty() && runs.back().text.back() == ' ')
        runs.back().text.pop_back();
    std::string out;
    for (const Run& r : runs) out += label_of(r);
    return out;
}

std::string plain_math(const std::string& latex) {
    std::string out;
    for (const Run& r : Reader(latex).read()) {
        if (r.level == Level::plain) {
            out += r.text;
            continue;
        }
        const bool sub = r.level == Level::sub;
        const std::string unicode = in_script_characters(r.text, sub ? unicode_subscripts() : unicode_superscripts());
        out += !unicode.empty() ? unicode : std::string(sub ? "_(" : "^(") + r.text + ")";
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

std::string dot_name(const std::string& name) { return dot_math(latex_name(name)); }

std::string dot_expression(const std::string& text) { return dot_math(latex_expression(text)); }

}  // namespace nntrace
