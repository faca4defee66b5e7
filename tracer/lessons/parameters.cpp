#include "lessons/parameters.hpp"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <stdexcept>

#include "core/number_text.hpp"

namespace nntrace {
namespace {

std::string option_text(const std::string& name, const std::string& value) {
    return "--set " + name + "=" + value;
}

bool read_number(const std::string& text, double& out) {
    const auto v = number_from_text(text);  // the syntax every command shares
    if (v) out = *v;
    return v.has_value();
}

// Sets `p` from the user's text; returns what the value should have been, or "" when it fits.
std::string assign(Parameter& p, const std::string& text) {
    switch (p.type) {
        case Parameter::Type::number:
            return read_number(text, p.number) ? "" : "a number";
        case Parameter::Type::boolean:
            if (text != "true" && text != "false") return "true or false";
            p.flag = text == "true";
            return "";
        case Parameter::Type::text:
            p.text = text;
            return "";
    }
    return "";
}

}  // namespace

const Parameter* Parameters::find(const std::string& name) const {
    for (const auto& p : list_)
        if (p.name == name) return &p;
    return nullptr;
}

Parameter* Parameters::find(const std::string& name) {
    for (auto& p : list_)
        if (p.name == name) return &p;
    return nullptr;
}

const Parameter& Parameters::at(const std::string& name) const {
    if (const Parameter* p = find(name)) return *p;
    throw std::out_of_range("no parameter " + name);
}

void Parameters::apply_sets(const std::vector<std::pair<std::string, std::string>>& sets,
                            const std::string& lesson_id) {
    for (const auto& [name, value] : sets) {
        Parameter* p = find(name);
        if (!p) {
            std::string known;
            for (const auto& q : list_) known += (known.empty() ? "" : ", ") + q.name;
            throw InputError(option_text(name, value) + ": the lesson " + lesson_id +
                             " has no parameter '" + name + "' (its parameters: " + known + ")");
        }
        const std::string expected = assign(*p, value);
        if (!expected.empty())
            throw InputError(option_text(name, value) + ": " + name + " takes " + expected +
                             ", not '" + value + "'");
        p->set_by_user = true;
        p->set_text = value;
    }
}

InputError Parameters::bad_value(const std::string& name, const std::string& why) const {
    const Parameter& p = at(name);
    if (p.set_by_user) return InputError(option_text(name, p.set_text) + ": " + why);
    return InputError(p.file, p.line, p.column, why);
}

std::map<std::string, Num> Parameters::numbers() const {
    std::map<std::string, Num> out;
    for (const auto& p : list_)
        if (p.type == Parameter::Type::number) out[p.name] = Num::both(p.number);
    return out;
}

std::map<std::string, std::string> Parameters::settings() const {
    std::map<std::string, std::string> out;
    for (const auto& p : list_) {
        if (p.type == Parameter::Type::text) out[p.name] = p.text;
        if (p.type == Parameter::Type::boolean) out[p.name] = p.flag ? "true" : "false";
    }
    return out;
}

}  // namespace nntrace
