// The finder's arithmetic families: the exact value rounded or cut off elsewhere than the run
// did, and the step computed again from rounded inputs or from the writer's own earlier figures.
#include <cmath>

#include "builder.hpp"
#include "finder.hpp"

namespace nntrace {
namespace {

constexpr int most_decimals = 9;  // the hand calculations and roundings tried: 0…9 decimals

Explanation arithmetic(std::string id, Message m, double value) {
    Explanation e;
    e.family = Explanation::Family::arithmetic;
    e.id = std::move(id);
    e.message = std::move(m);
    e.value = value;
    return e;
}

// Cut off at d decimals: the exact value, and the run's own value when it is rounded elsewhere.
void truncations(const Question& q, std::vector<Explanation>& out) {
    const int d = q.written.decimals;
    const double cut = round_decimal(q.computed.exact, d, Rounding::truncate);
    Explanation e = arithmetic("cut_off " + std::to_string(d),
                               Message{"finder.truncated", {exact_arg(q.computed.exact, q.exact_digits),
                                                            text_arg(std::to_string(d)), number_arg(cut, d)}},
                               cut);
    e.near_id = "truncated";
    e.near_args = {text_arg(std::to_string(d)), number_arg(cut, d)};
    out.push_back(std::move(e));
    if (q.computed.hand != q.computed.exact) {
        const double hand_cut = round_decimal(q.computed.hand, d, Rounding::truncate);
        out.push_back(arithmetic("cut_off_hand " + std::to_string(d),
                                 Message{"finder.truncated", {exact_arg(q.computed.hand, q.exact_digits),
                                                              text_arg(std::to_string(d)), number_arg(hand_cut, d)}},
                                 hand_cut));
    }
}

// The exact value rounded once at the end, rounded twice (first at k > d), or at fewer decimals.
void roundings(const Question& q, std::vector<Explanation>& out) {
    const int d = q.written.decimals;
    const double e = q.computed.exact;
    const Arg exact = exact_arg(e, q.exact_digits);
    if (q.computed.hand != e) {
        const double at_end = round_decimal(e, d, Rounding::half_up);
        out.push_back(arithmetic("rounded_at_end", Message{"finder.rounded_at_end", {exact, number_arg(at_end, d)}}, at_end));
    }
    for (int k = d + 1; k <= most_decimals; ++k) {
        const double first = round_decimal(e, k, Rounding::half_up);
        const double twice = round_decimal(first, d, Rounding::half_up);
        if (twice == round_decimal(e, d, Rounding::half_up)) continue;  // the same as rounding once
        out.push_back(arithmetic("rounded_twice " + std::to_string(k),
                                 Message{"finder.rounded_twice", {exact, text_arg(std::to_string(k)), number_arg(first, k),
                                                                  text_arg(std::to_string(d)), number_arg(twice, d)}},
                                 twice));
    }
    for (int k = 0; k < d; ++k) {
        const double fewer = round_decimal(e, k, Rounding::half_up);
        out.push_back(arithmetic("rounded_fewer " + std::to_string(k),
                                 Message{"finder.rounded_fewer", {exact, text_arg(std::to_string(k)), number_arg(fewer, k)}},
                                 fewer));
    }
}

const char* const operator_spellings[][2] = {{"·", "*"}, {"×", "*"}, {"−", "-"}, {"÷", "/"}, {"²", "^2"}};

std::string readable(std::string text) {
    for (const auto& [from, to] : operator_spellings)
        for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at))
            text.replace(at, std::string(from).size(), to);
    return text;
}

}  // namespace

std::vector<Explanation> rounding_explanations(const Question& q) {
    std::vector<Explanation> out;
    truncations(q, out);
    roundings(q, out);
    return out;
}

std::optional<StepFormula> formula_with_placeholders(const Step& step) {
    StepFormula f;
    f.name = step.name;
    for (const Piece& p : step.formula) {
        if (p.value) {
            f.text += " v" + std::to_string(f.inputs.size()) + " ";
            f.inputs.push_back(StepInput{p.text, *p.value, std::nullopt});
        } else {
            f.text += readable(p.text);
        }
    }
    if (f.inputs.empty()) return std::nullopt;
    return f;
}

std::optional<double> evaluate_formula(const StepFormula& f, const std::vector<double>& inputs) {
    try {
        Tape tape(Arithmetic::exact());
        Scope scope;
        for (std::size_t i = 0; i < inputs.size(); ++i)
            scope.names["v" + std::to_string(i)] = tape.input("v" + std::to_string(i), inputs[i]);
        const Expr e = parse_expression(f.text);
        const double v = tape[build(tape, e, f.text, scope)].value.exact;
        if (std::isfinite(v)) return v;
    } catch (...) {  // a formula that is not an expression (a table's words): no step to redo
    }
    return std::nullopt;
}

std::vector<Explanation> step_explanations(const Question& q) {
    std::vector<Explanation> out;
    if (!q.step) return out;
    const int d = q.written.decimals;
    const Arg name = text_arg(q.name);
    std::vector<double> rounded, own;
    bool any_own = false;
    for (const auto& in : q.step->inputs) {
        rounded.push_back(round_decimal(in.value.exact, d, Rounding::half_up));
        own.push_back(in.written.value_or(in.value.hand));
        any_own = any_own || in.written.has_value();
    }
    if (const auto v = evaluate_formula(*q.step, rounded)) {
        Explanation e = arithmetic("rounded_inputs " + std::to_string(d),
                                   Message{"finder.rounded_inputs", {name, text_arg(std::to_string(d)), number_arg(*v, d)}}, *v);
        e.near_id = "rounded_inputs";
        e.near_args = {text_arg(std::to_string(d)), number_arg(*v, d)};
        out.push_back(std::move(e));
    }
    if (!any_own) return out;
    if (const auto v = evaluate_formula(*q.step, own)) {
        Explanation e = arithmetic("own_figures", Message{q.source ? "finder.own_figures" : "finder.own_answers",
                                                          {name, number_arg(*v, d)}}, *v);
        e.family = Explanation::Family::carried;
        e.near_id = q.source ? "own_figures" : "own_answers";
        e.near_args = {number_arg(*v, d)};
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace nntrace
