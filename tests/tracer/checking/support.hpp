// Helpers shared by the checking tests: judging one answer of a problem written in the test.
#pragma once

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "checking/judge.hpp"

namespace nntrace::test {

inline Judgement judge_one(const std::string& toml, const std::string& key, const std::string& given) {
    Problem p = parse_problem(toml, "test.toml");
    p.answers.push_back({key, given, {}, {}});
    const Judge judge(p, {key}, MistakeContext{most_decimals({given})});
    return judge.judge(key, given);
}

inline bool names(const Judgement& j, const std::string& cause_id) {
    return std::any_of(j.causes.begin(), j.causes.end(), [&](const Cause& c) { return c.id == cause_id; });
}

// The answer a student writes: v to `decimals` decimals, half away from zero.
inline std::string written(double v, int decimals) {
    const double scaled = std::round(v * std::pow(10.0, decimals));
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, scaled / std::pow(10.0, decimals));
    return buf;
}

inline double sigmoid(double z) { return 1 / (1 + std::exp(-z)); }

}  // namespace nntrace::test
