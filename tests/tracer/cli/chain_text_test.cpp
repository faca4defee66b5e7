// The textbook chains as a terminal shows them (`nntrace run … --format text`), for the
// lessons whose sources print them. Every figure expected is worked out here from the run's
// forward values, with the run's own rounding.
#include <catch2/catch.hpp>

#include <filesystem>

#include "cli_fixture.hpp"
#include "lessons/lessons.hpp"
#include "render/number_format.hpp"

using namespace nntrace;

namespace {

Record lesson(const std::string& id) { return run_lesson(std::filesystem::path(NNTRACE_SOURCE_HOME) / "lessons", id, {}); }

double hand(const Record& r, const std::string& key) {
    const auto v = r.find(key);
    REQUIRE(v);
    return v->hand;
}

// A factor as the text writes it: trailing zeros dropped, a negative one in parentheses.
std::string factor(double v, int digits) {
    const std::string s = format_number(v, NumberStyle{digits, Shape::trim_zeros, Minus::unicode});
    return v < 0 ? "(" + s + ")" : s;
}

std::string result(double v, int digits) { return format_number(v, NumberStyle{digits, Shape::bare_integers, Minus::unicode}); }

bool contains(const std::string& text, const std::string& line) { return text.find(line) != std::string::npos; }

}  // namespace

TEST_CASE("Chain text: net-222 shows the source's chain for w5, factor by factor", "[cli][named-chain]") {
    const Record r = lesson("net-222");
    const auto out = run({"run", "net-222", "--format", "text"});
    REQUIRE(out.code == 0);
    const double o1 = hand(r, "out_o1");
    const double f1 = -(hand(r, "t1") - o1), f2 = o1 * (1 - o1), f3 = hand(r, "out_h1");
    const int d = r.digits;
    const std::string line = "∂E_total/∂w5 = ∂E_total/∂out_o1 · ∂out_o1/∂l_o1 · ∂l_o1/∂w5 = " + factor(f1, d) +
                             " · " + factor(f2, d) + " · " + factor(f3, d) + " = " + result(f1 * f2 * f3, d);
    INFO(out.out);
    CHECK(contains(out.out, line));
    CHECK(contains(out.out, "∂E_total/∂out_o1 = −(t1 − out_o1) = "));
    CHECK(contains(out.out, "∂out_o1/∂l_o1 = out_o1·(1 − out_o1) = "));
}

TEST_CASE("Chain text: net-222 shows w1's chain through the sum at out_h1", "[cli][named-chain]") {
    const auto out = run({"run", "net-222", "--format", "text"});
    REQUIRE(out.code == 0);
    INFO(out.out);
    CHECK(contains(out.out, "∂E_total/∂w1 = ∂E_total/∂out_h1 · ∂out_h1/∂l_h1 · ∂l_h1/∂w1 = "));
    CHECK(contains(out.out, "∂E_total/∂out_h1 = ∂E_o1/∂out_h1 + ∂E_o2/∂out_h1 = "));
    CHECK(contains(out.out, "∂E_o1/∂out_h1 = ∂E_o1/∂out_o1 · ∂out_o1/∂l_o1 · ∂l_o1/∂out_h1 = "));
    // Every weight has its chain; none opens with the loss by itself.
    for (int k = 1; k <= 8; ++k) CHECK(contains(out.out, "∂E_total/∂w" + std::to_string(k) + " = ∂E_total/∂"));
    const std::string chains = out.out.substr(0, out.out.find("Every elementary step"));
    CHECK_FALSE(contains(chains, "∂E_total/∂E_total"));
}

TEST_CASE("Chain text: homework-q7 shows dL/dw7 and dL/dw8 as four factors at 3 decimals", "[cli][named-chain]") {
    const Record r = lesson("homework-q7");
    const auto out = run({"run", "homework-q7", "--format", "text"});
    REQUIRE(out.code == 0);
    INFO(out.out);
    const Arithmetic a = Arithmetic::hand(3);
    const double dL_dyhat = a.apply(-(hand(r, "y") - hand(r, "yhat")));
    const double w10 = hand(r, "w10"), s_slope = a.apply(2 * hand(r, "z4"));
    for (const char* h : {"h1", "h2"}) {
        const std::string w = std::string(h) == "h1" ? "w7" : "w8";
        const double chain = a.apply(a.apply(a.apply(dL_dyhat * w10) * s_slope) * hand(r, h));
        CHECK(chain == hand(r, "dL/d" + w));  // the answer key's figure, the same by either route
        CHECK(contains(out.out, "∂L/∂" + w + " = ∂L/∂yhat · ∂yhat/∂h4 · ∂h4/∂z4 · ∂z4/∂" + w + " = " +
                                    factor(dL_dyhat, 3) + " · " + factor(w10, 3) + " · " + factor(s_slope, 3) + " · " +
                                    factor(hand(r, h), 3) + " = " + result(chain, 3)));
    }
    CHECK(contains(out.out, "∂h4/∂z4 = 2·z4 = "));
}

TEST_CASE("Chain text: linear-backprop shows dz/db as the sum of its two routes", "[cli][named-chain]") {
    const Record r = lesson("linear-backprop");
    const auto out = run({"run", "linear-backprop", "--format", "text"});
    REQUIRE(out.code == 0);
    INFO(out.out);
    const double x = hand(r, "forward/x"), y = hand(r, "forward/y");
    const int d = r.digits;
    CHECK(contains(out.out, "∂z/∂b = ∂z/∂x·∂x/∂b + ∂z/∂y·∂y/∂b = " + factor(y, d) + "·3 + " + factor(x, d) + "·2 = " +
                                result(3 * y + 2 * x, d)));
}
