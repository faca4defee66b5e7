// --set name=value: another value for an input, a param, or the training's rate and rounds.
#include <cmath>
#include <optional>

#include "core/errors.hpp"
#include "core/number_text.hpp"
#include "problem/run_parts.hpp"
#include "problem/suggest.hpp"

namespace nntrace {
namespace {

constexpr int max_rounds = 10000;  // as in a problem file

class SetApplier {
public:
    SetApplier(const Problem& p, RunValues& values) : problem_(p), run_(values) {}

    void apply(const std::string& name, const std::string& value) {
        option_ = "--set " + name + "=" + value;
        if (name.empty()) fail("a name is missing before '='");
        if (run_.values.count(name)) {
            run_.values[name] = Num::both(number(value));
            return;
        }
        if (name == "rate" || name == "rounds") {
            training(name, value);
            return;
        }
        for (const auto& n : problem_.nodes)
            if (n.name == name)
                fail(name + " is a node, computed from its expression; only inputs, params, rate and rounds can be set");
        std::vector<std::string> known;
        for (const auto& [k, v] : run_.values) known.push_back(k);
        std::string what = "the problem has no input or param named '" + name + "'";
        if (auto guess = closest_name(name, known)) what += "; did you mean '" + *guess + "'?";
        fail(what);
    }

private:
    void training(const std::string& name, const std::string& value) {
        if (!problem_.train) fail("the problem has no [train] table, so there is no " + name + " to set");
        const double v = number(value);
        if (name == "rate") {
            run_.rate = v;
            return;
        }
        if (v != std::floor(v) || v < 1 || v > max_rounds)
            fail("rounds must be a whole number from 1 to " + std::to_string(max_rounds));
        run_.rounds = static_cast<int>(v);
    }

    double number(const std::string& value) const {
        if (auto v = number_from_text(value)) return *v;
        fail("'" + value + "' is not a number");
    }

    [[noreturn]] void fail(const std::string& message) const { throw InputError(option_ + ": " + message); }

    const Problem& problem_;
    RunValues& run_;
    std::string option_;
};

}  // namespace

RunValues apply_sets(const Problem& problem, const std::vector<std::pair<std::string, std::string>>& sets) {
    RunValues run;
    for (const auto& i : problem.inputs) run.values[i.name] = Num::both(i.value);
    for (const auto& q : problem.params) run.values[q.name] = Num::both(q.value);
    if (problem.train) {
        run.rate = problem.train->rate;
        run.rounds = problem.train->rounds;
    }
    SetApplier applier(problem, run);
    for (const auto& [name, value] : sets) applier.apply(name, value);
    return run;
}

}  // namespace nntrace
