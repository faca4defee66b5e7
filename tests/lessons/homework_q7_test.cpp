// The lesson homework-q7 (004, 练习 7) against its answer key, and against the same network
// worked here twice: by hand at three decimals, and in plain doubles.
#include "lesson_test_helpers.hpp"

#include <cmath>
#include <map>

#include "problem/problem.hpp"
#include "render/pages.hpp"

using namespace lesson_test;

namespace {

const Record& defaults() { return lesson_test::defaults("homework-q7"); }

// The lesson's page as the course builds it: header, explanation and record.
std::string page_of(const std::string& id, Format format, const std::string& lang) {
    RenderOptions o;
    o.lang = lang;
    o.messages_dir = std::filesystem::path(NNTRACE_SOURCE_HOME) / "templates/messages";
    o.templates_dir = std::filesystem::path(NNTRACE_SOURCE_HOME) / "templates";
    PageContext context;
    for (const LessonInfo& lesson : list_lessons(lessons_dir()))
        if (lesson.id == id) context.explanation = lesson_explanation(lesson, lang);
    return render_lesson_page(lesson_test::defaults(id), format, o, context);
}

RunOptions exact_arithmetic() {
    RunOptions options;
    options.arithmetic = Arithmetic::exact();
    return options;
}

// The exercise's network. `round` is applied to every result as it is written down: the
// identity for exact arithmetic, three decimals half up for the hand calculation.
struct Homework {
    double w[11] = {0, 0.6, -0.4, 0.8, 0.2, 0.5, -0.3, 0.7, -0.6, 0.4, 1.2};  // w[1]..w[10]
    double b1 = 0.1, b2 = -0.2, b3 = 0.05, b4 = 0.15, x1 = 1, x2 = 0, y = 1;
    double (*round)(double) = [](double v) { return v; };

    double s(double z) const { return round(z * z); }
    double unit(double wa, double wb, double b) const { return round(round(round(wa * x1) + round(wb * x2)) + b); }
    double h1() const { return s(unit(w[1], w[4], b1)); }
    double h2() const { return s(unit(w[2], w[5], b2)); }
    double h3() const { return s(unit(w[3], w[6], b3)); }
    double z4() const { return round(round(round(round(w[7] * h1()) + round(w[8] * h2())) + round(w[9] * h3())) + b4); }
    double yhat() const { return round(w[10] * s(z4())); }
    // From L back to z4, one rounded product per link: ½·2(y − ŷ), −1, w10, s′(z4) = 2·z4.
    double dL_dz4() const {
        const double d_sub = round(0.5 * round(2 * (y - yhat())));
        return round(round(round(-d_sub) * w[10]) * round(2 * z4()));
    }
    double dL_dw7() const { return round(dL_dz4() * h1()); }
    double dL_dw8() const { return round(dL_dz4() * h2()); }
};

Homework by_hand() {
    Homework h;
    h.round = [](double v) { return round_decimal(v, 3, Rounding::half_up); };
    return h;
}

}  // namespace

TEST_CASE("Homework Q7: the hand calculation gives the answer key", "[lesson][homework-q7]") {
    const Record& r = defaults();
    CHECK(number(r, "yhat").hand == 0.384);
    CHECK(number(r, "dL/dw7").hand == -0.410);
    CHECK(number(r, "dL/dw8").hand == -0.301);
}

TEST_CASE("Homework Q7: every figure of the answer key is judged a match", "[lesson][homework-q7]") {
    const Record& r = defaults();
    REQUIRE(r.comparisons.size() == 3);
    for (const auto& c : r.comparisons) {
        INFO(c.key);
        CHECK(c.verdict == Comparison::Verdict::matches);
    }
}

TEST_CASE("Homework Q7: three decimals by hand, and the exact value kept beside", "[lesson][homework-q7]") {
    const Record& r = defaults();
    CHECK(r.digits == 3);
    CHECK(number(r, "h3").hand == 0.723);  // 0.85² = 0.7225, rounded half up
    CHECK(number(r, "h3").exact == Approx(0.7225).epsilon(1e-12));
}

TEST_CASE("Homework Q7: the last section sets hand and exact results side by side", "[lesson][homework-q7]") {
    const Record& r = defaults();
    REQUIRE(r.sections.back().key == "exact");
    const Table* t = r.find_table("hand-and-exact");
    REQUIRE(t);
    CHECK(t->rows.size() == 9);
    const Homework exact;
    // Rows follow compare_exact: h1, h2, h3, z4, h4, yhat, L, dL/dw7, dL/dw8.
    CHECK(number(r, "hand-and-exact/3/hand").hand == 0.723);
    CHECK(number(r, "hand-and-exact/3/exact").hand == Approx(exact.h3()).epsilon(1e-12));
    CHECK(number(r, "hand-and-exact/6/hand").hand == 0.384);
    CHECK(number(r, "hand-and-exact/6/exact").hand == Approx(exact.yhat()).epsilon(1e-12));
    CHECK(number(r, "hand-and-exact/8/exact").hand == Approx(exact.dL_dw7()).epsilon(1e-12));
    CHECK(number(r, "hand-and-exact/9/exact").hand == Approx(exact.dL_dw8()).epsilon(1e-12));
}

TEST_CASE("Homework Q7: exact arithmetic rounds to the same three answers", "[lesson][homework-q7]") {
    const Homework exact;
    CHECK(round_decimal(exact.yhat(), 3, Rounding::half_up) == 0.384);
    CHECK(round_decimal(exact.dL_dw7(), 3, Rounding::half_up) == -0.410);
    CHECK(round_decimal(exact.dL_dw8(), 3, Rounding::half_up) == -0.301);
    CHECK(round_decimal(number(defaults(), "dL/dw7").exact, 3, Rounding::half_up) == -0.410);
}

TEST_CASE("Homework Q7: --set w7=0.5 follows a hand calculation at three decimals", "[lesson][homework-q7]") {
    const Record r = run_with("homework-q7", {{"w7", "0.5"}});
    Homework h = by_hand();
    h.w[7] = 0.5;
    CHECK(number(r, "z4").hand == h.z4());
    CHECK(number(r, "yhat").hand == h.yhat());
    CHECK(number(r, "dL/dw7").hand == h.dL_dw7());
    CHECK(number(r, "dL/dw8").hand == h.dL_dw8());
}

TEST_CASE("Homework Q7: --exact with --set w10=1 follows plain double arithmetic", "[lesson][homework-q7]") {
    const Record r = run_with("homework-q7", {{"w10", "1"}}, exact_arithmetic());
    Homework h;
    h.w[10] = 1;
    CHECK(number(r, "yhat").hand == Approx(h.yhat()).epsilon(1e-12));
    CHECK(number(r, "dL/dw7").hand == Approx(h.dL_dw7()).epsilon(1e-12));
    CHECK(number(r, "dL/dw8").hand == Approx(h.dL_dw8()).epsilon(1e-12));
    CHECK(find_section(r, "exact") == nullptr);  // nothing to set beside an exact run
}

TEST_CASE("Homework Q7: a node cannot be set, only the data and the weights", "[lesson][homework-q7]") {
    CHECK_THROWS_AS(run_with("homework-q7", {{"h1", "0.5"}}), InputError);
    CHECK_THROWS_AS(run_with("homework-q7", {{"w7", "abc"}}), InputError);
}

TEST_CASE("Homework Q7: the setup states the lost figure and the numbering but not the rounding", "[lesson][homework-q7]") {
    const Section* setup = find_section(defaults(), "setup");
    REQUIRE(setup);
    std::vector<std::string> notes;
    for (const auto& item : setup->items)
        if (const auto* n = std::get_if<Note>(&item)) notes.push_back(n->message.id);
    // The rounding rule is the page header's: not stated again here, by the problem or the lesson.
    // The other note says how the weights are numbered.
    CHECK(notes == std::vector<std::string>{"homework-q7.structure", "network.note.by_source"});
}

TEST_CASE("Homework Q7: the page states its rounding rule once", "[lesson][homework-q7]") {
    const std::string page = page_of("homework-q7", Format::md, "en");
    std::size_t count = 0;
    for (auto at = page.find("half away from zero"); at != std::string::npos; at = page.find("half away from zero", at + 1)) ++count;
    CHECK(count == 1);
}

TEST_CASE("Homework Q7: the convention box typesets its formulas as the explanation does", "[lesson][homework-q7]") {
    for (const char* lang : {"en", "zh"}) {
        INFO(lang);
        const std::string html = page_of("homework-q7", Format::html, lang);
        CHECK(html.find("<span class=\"math\">h_j = s(w_j x_1 + w_{j+3} x_2 + b_j)</span>") != std::string::npos);
        CHECK(html.find("<span class=\"math\">\\hat{y} = w_{10} h_4</span>") != std::string::npos);
        CHECK(html.find("w_(j+3)") == std::string::npos);
    }
}

TEST_CASE("Homework Q7: the weight table names the output neuron as the page does", "[lesson][homework-q7]") {
    const Table* t = defaults().find_table("network-numbering");
    REQUIRE(t);
    std::vector<std::string> into_output;
    for (const auto& row : t->rows)
        if (row.at(0).words->args.at(0).text == "w10") into_output.push_back(row.at(2).words->args.at(0).text);
    CHECK(into_output == std::vector<std::string>{"ŷ"});
}

TEST_CASE("Homework Q7: the lesson's problem file computes what the user-facing example does", "[lesson][homework-q7]") {
    // The lesson's problem.toml writes the network with the [network] shorthand,
    // examples/exercise-7.toml node by node: every step, chain-rule line and gradient must agree.
    auto steps = [](const std::string& path) {
        const Record r = run_problem(read_problem(std::string(NNTRACE_SOURCE_HOME) + "/" + path), RunOptions{});
        std::map<std::string, std::pair<std::string, Num>> out;
        for (const auto& s : r.sections)
            for (const auto& item : s.items) {
                if (const auto* st = std::get_if<Step>(&item)) {
                    std::string formula;
                    for (const auto& piece : st->formula) formula += piece.text;
                    out[s.key + "/" + st->key] = {formula, st->value};
                }
                if (const auto* c = std::get_if<ChainLine>(&item)) out[s.key + "/" + c->key] = {c->rule, c->contribution};
            }
        return out;
    };
    const auto lesson = steps("lessons/homework-q7/problem.toml");
    const auto example = steps("examples/exercise-7.toml");
    REQUIRE(lesson.size() == example.size());
    for (const auto& [key, step] : example) {
        INFO(key);
        REQUIRE(lesson.count(key));
        CHECK(lesson.at(key).first == step.first);
        CHECK(lesson.at(key).second.hand == step.second.hand);
        CHECK(lesson.at(key).second.exact == step.second.exact);
    }
}

TEST_CASE("Homework Q7: every message the record uses has English and Chinese text", "[lesson][homework-q7]") {
    check_messages(defaults());
}
