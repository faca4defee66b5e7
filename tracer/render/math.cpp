// Formula text becomes a stream of tokens (symbols, operators, brackets, '^'); assembling the
// stream turns '^' into a superscript group and function brackets into \sqrt{…}, \sigma(…).
#include "math.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <utility>
#include <vector>

#include "core/utf8.hpp"

namespace nntrace {
namespace {

struct UnicodeSymbol {
    std::string tex;
    MathCharacter role;
};

struct Token {
    enum class Kind { atom, op, open, close, caret };
    Kind kind = Kind::op;
    std::string tex;        // open: the group's opening: "(", "\sigma(", "\sqrt", "|"
    bool negative = false;  // a number with a leading minus
};

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_word_char(char c) { return is_letter(c) || is_digit(c) || c == '_'; }

const std::map<std::string, std::string>& greek() {
    static const std::map<std::string, std::string> names = {
        {"alpha", "\\alpha"}, {"beta", "\\beta"}, {"gamma", "\\gamma"}, {"delta", "\\delta"},
        {"epsilon", "\\epsilon"}, {"eta", "\\eta"}, {"theta", "\\theta"}, {"lambda", "\\lambda"},
        {"mu", "\\mu"}, {"pi", "\\pi"}, {"rho", "\\rho"}, {"sigma", "\\sigma"}, {"tau", "\\tau"},
        {"phi", "\\phi"}, {"omega", "\\omega"}};
    return names;
}

// Functions that LaTeX typesets upright: as a bracket's opening, or alone ("ln u").
const std::map<std::string, std::string>& functions() {
    static const std::map<std::string, std::string> names = {
        {"sigmoid", "\\sigma"}, {"exp", "\\exp"}, {"ln", "\\ln"}, {"log", "\\log"},
        {"sin", "\\sin"}, {"cos", "\\cos"}, {"tan", "\\tan"}, {"tanh", "\\tanh"},
        {"relu", "\\operatorname{ReLU}"}, {"leaky_relu", "\\operatorname{LeakyReLU}"}};
    return names;
}

// Characters people write in formulas and names: what LaTeX calls them, and what they are to
// text that mixes words and formulas (tex_text.cpp reads the roles from here too). The raised
// and lowered characters (², ₁) are in the script tables below.
const std::map<std::string, UnicodeSymbol>& unicode_symbols() {
    using R = MathCharacter;
    static const std::map<std::string, UnicodeSymbol> symbols = {
        {"·", {" \\cdot ", R::op}}, {"×", {" \\times ", R::op}}, {"−", {"-", R::op}}, {"←", {" \\leftarrow ", R::op}},
        {"≈", {" \\approx ", R::op}}, {"≤", {" \\le ", R::op}}, {"≥", {" \\ge ", R::op}},
        {"Δ", {"\\Delta ", R::symbol}}, {"∂", {"\\partial ", R::symbol}}, {"∑", {"\\sum ", R::symbol}},
        {"ŷ", {"\\hat{y}", R::symbol}},
        // A prime as KaTeX sets it (the character ′ itself would sit on the baseline).
        {"′", {"'", R::symbol}},
        {"α", {"\\alpha ", R::symbol}}, {"β", {"\\beta ", R::symbol}}, {"γ", {"\\gamma ", R::symbol}},
        {"δ", {"\\delta ", R::symbol}}, {"ε", {"\\epsilon ", R::symbol}}, {"η", {"\\eta ", R::symbol}},
        {"θ", {"\\theta ", R::symbol}}, {"λ", {"\\lambda ", R::symbol}}, {"μ", {"\\mu ", R::symbol}},
        {"π", {"\\pi ", R::symbol}}, {"ρ", {"\\rho ", R::symbol}}, {"σ", {"\\sigma ", R::symbol}},
        {"τ", {"\\tau ", R::symbol}}, {"φ", {"\\phi ", R::symbol}}, {"ω", {"\\omega ", R::symbol}},
        // An ellipsis inside a formula is \ldots; in words it stays a mark of the words.
        {"…", {"\\ldots ", R::none}}};
    return symbols;
}

// Superscript and subscript characters, and what they raise or lower: "wᵀx", "w⁽²⁾", "x₁₂".
const std::map<std::string, std::string>& superscripts() {
    static const std::map<std::string, std::string> raised = {
        {"⁰", "0"}, {"¹", "1"}, {"²", "2"}, {"³", "3"}, {"⁴", "4"}, {"⁵", "5"}, {"⁶", "6"}, {"⁷", "7"},
        {"⁸", "8"}, {"⁹", "9"}, {"⁺", "+"}, {"⁻", "-"}, {"⁽", "("}, {"⁾", ")"}, {"ᵀ", "\\top "}};
    return raised;
}

const std::map<std::string, std::string>& subscripts() {
    static const std::map<std::string, std::string> lowered = {
        {"₀", "0"}, {"₁", "1"}, {"₂", "2"}, {"₃", "3"}, {"₄", "4"}, {"₅", "5"}, {"₆", "6"}, {"₇", "7"},
        {"₈", "8"}, {"₉", "9"}, {"₊", "+"}, {"₋", "-"}, {"₍", "("}, {"₎", ")"}};
    return lowered;
}

std::string escape_word(const std::string& word) {
    std::string out;
    for (char c : word) out += c == '_' ? std::string("\\_") : std::string(1, c);
    return out;
}

// "o1" stays italic; a word ("rounds") is set upright; further underscores separate indices.
std::string subscript(const std::string& sub) {
    bool letters = sub.size() >= 2;
    for (char c : sub) letters = letters && is_letter(c);
    if (letters) return "\\mathrm{" + sub + "}";
    std::string out;
    for (char c : sub) out += c == '_' ? ',' : c;
    return out;
}

std::string head_symbol(const std::string& head) {
    if (head.size() == 1) return head;
    if (auto g = greek().find(head); g != greek().end()) return g->second + " ";
    return "\\mathrm{" + head + "}";
}

// Words between the terms of a rule ("1 if u > 0, else 0"): text, with the spaces math drops.
bool is_connective(const std::string& word) { return word == "if" || word == "else" || word == "otherwise"; }

std::string identifier(const std::string& word);

// A name written the way programs spell a derivative, dJ_dx, as the fraction ∂J/∂x.
bool derivative_name(const std::string& word, std::string& of, std::string& by) {
    const auto us = word.find('_');
    if (word.size() < 5 || word[0] != 'd' || us == std::string::npos || us < 2 || us + 2 >= word.size() ||
        word[us + 1] != 'd' || word.find('_', us + 1) != std::string::npos)
        return false;
    of = word.substr(1, us - 1);
    by = word.substr(us + 2);
    return is_letter(of[0]) && is_letter(by[0]);
}

// w1 → w_{1}, out_h1 → \mathrm{out}_{h1}, l_o1 → l_{o1}, eta → \eta, target → \mathrm{target},
// yhat → \hat{y}, dJ_dx → \frac{\partial J}{\partial x}.
std::string identifier(const std::string& word) {
    if (auto f = functions().find(word); f != functions().end()) return f->second + " ";
    if (is_connective(word)) return "\\ \\text{" + word + "}\\ ";
    if (word.size() == 4 && is_letter(word[0]) && word.compare(1, 3, "hat") == 0) return "\\hat{" + word.substr(0, 1) + "}";
    if (std::string of, by; derivative_name(word, of, by))
        return "\\frac{\\partial " + identifier(of) + "}{\\partial " + identifier(by) + "}";
    std::string head = word, sub;
    if (const auto us = word.find('_'); us != std::string::npos && us > 0) {
        head = word.substr(0, us);
        sub = word.substr(us + 1);
    } else if (const auto d = word.find_first_of("0123456789"); d != std::string::npos && d > 0 &&
               word.find_first_not_of("0123456789", d) == std::string::npos) {
        head = word.substr(0, d);
        sub = word.substr(d);
    }
    if (head.empty() || head.find('_') != std::string::npos) return "\\mathrm{" + escape_word(word) + "}";
    return head_symbol(head) + (sub.empty() ? "" : "_{" + subscript(sub) + "}");
}

std::string function_opening(const std::string& name) {
    if (name == "sqrt") return "\\sqrt";
    if (name == "abs") return "|";
    if (auto f = functions().find(name); f != functions().end()) return f->second + "(";
    if (name.size() == 1) return name + "(";
    return "\\operatorname{" + escape_word(name) + "}(";
}

// The character at text[i], whole (a byte alone where the bytes there are not UTF-8).
std::string character_at(const std::string& text, std::size_t i) {
    return text.substr(i, std::max<std::size_t>(1, utf8_length_at(text, i)));
}

// The superscript (or subscript) characters that begin at `i` as one group — "⁽²⁾" → "^{(2)}",
// "₁₂" → "_{12}" — and where they end; nothing when none begins there.
std::optional<std::pair<std::string, std::size_t>> script_group_at(const std::string& text, std::size_t i) {
    const bool raised = superscripts().count(character_at(text, i)) > 0;
    const auto& script = raised ? superscripts() : subscripts();
    std::string inner;
    while (i < text.size()) {
        const std::string ch = character_at(text, i);
        const auto s = script.find(ch);
        if (s == script.end()) break;
        inner += s->second;
        i += ch.size();
    }
    if (inner.empty()) return std::nullopt;
    return std::make_pair(std::string(raised ? "^{" : "_{") + inner + "}", i);
}

// One ASCII character that is neither a word, a number nor a bracket.
Token ascii_token(char c) {
    if (c == '*') return {Token::Kind::op, " \\cdot "};
    if (std::string("#$%&_{}").find(c) != std::string::npos) return {Token::Kind::op, std::string("\\") + c};
    if (c == '\\') return {Token::Kind::op, "\\backslash "};
    if (c == '~') return {Token::Kind::op, "\\sim "};
    return {Token::Kind::op, std::string(1, c)};
}

// The radical at `at` (just after "√"): over a bracket it opens \\sqrt, over a name or number it
// takes that one, and alone (the function itself, "√′") it is the sign. Returns where to go on.
std::size_t square_root(const std::string& text, std::size_t at, std::vector<Token>& tokens) {
    if (at < text.size() && text[at] == '(') {
        tokens.push_back({Token::Kind::open, "\\sqrt"});
        return at + 1;
    }
    std::size_t end = at;
    while (end < text.size() && (is_word_char(text[end]) || text[end] == '.')) ++end;
    if (end == at) {
        tokens.push_back({Token::Kind::atom, "\\surd "});
        return at;
    }
    const std::string operand = text.substr(at, end - at);
    tokens.push_back({Token::Kind::atom, "\\sqrt{" + (is_letter(operand[0]) ? identifier(operand) : operand) + "}"});
    return end;
}

std::vector<Token> lex(const std::string& text) {
    std::vector<Token> tokens;
    for (std::size_t i = 0; i < text.size();) {
        const char c = text[i];
        if (is_letter(c)) {
            std::size_t end = i;
            while (end < text.size() && is_word_char(text[end])) ++end;
            const std::string word = text.substr(i, end - i);
            const bool call = end < text.size() && text[end] == '(';
            tokens.push_back(call ? Token{Token::Kind::open, function_opening(word)}
                                  : Token{Token::Kind::atom, identifier(word)});
            i = end + (call ? 1 : 0);
        } else if (is_digit(c) || (c == '.' && i + 1 < text.size() && is_digit(text[i + 1]))) {
            std::size_t end = i;
            while (end < text.size() && (is_digit(text[end]) || text[end] == '.')) ++end;
            tokens.push_back({Token::Kind::atom, text.substr(i, end - i)});
            i = end;
        } else if (c == '(' || c == ')' || c == '^') {
            tokens.push_back({c == '(' ? Token::Kind::open : c == ')' ? Token::Kind::close : Token::Kind::caret,
                              std::string(1, c)});
            ++i;
        } else if (text.compare(i, std::string("√").size(), "√") == 0) {
            i = square_root(text, i + std::string("√").size(), tokens);
        } else if (static_cast<unsigned char>(c) < 0x80) {
            tokens.push_back(ascii_token(c));
            ++i;
        } else if (const auto group = script_group_at(text, i)) {
            tokens.push_back({Token::Kind::op, group->first});
            i = group->second;
        } else {
            const std::string ch = character_at(text, i);
            const auto known = unicode_symbols().find(ch);
            tokens.push_back(known != unicode_symbols().end() ? Token{Token::Kind::op, known->second.tex}
                                                              : Token{Token::Kind::atom, "\\text{" + ch + "}"});
            i += ch.size();
        }
    }
    return tokens;
}

// A group being assembled: its opening bracket or function, and what it holds so far.
struct Frame {
    std::string open;
    std::string text;
    bool raised = false;  // the group is an exponent: u^(n−1) → u^{n-1}
};

char last_visible(const std::string& text) {
    const auto at = text.find_last_not_of(' ');
    return at == std::string::npos ? '\0' : text[at];
}

std::string close_group(const Frame& f) {
    if (f.open == "\\sqrt") return "\\sqrt{" + f.text + "}";
    if (f.open == "|") return "\\left|" + f.text + "\\right|";
    if (f.open == "(" && f.raised) return f.text;  // the braces of ^{…} group it already
    return f.open + f.text + ")";
}

// Whether `out` ends in a space that is only layout: not the control space "\\ ".
bool ends_in_loose_space(const std::string& out) {
    return !out.empty() && out.back() == ' ' && (out.size() < 2 || out[out.size() - 2] != '\\');
}

std::string collapse_spaces(const std::string& text) {
    std::string out;
    for (char c : text) {
        const bool control_space = c == ' ' && !out.empty() && out.back() == '\\';
        if (!control_space && c == ' ' && (out.empty() || out.back() == ' ' || out.back() == '{' || out.back() == '('))
            continue;
        if ((c == '}' || c == ')') && ends_in_loose_space(out)) out.pop_back();
        out += c;
    }
    while (ends_in_loose_space(out)) out.pop_back();
    return out;
}

std::string assemble(const std::vector<Token>& tokens) {
    std::vector<Frame> stack{Frame{}};
    bool raise_next = false;
    auto append = [&](const std::string& tex, bool raised) {
        stack.back().text += raised ? "^{" + tex + "}" : tex;
    };
    for (const Token& t : tokens) {
        switch (t.kind) {
            case Token::Kind::caret: raise_next = true; break;
            case Token::Kind::open:
                stack.push_back(Frame{t.tex, "", raise_next});
                raise_next = false;
                break;
            case Token::Kind::close:
                if (stack.size() == 1) { append(")", false); break; }
                {
                    const Frame f = stack.back();
                    stack.pop_back();
                    append(close_group(f), f.raised);
                }
                break;
            case Token::Kind::atom: {
                const char before = last_visible(stack.back().text);
                const bool bare = raise_next || before == '\0' || before == '(' || before == ',' || before == '=';
                append(t.negative && !bare ? "(" + t.tex + ")" : t.tex, raise_next);
                raise_next = false;
                break;
            }
            case Token::Kind::op:
                if (t.tex != " ") raise_next = false;
                append(t.tex, false);
                break;
        }
    }
    while (stack.size() > 1) {  // an unclosed bracket still shows what it holds
        const Frame f = stack.back();
        stack.pop_back();
        append(close_group(f), f.raised);
    }
    return collapse_spaces(stack.back().text);
}

// "∂A/∂B" read as a partial derivative: A and B.
bool split_partial(const std::string& text, std::string& of, std::string& by) {
    const std::string d = "∂";
    if (text.rfind(d, 0) != 0) return false;
    const auto slash = text.find("/" + d, d.size());
    if (slash == std::string::npos) return false;
    of = text.substr(d.size(), slash - d.size());
    by = text.substr(slash + 1 + d.size());
    return !of.empty() && !by.empty();
}

bool fully_bracketed(const std::string& text) {
    if (text.size() < 2 || text.front() != '(' || text.back() != ')') return false;
    int depth = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        depth += text[i] == '(' ? 1 : text[i] == ')' ? -1 : 0;
        if (depth == 0 && i + 1 < text.size()) return false;
    }
    return true;
}

// The variable of ∂: a single symbol as is, anything longer in parentheses.
std::string differential_operand(const std::string& text) {
    const std::vector<Token> tokens = lex(text);
    int atoms = 0;
    bool other = false;
    for (const Token& t : tokens) {
        if (t.kind == Token::Kind::atom) ++atoms;
        else if (t.tex != " " && t.tex != "\\Delta ") other = true;
    }
    const std::string tex = assemble(tokens);
    return (atoms == 1 && !other) || fully_bracketed(text) ? tex : "(" + tex + ")";
}

}  // namespace

bool is_greek_name(const std::string& word) { return greek().count(word) > 0; }

bool is_function_name(const std::string& word) { return word == "sqrt" || functions().count(word) > 0; }

MathCharacter math_character(const std::string& ch) {
    if (superscripts().count(ch) || subscripts().count(ch)) return MathCharacter::symbol;
    const auto known = unicode_symbols().find(ch);
    return known == unicode_symbols().end() ? MathCharacter::none : known->second.role;
}

std::string latex_expression(const std::string& text) { return assemble(lex(text)); }

std::string latex_partial(const std::string& of, const std::string& by) {
    return "\\frac{\\partial " + differential_operand(of) + "}{\\partial " + differential_operand(by) + "}";
}

std::string latex_name(const std::string& name) {
    std::string of, by;
    if (split_partial(name, of, by)) return latex_partial(of, by);
    return latex_expression(name);
}

std::string latex_rule(const std::string& rule) {
    const auto eq = rule.find(" = ");
    std::string of, by;
    if (eq == std::string::npos || !split_partial(rule.substr(0, eq), of, by)) return latex_expression(rule);
    return latex_partial(of, by) + " = " + latex_expression(rule.substr(eq + 3));
}

std::string latex_number(const std::string& formatted) {
    const std::string minus = "−";
    std::string n = formatted.rfind(minus, 0) == 0 ? "-" + formatted.substr(minus.size()) : formatted;
    // A number past 15 integer digits comes in scientific notation: 1.5e20 → 1.5 \times 10^{20}.
    const std::size_t e = n.find('e');
    if (e != std::string::npos) n = n.substr(0, e) + " \\times 10^{" + n.substr(e + 1) + "}";
    return n;
}

std::string latex_operand(const std::string& formatted) {
    const std::string n = latex_number(formatted);
    return !n.empty() && n[0] == '-' ? "(" + n + ")" : n;
}

LatexFormula latex_formula(const Formula& formula, const std::function<std::string(const Num&)>& number) {
    std::vector<Token> symbols, substituted;
    for (const Piece& p : formula) {
        if (!p.value) {
            for (const Token& t : lex(p.text)) {
                symbols.push_back(t);
                substituted.push_back(t);
            }
            continue;
        }
        const std::string n = latex_number(number(*p.value));
        const Token value{Token::Kind::atom, n, !n.empty() && n[0] == '-'};
        // A constant (a piece with a value but no name) shows its value in both.
        symbols.push_back(p.text.empty() ? value : Token{Token::Kind::atom, latex_name(p.text)});
        substituted.push_back(value);
    }
    return {assemble(symbols), assemble(substituted)};
}

}  // namespace nntrace
