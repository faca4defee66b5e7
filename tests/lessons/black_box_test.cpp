// The lesson black-box (000 §2.1, example 2): every round labelled with the word of training it
// illustrates, and --set box / --set rate checked against a loop written out here.
//
// Tests tagged [registry] go through run_lesson and need the kind in the registry (kinds.cpp):
//   {"guessing", guessing_keys(), run_guessing},
// The others call the kind's run function directly on the lesson file.
#include "lesson_test_helpers.hpp"

#include <cmath>
#include <functional>

using namespace lesson_test;

namespace {

// The guessing kind's run function, called directly on the lesson's file.
std::vector<Section> play(const Sets& sets = {}, Arithmetic arithmetic = Arithmetic::exact()) {
    static const LessonFile lesson = read_guessing_lesson("black-box");
    Parameters parameters = lesson.parameters;
    parameters.apply_sets(sets, lesson.info.id);
    return run_guessing(LessonRun{lesson, parameters, arithmetic, false});
}

template <typename T>
std::vector<const T*> items_of(const std::vector<Section>& sections) {
    std::vector<const T*> out;
    for (const auto& s : sections)
        for (const auto& item : s.items)
            if (const auto* t = std::get_if<T>(&item)) out.push_back(t);
    return out;
}

// The note that ends the run: the last note of the last round.
std::string ending(const std::vector<Section>& sections) {
    const Section* last = rounds_of(sections).back();
    for (auto it = last->items.rbegin(); it != last->items.rend(); ++it)
        if (const auto* n = std::get_if<Note>(&*it)) return n->message.id;
    return "";
}

struct Loop {
    std::vector<double> x, y;
};

// The learner's loop, written out: x ← x − η·(f(x) − 4) from x = 1 until |f(x) − 4| < 0.01 or
// 20 rounds, as the lesson's defaults say.
Loop independent(const std::function<double(double)>& f, double eta) {
    Loop out;
    double x = 1;
    for (int k = 1; k <= 20; ++k) {
        out.x.push_back(x);
        out.y.push_back(f(x));
        if (std::fabs(out.y.back() - 4) < 0.01) break;
        x -= eta * (out.y.back() - 4);
    }
    return out;
}

void check_against(const std::vector<Section>& sections, const Loop& loop) {
    REQUIRE(rounds_of(sections).size() == loop.x.size());
    for (std::size_t k = 1; k <= loop.x.size(); ++k) {
        const std::string p = "round/" + std::to_string(k) + "/";
        INFO(p);
        REQUIRE(find_step(sections, p + "y"));
        CHECK(find_step(sections, p + "y")->value.hand == Approx(loop.y[k - 1]));
        CHECK(find_step(sections, p + "difference")->value.hand == Approx(loop.y[k - 1] - 4).margin(1e-12));
        if (k > 1) CHECK(find_step(sections, "round/" + std::to_string(k - 1) + "/next_x")->value.hand == Approx(loop.x[k - 1]));
    }
}

InputError error_of(const Sets& sets) { return error_from([&] { play(sets); }); }

}  // namespace

TEST_CASE("Black box: the learner starts at input 1 and the box wants 4, as in the source", "[lesson][black-box]") {
    const auto sections = play();
    REQUIRE(find_step(sections, "round/1/x"));
    CHECK(find_step(sections, "round/1/x")->value.hand == 1);
    CHECK(find_step(sections, "round/1/x")->label->id == "guessing.word.initialisation");
    CHECK(find_step(sections, "setup/target")->value.hand == 4);
    CHECK(find_step(sections, "round/1/difference")->value.hand == -1);  // 2·1 + 1 − 4
}

TEST_CASE("Black box: the default run converges as the loop written out does", "[lesson][black-box]") {
    const auto sections = play();
    check_against(sections, independent([](double x) { return 2 * x + 1; }, 0.4));
    CHECK(rounds_of(sections).size() == 4);  // x = 1, 1.4, 1.48, 1.496
    CHECK(ending(sections) == "guessing.box.converged");
}

TEST_CASE("Black box: every step of every round is labelled with a word of training", "[lesson][black-box]") {
    const auto sections = play();
    check_round_labels(sections, 2);
}

TEST_CASE("Black box: all five words of training appear, and the closing notes map each", "[lesson][black-box]") {
    const auto sections = play();
    check_five_words(sections);
}

TEST_CASE("Black box: --set box=x^2 follows the loop written out for x²", "[lesson][black-box]") {
    const auto sections = play({{"box", "x^2"}, {"rate", "0.1"}});
    check_against(sections, independent([](double x) { return x * x; }, 0.1));
}

TEST_CASE("Black box: --set box with a function of the engine follows its loop", "[lesson][black-box]") {
    const auto sections = play({{"box", "3*sigmoid(x) + 2"}, {"rate", "2"}});
    check_against(sections, independent([](double x) { return 3 / (1 + std::exp(-x)) + 2; }, 2));
}

TEST_CASE("Black box: the rule stays hidden in the rounds and is revealed at the end", "[lesson][black-box]") {
    const auto sections = play();
    CHECK(find_step(sections, "round/1/y")->formula.front().text == "box(");
    bool revealed = false;
    for (const Note* n : items_of<Note>(sections))
        if (n->message.id == "guessing.box.inside") revealed = n->message.args.at(0).text == "2*x + 1";
    CHECK(revealed);
}

TEST_CASE("Black box: --set rate=1.5 diverges, and the run says so at that round", "[lesson][black-box]") {
    const auto sections = play({{"rate", "1.5"}});
    CHECK(ending(sections) == "guessing.box.diverged.overshooting");
    // The input after the k-th move is 1.5 − 0.5·(−2)^k: past ±1000 at the 11th.
    CHECK(rounds_of(sections).size() == 11);
    CHECK(find_step(sections, "round/11/next_x")->value.hand == 1025.5);
}

TEST_CASE("Black box: a box whose output falls as x rises diverges the wrong way, and says so", "[lesson][black-box]") {
    const auto sections = play({{"box", "7 - 2*x"}});
    CHECK(ending(sections) == "guessing.box.diverged.wrong_way");
    // d = 1 at x = 1; each move makes it 1.8 times larger: 1, 1.8, 3.24, …
    CHECK(find_step(sections, "round/2/difference")->value.hand == Approx(1.8));
}

TEST_CASE("Black box: --set rate=1 bounces between two inputs until the cap", "[lesson][black-box]") {
    const auto sections = play({{"rate", "1"}});
    CHECK(ending(sections) == "guessing.box.capped");
    CHECK(rounds_of(sections).size() == 20);
    CHECK(find_step(sections, "round/2/next_x")->value.hand == 1);
}

TEST_CASE("Black box: the plot's output line is the table's output column", "[lesson][black-box]") {
    const auto sections = play();
    const auto plots = items_of<Plot>(sections);
    const auto tables = items_of<Table>(sections);
    REQUIRE(plots.size() == 1);
    REQUIRE(tables.size() == 1);
    const Series& y = plots[0]->series.at(0);
    REQUIRE(y.y.size() == tables[0]->rows.size());
    for (std::size_t k = 0; k < y.y.size(); ++k) {
        CHECK(y.x[k] == static_cast<double>(k + 1));
        CHECK(y.y[k] == tables[0]->rows[k][2].number->hand);  // columns: round, x, y, …
    }
    CHECK(plots[0]->series.at(1).y == std::vector<double>{4, 4});
}

TEST_CASE("Black box: a hand calculation rounds each result as produced", "[lesson][black-box]") {
    const auto sections = play({{"rate", "0.3"}}, Arithmetic::hand(2));
    // d = −1, x = 1.3, y = 3.6, d = −0.4, η·d = −0.12, x = 1.42, y = 3.84, d = −0.16, η·d = −0.048 → −0.05.
    CHECK(find_step(sections, "round/2/next_x")->value.hand == 1.42);
    CHECK(find_step(sections, "round/3/next_x")->value.hand == 1.47);
    CHECK(find_step(sections, "round/3/next_x")->value.exact == Approx(1.468));
}

TEST_CASE("Black box: a broken --set box is an error naming the option and the column", "[lesson][black-box]") {
    const InputError e = error_of({{"box", "2*x +"}});
    CHECK(contains(e.what(), "--set box=2*x +"));
    CHECK(contains(e.what(), "column 6"));
}

TEST_CASE("Black box: a --set box reading another name is an error at that name", "[lesson][black-box]") {
    const InputError e = error_of({{"box", "2*y + 1"}});
    CHECK(contains(e.what(), "--set box=2*y + 1"));
    CHECK(contains(e.what(), "column 3"));
    CHECK(contains(error_of({{"box", "4"}}).what(), "never reads its input"));
}

TEST_CASE("Black box: a rate that is not above 0 is an error naming the option", "[lesson][black-box]") {
    CHECK(contains(error_of({{"rate", "0"}}).what(), "--set rate=0"));
    CHECK(contains(error_of({{"max_rounds", "2.5"}}).what(), "--set max_rounds=2.5"));
}

TEST_CASE("Black box: a box with no number at the first input stops there and says so", "[lesson][black-box]") {
    const auto sections = play({{"box", "log(x - 1)"}});  // ln 0
    CHECK(ending(sections) == "guessing.box.fault");
    CHECK(rounds_of(sections).size() == 1);
    CHECK(find_step(sections, "round/1/x")->value.hand == 1);
}

TEST_CASE("Black box: every message of every ending has English and Chinese text with its arguments", "[lesson][black-box]") {
    std::map<std::string, std::size_t> used;
    for (const Sets& sets : {Sets{}, Sets{{"rate", "1.5"}}, Sets{{"box", "7 - 2*x"}}, Sets{{"rate", "5000"}},
                             Sets{{"rate", "1"}}, Sets{{"box", "log(x - 1)"}}, Sets{{"box", "2*x + 10"}}})
        for (const auto& m : messages_in(play(sets), true, false)) used.insert(m);
    for (const auto& m : messages_in(play({{"rate", "0.01"}}, Arithmetic::hand(1)), true, false)) used.insert(m);  // stalls
    for (const char* ending : {"converged", "diverged.overshooting", "diverged.wrong_way", "diverged", "capped",
                               "fault", "stalled", "told.above", "told.below"})
        CHECK(used.count(std::string("guessing.box.") + ending));
    check_catalog_texts(used, "guessing.toml");
}

// ---- through run_lesson: these need the registry line ----

TEST_CASE("Black box: the source's target and first input are compared and match", "[lesson][black-box][registry]") {
    const Record r = run("black-box");
    REQUIRE(r.comparisons.size() == 2);
    for (const auto& c : r.comparisons) {
        INFO(c.key);
        CHECK(c.verdict == Comparison::Verdict::matches);
    }
}

TEST_CASE("Black box: --set box changes the rule the run uses, which the setup line keeps secret", "[lesson][black-box][registry]") {
    const Record r = run_with("black-box", {{"box", "x^2"}});
    CHECK(value(r, "round/1/y") == 1.0);  // x² at the first input, 1
    CHECK(r.settings.count("box") == 0);
    CHECK(r.parameters.at("rate").hand == 0.4);
}

TEST_CASE("Black box: run_lesson reports a broken --set box with the option", "[lesson][black-box][registry]") {
    try {
        run_with("black-box", {{"box", "2*x +"}});
        FAIL("expected an InputError");
    } catch (const InputError& e) {
        CHECK(contains(e.what(), "--set box=2*x +"));
    }
}
