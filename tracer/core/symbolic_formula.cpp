// A symbolic formula as record pieces, with as few parentheses as a person writes. Literal
// text uses the expression language's ASCII ("*", " - ", "-"); renderers show it as "·", "−".
#include "symbolic.hpp"

#include <cmath>

namespace nntrace {
namespace {

using K = Sym::Kind;
using F = Sym::Fn;

// sums 1, products and quotients 2, a minus sign 3, powers 4, atoms 5.
int precedence(const Sym& e) {
    switch (e.kind) {
        case K::sum: return 1;
        case K::product: case K::quotient: return 2;
        case K::negate: return 3;
        case K::power: return 4;
        case K::number: return e.number < 0 ? 3 : 5;
        default: return 5;
    }
}

const char* function_name(const Sym& e) {
    switch (e.fn) {
        case F::exp: return "exp";
        case F::ln: return "ln";
        case F::sqrt: return "sqrt";
        case F::sin: return "sin";
        case F::cos: return "cos";
        case F::tan: return "tan";
        case F::tanh: return "tanh";
        case F::sigmoid: return "sigmoid";
        case F::relu: return "relu";
        case F::leaky_relu: return "leaky_relu";
        case F::abs: return "abs";
        case F::sign: return "sign";
        case F::step: case F::leaky_step: case F::user: break;
    }
    return "";
}

class Writer {
public:
    explicit Writer(const std::function<Num(const Sym&)>& value_of) : value_of_(value_of) {}

    void write(const Sym& e) {
        switch (e.kind) {
            case K::number: out.push_back({"", Num::both(e.number)}); return;
            case K::symbol: out.push_back({e.name, value_of_(e)}); return;
            case K::sum: return sum(e);
            case K::product:
                for (std::size_t i = 0; i < e.args.size(); ++i) {
                    if (i) text("*");
                    const Sym& f = e.args[i];
                    operand(f, precedence(f) < 2 || (i > 0 && precedence(f) == 3));
                }
                return;
            case K::negate:
                text("-");
                operand(e.args[0], e.args[0].kind == K::sum || precedence(e.args[0]) == 3);
                return;
            case K::quotient:
                operand(e.args[0], precedence(e.args[0]) < 2);
                text("/");
                operand(e.args[1], precedence(e.args[1]) <= 2);
                return;
            case K::power:
                operand(e.args[0], precedence(e.args[0]) < 5);
                text("^");
                operand(e.args[1], precedence(e.args[1]) < 5);
                return;
            case K::function: return function(e);
        }
    }

    Formula out;

private:
    void text(const std::string& t) {
        // One piece per operator: renderers translate "*" and "-" piece by piece.
        out.push_back({t, std::nullopt});
    }

    void operand(const Sym& e, bool parens) {
        if (parens) text("(");
        write(e);
        if (parens) text(")");
    }

    void sum(const Sym& e) {
        for (std::size_t i = 0; i < e.args.size(); ++i) {
            const Sym& t = e.args[i];
            if (i > 0 && t.kind == K::negate) {
                text(" - ");
                operand(t.args[0], t.args[0].kind == K::sum || precedence(t.args[0]) == 3);
            } else if (i > 0 && t.kind == K::number && t.number < 0) {
                text(" - ");
                write(Sym::num(-t.number));
            } else {
                if (i > 0) text(" + ");
                write(t);
            }
        }
    }

    void function(const Sym& e) {
        switch (e.fn) {
            case F::step:  // relu′(u): 1 where u > 0, else 0
                text("[");
                write(e.args[0]);
                text(" > 0]");
                return;
            case F::leaky_step:
                text("[");
                write(e.args[0]);
                text(" > 0 ? 1 : ");
                write(Sym::num(e.param));
                text("]");
                return;
            case F::user: text(e.name + "("); break;
            default: text(std::string(function_name(e)) + "("); break;
        }
        write(e.args[0]);
        if (e.fn == F::leaky_relu) {
            text(", ");
            write(Sym::num(e.param));
        }
        text(")");
    }

    const std::function<Num(const Sym&)>& value_of_;
};

}  // namespace

Formula formula_of(const Sym& e, const std::function<Num(const Sym&)>& value_of) {
    Writer w(value_of);
    w.write(e);
    return w.out;
}

}  // namespace nntrace
