// The deterministic parts of a draw: the hash that starts a student's stream, the stream, and
// the values an entry of [random] allows. Plain integer arithmetic, the same on every machine.
#include <cmath>

#include "core/builder.hpp"
#include "problem/checks.hpp"
#include "problem/random_variants.hpp"

namespace nntrace {
namespace {

constexpr std::uint64_t fnv_offset_basis = 0xcbf29ce484222325ULL;
constexpr std::uint64_t fnv_prime = 0x100000001b3ULL;
constexpr int step_value_decimals = 12;  // min + k·step, cleaned of binary noise (0.1 + 0.2)

void fnv_byte(std::uint64_t& h, unsigned char byte) {
    h ^= byte;
    h *= fnv_prime;
}

}  // namespace

std::uint64_t variant_hash(std::string_view problem_text, std::uint64_t seed, std::string_view student) {
    std::uint64_t h = fnv_offset_basis;
    // "\r\n" as "\n": the same file checked out on Windows gives the same variants.
    for (std::size_t i = 0; i < problem_text.size(); ++i) {
        if (problem_text[i] == '\r' && i + 1 < problem_text.size() && problem_text[i + 1] == '\n') continue;
        fnv_byte(h, static_cast<unsigned char>(problem_text[i]));
    }
    fnv_byte(h, 0);
    // By shifting, not by copying memory: the same bytes whatever the machine's byte order.
    for (int b = 0; b < 8; ++b) fnv_byte(h, static_cast<unsigned char>((seed >> (8 * b)) & 0xff));
    fnv_byte(h, 0);
    for (char c : student) fnv_byte(h, static_cast<unsigned char>(c));
    return h;
}

std::uint64_t VariantStream::next() {
    state_ += 0x9e3779b97f4a7c15ULL;
    std::uint64_t z = state_;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

std::uint64_t VariantStream::below(std::uint64_t n) {
    // x mod n alone would favour the small values when n does not divide 2^64; the numbers
    // below 2^64 mod n are the surplus, and are drawn again.
    const std::uint64_t surplus = (0 - n) % n;
    for (;;) {
        const std::uint64_t x = next();
        if (x >= surplus) return x % n;
    }
}

namespace {

// The smallest and largest whole numbers of units 10^-N inside [min, max]; 1e-9 of a unit of
// slack, so that min = 0.15 at 2 decimals (15.000000000000002 units) still starts at 15.
double first_unit(const RandomValue& v) { return std::ceil(v.min * std::pow(10.0, v.decimals) - 1e-9); }
double last_unit(const RandomValue& v) { return std::floor(v.max * std::pow(10.0, v.decimals) + 1e-9); }

}  // namespace

std::uint64_t value_count(const RandomValue& v) {
    switch (v.kind) {
        case RandomValue::Kind::choices: return v.choices.size();
        case RandomValue::Kind::decimals: {
            const double n = last_unit(v) - first_unit(v) + 1;
            return n < 1 ? 0 : static_cast<std::uint64_t>(n);
        }
        case RandomValue::Kind::step: return static_cast<std::uint64_t>(std::floor((v.max - v.min) / v.step + 1e-9)) + 1;
    }
    return 0;
}

double value_at(const RandomValue& v, std::uint64_t k) {
    switch (v.kind) {
        case RandomValue::Kind::choices: return v.choices.at(k);
        // A whole number divided by an exact power of ten: the double nearest the decimal.
        case RandomValue::Kind::decimals:
            return (first_unit(v) + static_cast<double>(k)) / std::pow(10.0, v.decimals) + 0.0;
        case RandomValue::Kind::step:
            return round_decimal(v.min + static_cast<double>(k) * v.step, step_value_decimals, Rounding::half_up) + 0.0;
    }
    return 0;
}

bool condition_holds(ExcludeCondition::Compare compare, double a, double b) {
    switch (compare) {
        case ExcludeCondition::Compare::less: return a < b;
        case ExcludeCondition::Compare::less_equal: return a <= b;
        case ExcludeCondition::Compare::greater: return a > b;
        case ExcludeCondition::Compare::greater_equal: return a >= b;
        case ExcludeCondition::Compare::equal: return a == b;
        case ExcludeCondition::Compare::not_equal: return a != b;
    }
    return false;
}

double evaluate_condition_side(const Problem& problem, const Expr& side, const std::string& text,
                               const std::map<std::string, double>& values) {
    Tape tape(Arithmetic::exact());
    Scope scope;
    for (UserFunction& f : make_user_functions(problem)) {
        const std::string name = f.name;
        scope.functions[name] = tape.add_function(std::move(f));
    }
    for (const std::string& name : names_in(side)) scope.names[name] = tape.input(name, values.at(name));
    return tape[build(tape, side, text, scope)].value.exact;
}

}  // namespace nntrace
