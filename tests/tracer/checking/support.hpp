// Helpers shared by the checking tests: judging one answer of a problem written in the test.
#pragma once

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "checking/judge.hpp"
#include "render/number_format.hpp"

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

// Keys of exercise 7's graph of every kind: an output, a hidden value, a pre-activation, the
// loss, two gradients, a param and an input.
inline const std::vector<std::string> exercise7_graph_keys = {"yhat", "h1", "z4", "L", "dL/dw7", "dL/dw8", "w7", "x1"};

// Equal, or both not a number.
inline bool same_double(double a, double b) { return a == b || (std::isnan(a) && std::isnan(b)); }

// Answers of every kind for `p`: right, sign flipped, by hand at other decimals, a digit off,
// values nothing explains, blanks.
inline std::vector<std::vector<WrittenAnswer>> replay_rows(const Problem& p, const std::vector<std::string>& keys) {
    const Record run = run_problem(p, {});
    std::vector<std::vector<WrittenAnswer>> rows;
    for (int kind = 0; kind < 6; ++kind)
        for (std::size_t wrong = 0; wrong < keys.size(); ++wrong) {
            std::vector<WrittenAnswer> row;
            for (std::size_t a = 0; a < keys.size(); ++a) {
                const double v = run.find(keys[a])->hand;
                std::string text = format_number(v, 3);
                if (a == wrong) {
                    if (kind == 0) text = format_number(-v, 3);
                    if (kind == 1) text = format_number(v, 1);
                    if (kind == 2) text = format_number(v + 0.001, 3);
                    if (kind == 3) text = "9.999";
                    if (kind == 4) text = "";
                    if (kind == 5) text = format_number(2 * v, 3);
                }
                row.emplace_back(keys[a], text);
            }
            rows.push_back(row);
        }
    return rows;
}

// Two judges' judgements of the same row are the same: verdicts, causes, reasons and their numbers.
inline void same_judgements(const std::vector<Judgement>& fast, const std::vector<Judgement>& full) {
    REQUIRE(fast.size() == full.size());
    for (std::size_t i = 0; i < fast.size(); ++i) {
        INFO(full[i].key << " = " << full[i].given);
        CHECK(fast[i].verdict == full[i].verdict);
        CHECK(fast[i].decimals == full[i].decimals);
        CHECK(same_double(fast[i].computed.hand, full[i].computed.hand));
        REQUIRE(fast[i].causes.size() == full[i].causes.size());
        for (std::size_t c = 0; c < fast[i].causes.size(); ++c) CHECK(fast[i].causes[c].id == full[i].causes[c].id);
        REQUIRE(fast[i].reason.has_value() == full[i].reason.has_value());
        if (!full[i].reason) continue;
        CHECK(fast[i].reason->id == full[i].reason->id);
        REQUIRE(fast[i].reason->args.size() == full[i].reason->args.size());
        for (std::size_t a = 0; a < full[i].reason->args.size(); ++a) {
            const Arg& x = fast[i].reason->args[a];
            const Arg& y = full[i].reason->args[a];
            CHECK(x.text == y.text);
            REQUIRE(x.number.has_value() == y.number.has_value());
            if (y.number) CHECK(same_double(x.number->hand, y.number->hand));
        }
    }
}

inline double sigmoid(double z) { return 1 / (1 + std::exp(-z)); }

}  // namespace nntrace::test
