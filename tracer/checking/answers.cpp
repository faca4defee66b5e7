#include "checking/answers.hpp"

#include <algorithm>
#include <cctype>

#include "core/compare.hpp"
#include "core/errors.hpp"
#include "problem/checks.hpp"
#include "problem/suggest.hpp"

namespace nntrace {
namespace {

bool all_digits(const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

std::string unknown_name_message(const std::string& name, const Record& record) {
    std::string what = "'" + name + "' names nothing in the problem (an answer is a node, input or param, "
                       "dA/dB, p+ or name@k)";
    if (auto guess = closest_name(name, answer_names(record))) what += "; did you mean '" + *guess + "'?";
    return what;
}

}  // namespace

std::vector<GivenAnswer> answers_from_options(const std::vector<std::string>& options) {
    std::vector<GivenAnswer> out;
    for (const auto& o : options) {
        const std::string option = "--answer " + o;
        const auto eq = o.find('=');
        if (eq == std::string::npos || eq == 0 || eq + 1 == o.size())
            throw InputError(option + ": expected NAME=VALUE, like yhat=0.384");
        const std::string value = o.substr(eq + 1);
        if (!read_printed(value)) throw InputError(option + ": '" + value + "' is not a number like -0.410");
        out.push_back({o.substr(0, eq), value, std::nullopt, option});
    }
    return out;
}

std::vector<GivenAnswer> merge_answers(const Problem& problem, const std::vector<GivenAnswer>& overrides) {
    std::vector<GivenAnswer> out;
    for (const auto& a : problem.answers) out.push_back({a.name, a.text, a.key, ""});
    for (const auto& o : overrides) {
        auto same = std::find_if(out.begin(), out.end(), [&](const GivenAnswer& a) { return a.name == o.name; });
        if (same != out.end()) *same = o;
        else out.push_back(o);
    }
    return out;
}

Problem with_answers(Problem problem, const std::vector<GivenAnswer>& answers) {
    problem.answers.clear();
    for (const auto& a : answers) problem.answers.push_back({a.name, a.text, a.where.value_or(FilePosition{}), {}});
    return problem;
}

bool is_answer_name(const std::string& name) {
    if (auto d = parse_derivative_name(name)) return is_valid_name(d->of) && is_valid_name(d->wrt);
    std::string base = name;
    if (!base.empty() && base.back() == '+') base.pop_back();
    if (const auto at = base.find('@'); at != std::string::npos) {
        if (!all_digits(base.substr(at + 1))) return false;
        base.erase(at);
    }
    return is_valid_name(base);
}

std::vector<std::string> answer_names(const Record& record) {
    std::vector<std::string> out;
    for (const auto& s : record.sections)
        for (const auto& item : s.items) {
            if (const auto* st = std::get_if<Step>(&item)) out.push_back(st->key);
            if (const auto* u = std::get_if<Update>(&item)) out.push_back(u->key);
        }
    return out;
}

void check_answer_names(const Problem& problem, const Record& record, const std::vector<GivenAnswer>& answers) {
    for (const auto& a : answers) {
        if (is_answer_name(a.name) && record.find(a.name)) continue;
        const std::string what = unknown_name_message(a.name, record);
        if (a.where) fail_at(problem, *a.where, what);
        throw InputError(a.option + ": " + what);
    }
}

}  // namespace nntrace
