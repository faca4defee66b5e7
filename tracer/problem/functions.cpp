// [functions] → the user functions, each able to call the others: `f = "s(x) + 1"` with
// `s = "x^2"`. Calls must not loop back (a function would never finish) and nest at most
// max_function_depth deep; what a function expands to is bounded, so that a body calling another
// twice, which calls another twice, … cannot ask for 2^n evaluations.
#include <algorithm>
#include <map>

#include "core/builder.hpp"
#include "problem/checks.hpp"

namespace nntrace {
namespace {

// What one function does at most, counting the parts of every body it runs through its calls.
constexpr long long max_function_size = 100000;

struct Call {
    std::size_t callee;
    const Expr* at;
};

class FunctionMaker {
public:
    explicit FunctionMaker(const Problem& p) : problem_(p) {
        for (std::size_t i = 0; i < p.functions.size(); ++i) index_.emplace(p.functions[i].name, i);
        for (const auto& f : p.functions) bodies_.push_back(parse(f));
        for (std::size_t i = 0; i < p.functions.size(); ++i) calls_.push_back(calls_in(i));
        state_.assign(p.functions.size(), State::unmade);
        made_.resize(p.functions.size());
        size_.assign(p.functions.size(), 0);
        height_.assign(p.functions.size(), 1);
    }

    std::vector<UserFunction> make() {
        for (std::size_t i = 0; i < problem_.functions.size(); ++i) make(i, {});
        return made_;
    }

private:
    enum class State { unmade, making, made };

    Expr parse(const FunctionDefinition& f) const {
        try {
            return parse_expression(f.body.text);
        } catch (const ExpressionError& e) {
            fail(f, e.column(), e.what());
        }
    }

    std::vector<Call> calls_in(std::size_t i) const {
        std::vector<Call> out;
        for_each_part(bodies_[i], [&](const Expr& e) {
            if (e.kind != Expr::Kind::call) return;
            if (auto it = index_.find(e.text); it != index_.end()) out.push_back({it->second, &e});
        });
        return out;
    }

    // Makes function i after the ones it calls. `path` is the chain of calls that led here; it
    // never grows past max_function_depth, so neither does the recursion.
    void make(std::size_t i, std::vector<std::size_t> path) {
        if (state_[i] == State::made) return;
        state_[i] = State::making;
        path.push_back(i);
        const FunctionDefinition& f = problem_.functions[i];
        std::vector<UserFunction> callees;
        long long size = 0;
        for_each_part(bodies_[i], [&size](const Expr&) { ++size; });
        for (const Call& c : calls_[i]) {
            if (state_[c.callee] == State::making) fail_loop(i, c, path);
            if (state_[c.callee] == State::unmade && path.size() == static_cast<std::size_t>(max_function_depth))
                fail(f, c.at->begin, too_deep() + " (" + chain(path, c.callee) + ")");
            make(c.callee, path);
            if (1 + height_[c.callee] > max_function_depth)
                fail(f, c.at->begin, too_deep() + " (through " + problem_.functions[c.callee].name + ")");
            height_[i] = std::max(height_[i], 1 + height_[c.callee]);
            size = std::min(size + size_[c.callee], max_function_size + 1);
            if (size > max_function_size)
                fail(f, c.at->begin, "with the functions it calls, " + f.name + " would compute more than " +
                                         std::to_string(max_function_size) + " steps each time it is used");
            const auto same = [&](const UserFunction& u) { return u.name == made_[c.callee].name; };
            if (std::none_of(callees.begin(), callees.end(), same)) callees.push_back(made_[c.callee]);
        }
        size_[i] = size;
        try {
            made_[i] = make_user_function(f.name, "x", f.body.text, std::move(callees));
        } catch (const ExpressionError& e) {
            fail(f, e.column(), e.what());
        }
        state_[i] = State::made;
    }

    static std::string too_deep() {
        return "functions call one another more than " + std::to_string(max_function_depth) + " deep";
    }

    std::string chain(const std::vector<std::size_t>& path, std::size_t last) const {
        std::string out;
        for (auto p : path) out += problem_.functions[p].name + " → ";
        return out + problem_.functions[last].name;
    }

    [[noreturn]] void fail_loop(std::size_t i, const Call& c, const std::vector<std::size_t>& path) const {
        const auto from = std::find(path.begin(), path.end(), c.callee);
        const std::string loop = chain(std::vector<std::size_t>(from, path.end()), c.callee);
        const std::string& name = problem_.functions[i].name;
        fail(problem_.functions[i], c.at->begin,
             c.callee == i ? name + " calls itself: a function cannot call itself"
                           : "the functions call one another in a loop (" + loop + "): a function cannot call itself, even through another");
    }

    [[noreturn]] void fail(const FunctionDefinition& f, int column, const std::string& message) const {
        fail_at(problem_, f.body.at(column), "in function " + f.name + ": " + message);
    }

    const Problem& problem_;
    std::map<std::string, std::size_t> index_;
    std::vector<Expr> bodies_;
    std::vector<std::vector<Call>> calls_;
    std::vector<State> state_;
    std::vector<UserFunction> made_;
    std::vector<long long> size_;
    std::vector<int> height_;  // the longest chain of calls from each function, itself included
};

}  // namespace

std::vector<UserFunction> make_user_functions(const Problem& problem) { return FunctionMaker(problem).make(); }

}  // namespace nntrace
