// A lesson's parameters: the defaults its lesson.toml declares, then the user's `--set` values.
// The type of each parameter is the type of its default; whole numbers and decimals are both
// numbers (w = 3 takes --set w=2.5), and a kind that needs a whole number checks it itself.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/arithmetic.hpp"
#include "core/errors.hpp"

namespace nntrace {

struct Parameter {
    enum class Type { number, text, boolean };
    std::string name;
    Type type = Type::number;
    double number = 0;
    std::string text;
    bool flag = false;
    // Where the value came from, to word an error about it.
    bool set_by_user = false;
    std::string set_text;     // the user's value as typed
    std::string file;         // the lesson.toml declaring the default
    int line = 0, column = 0;
};

class Parameters {
public:
    void declare(Parameter p) { list_.push_back(std::move(p)); }

    // Applies `--set name=value` pairs in order. Throws InputError naming the option for an
    // unknown name (listing the parameters) or a value of the wrong type.
    void apply_sets(const std::vector<std::pair<std::string, std::string>>& sets,
                    const std::string& lesson_id);

    bool has(const std::string& name) const { return find(name) != nullptr; }
    const Parameter& at(const std::string& name) const;  // throws std::out_of_range
    double number(const std::string& name) const { return at(name).number; }
    const std::vector<Parameter>& all() const { return list_; }

    // A value the lesson's code rejects (a negative tolerance): an error at the `--set` option
    // when the user gave it, at the lesson file otherwise.
    InputError bad_value(const std::string& name, const std::string& why) const;

    // For the record: the numbers, and the other values as settings.
    std::map<std::string, Num> numbers() const;
    std::map<std::string, std::string> settings() const;

private:
    const Parameter* find(const std::string& name) const;
    Parameter* find(const std::string& name);
    std::vector<Parameter> list_;
};

}  // namespace nntrace
