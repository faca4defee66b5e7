// The finder's families that read values the run already has: the same quantity at another
// row or pass, another quantity, the sign, a factor of 2 or η, and slips of the pen.
#include <cctype>
#include <cmath>

#include "finder.hpp"

namespace nntrace {
namespace {

Explanation of(Explanation::Family family, std::string id, Message m, double value, std::string other = {}) {
    Explanation e;
    e.family = family;
    e.id = std::move(id);
    e.message = std::move(m);
    e.value = value;
    e.other_key = std::move(other);
    return e;
}

// A family that looks through many values counts as one explanation tried when none fits.
void or_tried(std::vector<Explanation>& found, Explanation::Family family, const char* id) {
    if (found.empty()) found.push_back(of(family, id, Message{}, NAN));
}

// The key's numbered parts ("descent/15/x": 15, "L@2": 2), as (position, length, number).
struct Numbered {
    std::size_t at, length;
    long number;
};
std::vector<Numbered> numbered_parts(const std::string& key) {
    std::vector<Numbered> out;
    for (std::size_t i = 0; i < key.size();) {
        if (!std::isdigit(static_cast<unsigned char>(key[i])) || (i > 0 && key[i - 1] != '/' && key[i - 1] != '@')) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < key.size() && std::isdigit(static_cast<unsigned char>(key[j]))) ++j;
        if (j == key.size() || key[j] == '/' || key[j] == '+')
            if (j - i < 9) out.push_back({i, j - i, std::stol(key.substr(i, j - i))});
        i = j;
    }
    return out;
}

// The written figure's digits and the computed value's at the same decimals.
std::string digits_of(double v, int decimals) {
    const double units = std::fabs(last_digit_units(v, decimals, Rounding::half_up));
    if (units > 1e15) return {};
    return std::to_string(static_cast<long long>(units));
}

}  // namespace

std::vector<Explanation> neighbour_explanations(const Question& q) {
    std::vector<Explanation> out;
    const int d = q.written.decimals;
    if (q.find)
        for (const Numbered& n : numbered_parts(q.key))
            for (long shift : {-1L, 1L, -2L, 2L}) {
                if (n.number + shift < 1) continue;
                const std::string number = std::to_string(n.number + shift);
                const std::string other = q.key.substr(0, n.at) + number + q.key.substr(n.at + n.length);
                const auto v = q.find(other);
                if (!v) continue;
                for (double value : {v->hand, v->exact})
                    if (reproduces(value, q.written))
                        out.push_back(of(Explanation::Family::numbering, "another " + other,
                                         Message{"finder.another_row", {text_arg(other), text_arg(number), number_arg(value, d)}},
                                         value, other));
            }
    or_tried(out, Explanation::Family::numbering, "another");
    return out;
}

std::vector<Explanation> value_explanations(const Question& q) {
    using F = Explanation::Family;
    const int d = q.written.decimals;
    const double c = q.computed.hand;
    std::vector<Explanation> out;
    if (c != 0) {
        out.push_back(of(F::slip, "sign", Message{"finder.sign", {number_arg(-c, d)}}, -c));
        out.push_back(of(F::slip, "factor 2", Message{"finder.doubled", {number_arg(2 * c, d)}}, 2 * c));
        out.push_back(of(F::slip, "factor 1/2", Message{"finder.halved", {number_arg(c / 2, d)}}, c / 2));
        if (q.rate && *q.rate != 0 && *q.rate != 1) {
            const Arg rate = exact_arg(*q.rate, q.exact_digits);
            out.push_back(of(F::slip, "rate times", Message{"finder.rate_times", {rate, number_arg(c * *q.rate, d)}}, c * *q.rate));
            out.push_back(of(F::slip, "rate divided", Message{"finder.rate_divided", {rate, number_arg(c / *q.rate, d)}}, c / *q.rate));
        }
    }
    std::vector<Explanation> labels;
    for (const auto& [key, v] : q.others) {
        if (key == q.key) continue;
        for (double value : {v.hand, v.exact})
            if (reproduces(value, q.written)) {
                labels.push_back(of(F::label, "quantity " + key, Message{"finder.other_quantity", {text_arg(key), number_arg(value, d)}},
                                    value, key));
                break;
            }
    }
    or_tried(labels, F::label, "quantity");
    out.insert(out.end(), labels.begin(), labels.end());
    return out;
}

// One digit changed, or two adjacent digits swapped, anywhere but in the last place (a miss in
// the last digit is the rounding families' to explain).
std::vector<Explanation> digit_explanations(const Question& q) {
    const int d = q.written.decimals;
    const std::string w = digits_of(q.written.value, d);
    std::vector<Explanation> out;
    bool typo = false, swap = false;
    double from = q.computed.hand;
    for (double c : {q.computed.hand, q.computed.exact}) {
        const std::string s = digits_of(c, d);
        if (s.empty() || s.size() != w.size() || std::signbit(c) != std::signbit(q.written.value) || s == w) continue;
        std::vector<std::size_t> differ;
        for (std::size_t i = 0; i < s.size(); ++i)
            if (s[i] != w[i]) differ.push_back(i);
        const std::size_t last = s.size() - 1;
        const bool one = differ.size() == 1 && differ[0] != last;
        const bool two = differ.size() == 2 && differ[1] == differ[0] + 1 && s[differ[0]] == w[differ[1]] &&
                         s[differ[1]] == w[differ[0]];
        if ((one && !typo) || (two && !swap)) from = c;
        typo = typo || one;
        swap = swap || two;
    }
    const Arg computed = number_arg(from, d), written = number_arg(q.written.value, d);
    out.push_back(of(Explanation::Family::typo, "typo", Message{"finder.typo", {written, computed}}, typo ? q.written.value : NAN));
    out.push_back(of(Explanation::Family::typo, "swap", Message{"finder.swap", {written, computed}}, swap ? q.written.value : NAN));
    return out;
}

}  // namespace nntrace
