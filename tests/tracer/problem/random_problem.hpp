// A random problem file over the whole expression language, from a fixed seed: shared by the
// tests that check the engine against an independent evaluator and the named chains against
// the tape.
#pragma once

#include <cmath>
#include <functional>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace nntrace::test {

using Env = std::map<std::string, double>;

// An expression as problem-file text, with its value as a function of the named values.
struct Gen {
    std::string text;
    std::function<double(const Env&)> f;
};

inline double logistic(double x) { return 1 / (1 + std::exp(-x)); }

// A random problem: params p1..p4, one input c1, nodes n1..n6, each reading earlier names,
// and L = n6 + 0.5*n5. Every argument of ln, sqrt, a division and a real power is kept
// positive by construction, and every node's value small enough for exp.
class RandomProblem {
public:
    explicit RandomProblem(unsigned seed) : rng_(seed) {
        for (int k = 1; k <= 4; ++k) leaf("p" + std::to_string(k), params_);
        leaf("c1", inputs_);
        for (int k = 1; k <= 6; ++k) node("n" + std::to_string(k));
        nodes_.push_back({"L", Gen{"n6 + 0.5*n5", [](const Env& e) { return e.at("n6") + 0.5 * e.at("n5"); }}});
        names_.push_back("L");
    }

    std::string toml() const {
        std::ostringstream out;
        out << "[params]\n";
        for (const auto& [name, v] : params_) out << name << " = " << v << "\n";
        out << "[inputs]\n";
        for (const auto& [name, v] : inputs_) out << name << " = " << v << "\n";
        out << "[nodes]\n";
        for (const auto& [name, g] : nodes_) out << name << " = \"" << g.text << "\"\n";
        out << "[loss]\nnode = \"L\"\n";
        return out.str();
    }

    // Every value, with `env`'s leaves.
    Env evaluate(Env env) const {
        for (const auto& [name, g] : nodes_) env[name] = g.f(env);
        return env;
    }

    Env leaves() const {
        Env env;
        for (const auto& [name, v] : params_) env[name] = v;
        for (const auto& [name, v] : inputs_) env[name] = v;
        return env;
    }

private:
    void leaf(const std::string& name, std::vector<std::pair<std::string, double>>& into) {
        // Three decimals, so that the text written is exactly the value evaluated here.
        const double v = std::round(std::uniform_real_distribution<double>(-1.5, 1.5)(rng_) * 1000) / 1000;
        into.emplace_back(name, v);
        names_.push_back(name);
    }

    void node(const std::string& name) {
        const Env env = evaluate(leaves());
        Gen g = operand();
        for (int attempt = 0; attempt < 20; ++attempt) {
            Gen candidate = expression(2);
            const double v = candidate.f(env);
            if (std::isfinite(v) && std::abs(v) < 20) {
                g = std::move(candidate);
                break;
            }
        }
        nodes_.push_back({name, std::move(g)});
        names_.push_back(name);
    }

    int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }

    Gen operand() {
        if (pick(6) == 0) {
            const char* numbers[] = {"0.5", "2", "1.5", "3"};
            const std::string t = numbers[pick(4)];
            const double v = std::stod(t);
            return {t, [v](const Env&) { return v; }};
        }
        const std::string n = names_[static_cast<std::size_t>(pick(static_cast<int>(names_.size())))];
        return {n, [n](const Env& e) { return e.at(n); }};
    }

    Gen expression(int depth) {
        if (depth <= 0) return operand();
        Gen a = expression(depth - 1 - pick(2));
        const int op = pick(16);
        if (op < 5) return binary(std::move(a), expression(depth - 1 - pick(2)), op);
        return unary(std::move(a), op - 5);
    }

    static Gen binary(Gen a, Gen b, int op) {
        auto fa = a.f, fb = b.f;
        switch (op) {
            case 0: return {"(" + a.text + " + " + b.text + ")", [fa, fb](const Env& e) { return fa(e) + fb(e); }};
            case 1: return {"(" + a.text + " - " + b.text + ")", [fa, fb](const Env& e) { return fa(e) - fb(e); }};
            case 2: return {"(" + a.text + "*" + b.text + ")", [fa, fb](const Env& e) { return fa(e) * fb(e); }};
            case 3: return {"(" + a.text + "/((" + b.text + ")^2 + 0.5))",
                            [fa, fb](const Env& e) { return fa(e) / (std::pow(fb(e), 2) + 0.5); }};
            default: return {"(((" + a.text + ")^2 + 1)^1.5)", [fa](const Env& e) { return std::pow(fa(e) * fa(e) + 1, 1.5); }};
        }
    }

    static Gen unary(Gen a, int op) {
        auto f = a.f;
        const std::string t = "(" + a.text + ")";  // the whole operand: ^ binds tighter than anything
        switch (op) {
            case 0: return {"exp(" + t + ")", [f](const Env& e) { return std::exp(f(e)); }};
            case 1: return {"ln(" + t + "^2 + 0.5)", [f](const Env& e) { return std::log(f(e) * f(e) + 0.5); }};
            case 2: return {"sqrt(" + t + "^2 + 0.25)", [f](const Env& e) { return std::sqrt(f(e) * f(e) + 0.25); }};
            case 3: return {"sin(" + t + ")", [f](const Env& e) { return std::sin(f(e)); }};
            case 4: return {"cos(" + t + ")", [f](const Env& e) { return std::cos(f(e)); }};
            case 5: return {"tanh(" + t + ")", [f](const Env& e) { return std::tanh(f(e)); }};
            case 6: return {"sigmoid(" + t + ")", [f](const Env& e) { return logistic(f(e)); }};
            case 7: return {"relu(" + t + ")", [f](const Env& e) { return f(e) > 0 ? f(e) : 0.0; }};
            case 8: return {t + "^3", [f](const Env& e) { return std::pow(f(e), 3); }};
            case 9: return {"(-" + t + "^2)", [f](const Env& e) { return -std::pow(f(e), 2); }};
            default: return {"log(" + t + "^2 + 1)", [f](const Env& e) { return std::log(f(e) * f(e) + 1); }};
        }
    }

    std::mt19937 rng_;
    std::vector<std::string> names_;  // every name an expression may read so far
    std::vector<std::pair<std::string, double>> params_, inputs_;
    std::vector<std::pair<std::string, Gen>> nodes_;
};

}  // namespace nntrace::test
