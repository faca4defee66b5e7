// Follow-on marking: a later answer worked on correctly from the student's own wrong earlier
// value is a carried error, named after that value. Exercise 7 is worked at 3 decimals.
#include <cmath>
#include <map>
#include <vector>

#include <catch2/catch.hpp>

#include "checking/follow_on.hpp"
#include "checking/graph_replay.hpp"
#include "checking/judge.hpp"
#include "core/compare.hpp"

using namespace nntrace;

namespace {

double r3(double v) { return std::round(v * 1000) / 1000; }

Judge exercise7() {
    const Problem p = read_problem(std::string(NNTRACE_SOURCE_HOME) + "/examples/exercise-7.toml");
    return Judge(p, {"yhat", "dL/dw7", "dL/dw8"}, MistakeContext{3});
}

// ∂L/∂w7 by hand at 3 decimals from a written ŷ, along the chain the engine uses, with the
// engine's forward values h1 and z4 (ŷ does not change them): L = ½(y − ŷ)², ŷ = w10·h4,
// h4 = z4², z4 = w7·h1 + …
double dL_dw7_from(const Judge& judge, double yhat) {
    const double h1 = judge.record().find("h1")->hand, z4 = judge.record().find("z4")->hand;
    const double d_square = r3(0.5 * r3(2 * (1 - yhat)));  // ∂L/∂(y − ŷ)
    const double d_yhat = r3(d_square * -1);
    const double d_h4 = r3(d_yhat * 1.2);
    const double d_z4 = r3(d_h4 * r3(2 * z4));
    return r3(d_z4 * h1);
}

}  // namespace

TEST_CASE("Follow-on: an answer worked on from the student's own yhat is a carried error", "[check][follow-on]") {
    const Judge judge = exercise7();
    const double carried = dL_dw7_from(judge, 0.385);
    REQUIRE(r3(carried) != r3(judge.record().find("dL/dw7")->hand));
    char text[32];
    std::snprintf(text, sizeof text, "%.3f", carried);
    const auto j = judge.judge_all({{"yhat", "0.385"}, {"dL/dw7", text}});
    CHECK(j[0].verdict != Verdict::correct);
    CHECK(j[1].verdict == Verdict::carried);
    REQUIRE_FALSE(j[1].causes.empty());
    CHECK(j[1].causes.front().id == "carried yhat");
    REQUIRE(j[1].reason);
    CHECK(j[1].reason->id == "check.carried");
}

TEST_CASE("Follow-on: a wrong answer that does not follow from the earlier one is not carried", "[check][follow-on]") {
    const Judge judge = exercise7();
    const auto j = judge.judge_all({{"yhat", "0.385"}, {"dL/dw7", "-0.420"}});
    CHECK(j[1].verdict == Verdict::wrong);
    REQUIRE(j[1].reason);  // the finder says what it tried
}

TEST_CASE("Follow-on: with a correct earlier answer nothing is carried", "[check][follow-on]") {
    const Judge judge = exercise7();
    char text[32];
    std::snprintf(text, sizeof text, "%.3f", dL_dw7_from(judge, 0.385));
    const auto j = judge.judge_all({{"yhat", "0.384"}, {"dL/dw7", text}});
    CHECK(j[1].verdict != Verdict::carried);
}

TEST_CASE("Follow-on: cutting off instead of rounding is found for a student too", "[check][finder]") {
    const Judge judge = exercise7();
    const double exact = judge.record().find("dL/dw7")->exact;
    char text[32];
    std::snprintf(text, sizeof text, "%.3f", std::trunc(exact * 1000) / 1000);
    const Judgement j = judge.judge("dL/dw7", text);
    CHECK(j.verdict == Verdict::last_digit);
    REQUIRE_FALSE(j.causes.empty());
    CHECK(j.causes.front().id == "cut_off 3");
}

TEST_CASE("Follow-on: from the graph already built it gives what its own build gives", "[check][follow-on]") {
    const Problem p = read_problem(std::string(NNTRACE_SOURCE_HOME) + "/examples/exercise-7.toml");
    const FollowOn own(p, {});
    const GraphReplay replay(p, {});
    const FollowOn shared(p, {}, replay.shape(), replay.loss(), replay.own_leaves());
    std::size_t compared = 0;
    for (const std::map<std::string, double>& given : std::vector<std::map<std::string, double>>{
             {{"yhat", 0.385}}, {{"h1", 0.5}}, {{"z4", -0.25}, {"h2", 0.04}}, {{"yhat", 2.0}, {"h4", 0.3}}})
        for (const char* key : {"yhat", "L", "dL/dw7", "dL/dw8", "dL/dh1", "dyhat/dw9"}) {
            INFO(key);
            const auto a = own.value(key, given), b = shared.value(key, given);
            REQUIRE(a.has_value() == b.has_value());
            if (a) CHECK(*a == *b);
            compared += a.has_value();
        }
    CHECK(compared > 15);
    CHECK(shared.carries("yhat") == own.carries("yhat"));
    CHECK(shared.carries("w7") == own.carries("w7"));
}
