#include "formula_text.hpp"

namespace nntrace {
namespace {

bool starts_negative(const std::string& number) {
    return !number.empty() && (number[0] == '-' || number.rfind("\xE2\x88\x92", 0) == 0);
}

bool ends_with(const std::string& s, const std::string& tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// Where a negative value needs no parentheses: at the start, after "(" or "[" and after ", ".
bool follows_operator(const std::string& so_far) {
    return !so_far.empty() && !ends_with(so_far, "(") && !ends_with(so_far, "[") && !ends_with(so_far, ", ");
}

// Literal text as people read it: the expression language's ASCII operators in print form.
std::string literal_text(const std::string& text, Minus minus) {
    if (text == "*") return "·";
    if (minus == Minus::unicode) {
        if (text == "-") return "\xE2\x88\x92";
        if (text == " - ") return " \xE2\x88\x92 ";
    }
    return text;
}

}  // namespace

std::string parenthesize_negative(const std::string& number) {
    return starts_negative(number) ? "(" + number + ")" : number;
}

FormulaText formula_text(const Formula& formula, const NumberStyle& values) {
    FormulaText out;
    for (const Piece& p : formula) {
        if (!p.value) {
            const std::string text = literal_text(p.text, values.minus);
            out.symbols += text;
            out.substituted += text;
            continue;
        }
        const std::string number = format_number(p.value->hand, values);
        const bool constant = p.text.empty();
        const std::string symbol = constant ? number : p.text;
        out.symbols += follows_operator(out.symbols) && constant ? parenthesize_negative(symbol) : symbol;
        out.substituted += follows_operator(out.substituted) ? parenthesize_negative(number) : number;
    }
    return out;
}

std::string product_text(const std::string& a, const std::string& b) {
    return a + " · " + parenthesize_negative(b);
}

}  // namespace nntrace
