// The lesson linear-backprop against the figures of its source (000 §2.2) and against
// independent computations of the course program written out here.
#include "lesson_test_helpers.hpp"

#include <cmath>

using namespace lesson_test;

namespace {

const Record& defaults() { return lesson_test::defaults("linear-backprop"); }

double r4(double v) { return round_decimal(v, 4, Rounding::half_up); }

struct IndependentRun {
    int rows = 0;
    double w = 3, b = 4;
    bool converged = false;
};

// The course program at 4 decimals, every result rounded as produced; it stops when |Δz| < 1e-5,
// when a step changes nothing, or after `cap` forward passes.
IndependentRun hand_program(bool move_w, bool recompute, int cap) {
    IndependentRun run;
    for (;;) {
        ++run.rows;
        const double x = r4(2 * run.w + 3 * run.b), y = r4(2 * run.b + 1), z = r4(x * y);
        const double dz = r4(z - 150);
        if (std::fabs(dz) < 1e-5) return run.converged = true, run;
        if (run.rows >= cap) return run;
        const double fb = recompute ? r4(2 * x + 3 * y) : 63, fw = recompute ? r4(2 * y) : 18;
        const double share = move_w ? r4(dz / 2) : dz;
        const double db = r4(share / fb), dw = move_w ? r4(share / fw) : 0;
        if (db == 0 && dw == 0) return run;
        run.b = r4(run.b - db);
        run.w = r4(run.w - dw);
    }
}

}  // namespace

TEST_CASE("Linear backprop: the forward pass gives x = 18, y = 9, z = 162", "[lesson][linear-backprop]") {
    CHECK(value(defaults(), "forward/x") == 18);
    CHECK(value(defaults(), "forward/y") == 9);
    CHECK(value(defaults(), "forward/z") == 162);
}

TEST_CASE("Linear backprop: both routes give ∂z/∂w = 18 and ∂z/∂b = 63", "[lesson][linear-backprop]") {
    for (const std::string route : {"chain", "expanded"}) {
        CHECK(value(defaults(), route + "/dz/dw") == 18);
        CHECK(value(defaults(), route + "/dz/db") == 63);
    }
    CHECK(value(defaults(), "expanded/z") == 162);
}

TEST_CASE("Linear backprop: moving w alone reproduces Δw and w but not the printed z", "[lesson][linear-backprop]") {
    CHECK(printed(defaults(), "adjust/w/delta_w", 4) == 0.6667);
    CHECK(printed(defaults(), "adjust/w/w", 4) == 2.3333);
    // By hand at 4 decimals: x = 2·2.3333 + 12 = 16.6666, z = 16.6666 · 9 = 149.9994.
    CHECK(value(defaults(), "adjust/w/z") == r4(r4(2 * 2.3333 + 12) * 9));
    CHECK(defaults().find("adjust/w/z")->exact == Approx(150));
    CHECK(comparison(defaults(), "adjust/w/z").verdict == Comparison::Verdict::differs);
}

TEST_CASE("Linear backprop: the printed z = 150.0003 is x's exact value rounded, times y", "[lesson][linear-backprop]") {
    // x = 2·(3 − 2/3) + 12 = 16.666…, rounded to 16.6667; 16.6667 · 9 = 150.0003.
    REQUIRE(r4(r4(2 * (3 - 2.0 / 3) + 12) * 9) == 150.0003);
    const Comparison& c = comparison(defaults(), "adjust/w/z");
    REQUIRE(c.reason);
    CHECK(c.reason->id == "finder.rounded_inputs");
}

TEST_CASE("Linear backprop: moving b alone reproduces Δb = 0.1905, b = 3.8095, z = 150.2162", "[lesson][linear-backprop]") {
    CHECK(printed(defaults(), "adjust/b/delta_b", 4) == 0.1905);
    CHECK(printed(defaults(), "adjust/b/b", 4) == 3.8095);
    CHECK(printed(defaults(), "adjust/b/z", 4) == 150.2162);
}

TEST_CASE("Linear backprop: moving both at 3 decimals reproduces the printed step", "[lesson][linear-backprop]") {
    CHECK(printed(defaults(), "adjust/both/delta_w", 3) == 0.333);
    CHECK(printed(defaults(), "adjust/both/delta_b", 3) == 0.095);
    CHECK(printed(defaults(), "adjust/both/w", 3) == 2.667);
    CHECK(printed(defaults(), "adjust/both/b", 3) == 3.905);
    CHECK(printed(defaults(), "adjust/both/z", 1) == 150.2);
    // The part keeps 3 decimals: x = 2·2.667 + 3·3.905 = 17.049, y = 8.81, z = 150.202 (rounded).
    CHECK(value(defaults(), "adjust/both/z") == round_decimal(17.049 * 8.81, 3, Rounding::half_up));
}

TEST_CASE("Linear backprop: every published figure gets its verdict", "[lesson][linear-backprop]") {
    const std::map<std::string, Comparison::Verdict> expected = {
        {"forward/x", Comparison::Verdict::matches},        {"forward/y", Comparison::Verdict::matches},
        {"forward/z", Comparison::Verdict::matches},        {"chain/dz/dw", Comparison::Verdict::matches},
        {"chain/dz/db", Comparison::Verdict::matches},      {"expanded/dz/dw", Comparison::Verdict::matches},
        {"expanded/dz/db", Comparison::Verdict::matches},   {"adjust/w/delta_w", Comparison::Verdict::matches},
        {"adjust/w/w", Comparison::Verdict::matches},       {"adjust/w/z", Comparison::Verdict::differs},
        {"adjust/b/delta_b", Comparison::Verdict::matches}, {"adjust/b/b", Comparison::Verdict::matches},
        {"adjust/b/z", Comparison::Verdict::matches},       {"adjust/both/delta_w", Comparison::Verdict::matches},
        {"adjust/both/delta_b", Comparison::Verdict::matches}, {"adjust/both/w", Comparison::Verdict::matches},
        {"adjust/both/b", Comparison::Verdict::matches},    {"adjust/both/z", Comparison::Verdict::matches},
    };
    CHECK(defaults().comparisons.size() == expected.size());
    for (const auto& c : defaults().comparisons) {
        INFO(c.key);
        REQUIRE(expected.count(c.key));
        CHECK(c.verdict == expected.at(c.key));
    }
}

TEST_CASE("Linear backprop: the typo'd figure for b keeps the source's name in its label", "[lesson][linear-backprop]") {
    CHECK(label_text(defaults(), comparison(defaults(), "adjust/b/b"), "en").find("sic") != std::string::npos);
    CHECK(comparison(defaults(), "adjust/b/b").published == "3.8095");
}

TEST_CASE("Linear backprop: each hand-calculated run matches the program written out by hand", "[lesson][linear-backprop]") {
    struct Case { const char* table; bool move_w, recompute; };
    for (const Case c : {Case{"iterate-b-fixed", false, false}, Case{"iterate-b-recomputed", false, true},
                         Case{"iterate-both-fixed", true, false}, Case{"iterate-both-recomputed", true, true}}) {
        INFO(c.table);
        const IndependentRun expected = hand_program(c.move_w, c.recompute, 30);
        const Table* t = defaults().find_table(c.table);
        REQUIRE(t);
        CHECK(static_cast<int>(t->rows.size()) == expected.rows);
        const std::string last = std::string(c.table) + "/" + std::to_string(expected.rows) + "/";
        CHECK(value(defaults(), last + "b") == expected.b);
        CHECK(value(defaults(), last + "w") == expected.w);
    }
}

TEST_CASE("Linear backprop: an exact run stops as the course program does", "[lesson][linear-backprop]") {
    RunOptions exact;
    exact.arithmetic = Arithmetic::exact();
    const Record r = run("linear-backprop", exact);
    // b -= (z − t)/(2x + 3y) until |z − t| < 1e-5, as in Level1_BP_Linear.
    double b = 4;
    int rows = 0;
    for (;;) {
        ++rows;
        const double x = 6 + 3 * b, y = 2 * b + 1, dz = x * y - 150;
        if (std::fabs(dz) < 1e-5) break;
        b -= dz / (2 * x + 3 * y);
    }
    const Table* t = r.find_table("iterate-b-recomputed");
    REQUIRE(t);
    CHECK(static_cast<int>(t->rows.size()) == rows);
    CHECK(value(r, "iterate-b-recomputed/" + std::to_string(rows) + "/b") == Approx(b));
    CHECK(r.digits == 6);
}

TEST_CASE("Linear backprop: the cap on rounds stops a run", "[lesson][linear-backprop]") {
    RunOptions options;
    options.sets = {{"max_rounds", "2"}};
    const Record r = run("linear-backprop", options);
    const Table* t = r.find_table("iterate-b-fixed");
    REQUIRE(t);
    CHECK(t->rows.size() == 2);
    bool capped = false;
    for (const auto& s : r.sections)
        for (const auto& item : s.items)
            if (const auto* n = std::get_if<Note>(&item); n && n->key == "iterate-b-fixed/end")
                capped = n->message.id == "seek.capped";
    CHECK(capped);
}

TEST_CASE("Linear backprop: --set w=2 runs from w = 2", "[lesson][linear-backprop]") {
    RunOptions options;
    options.sets = {{"w", "2"}};
    const Record r = run("linear-backprop", options);
    // x = 2·2 + 3·4 = 16, y = 9, z = 144; ∂z/∂w = 2y = 18, ∂z/∂b = 3y + 2x = 59.
    CHECK(value(r, "forward/z") == 144);
    CHECK(value(r, "chain/dz/db") == 59);
    CHECK(value(r, "expanded/dz/db") == 59);
    // Δz = 144 − 150 = −6: w grows by 6/18.
    CHECK(value(r, "adjust/w/delta_w") == r4(-6.0 / 18.0));
    CHECK(value(r, "adjust/w/w") == r4(2 + r4(6.0 / 18.0)));
    CHECK(r.parameters.at("w").hand == 2);
}

TEST_CASE("Linear backprop: --decimals applies to every part, the both-step included", "[lesson][linear-backprop]") {
    RunOptions options;
    options.arithmetic = Arithmetic::hand(5);
    const Record r = run("linear-backprop", options);
    CHECK(value(r, "adjust/both/delta_w") == round_decimal(6.0 / 18.0, 5, Rounding::half_up));
    CHECK(value(r, "adjust/w/delta_w") == round_decimal(12.0 / 18.0, 5, Rounding::half_up));
    CHECK(r.digits == 5);
}

TEST_CASE("Linear backprop: the record names itself and brings its texts", "[lesson][linear-backprop]") {
    const Record& r = defaults();
    CHECK(r.id == "linear-backprop");
    CHECK(r.digits == 4);
    REQUIRE(r.strings.count(r.title.id));
    CHECK(r.strings.at(r.title.id).count("zh"));
    for (const auto& s : r.sections) {
        INFO(s.key);
        // A part's own title is the lesson's; the folded elementary steps after it are titled
        // from the catalog of every page.
        if (s.folded) CHECK(s.title.id == "chain.section.elementary");
        else CHECK(r.strings.count(s.title.id));
    }
    CHECK(r.sections.front().key == "forward");
    CHECK(r.sections.back().key == "iterate-both-recomputed");
}

TEST_CASE("Linear backprop: every message the record uses has English and Chinese text", "[lesson][linear-backprop]") {
    RunOptions capped;
    capped.sets = {{"max_rounds", "2"}};
    for (const Record& r : {defaults(), run("linear-backprop", capped)}) check_messages(r);
}
