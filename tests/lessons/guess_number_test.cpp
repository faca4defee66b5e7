// The lesson guess-number (000 §2.1, example 1): every round labelled with the word of training
// it illustrates, and --set checked against bisection written out independently here.
//
// Tests tagged [registry] go through run_lesson and need the kind in the registry (kinds.cpp):
//   {"guessing", guessing_keys(), run_guessing},
// The others call the kind's run function directly on the lesson file.
#include "lesson_test_helpers.hpp"

using namespace lesson_test;

namespace {

// The guessing kind's run function, called directly on the lesson's file.
std::vector<Section> play(const Sets& sets = {}) {
    static const LessonFile lesson = read_guessing_lesson("guess-number");
    Parameters parameters = lesson.parameters;
    parameters.apply_sets(sets, lesson.info.id);
    return run_guessing(LessonRun{lesson, parameters, lesson.arithmetic, false});
}

double value(const std::vector<Section>& sections, const std::string& key) {
    const Step* s = find_step(sections, key);
    if (!s) FAIL("no step " << key);
    return s->value.hand;
}

// The guesses of bisection, written out: first guess, then the middle (rounded down) of what
// the answers leave.
std::vector<long long> bisection(long long low, long long high, long long hidden, long long guess) {
    std::vector<long long> guesses;
    for (;;) {
        guesses.push_back(guess);
        if (guess == hidden) return guesses;
        if (guess < hidden) low = guess + 1;
        else high = guess - 1;
        guess = (low + high) / 2;  // low + high ≥ 0 in these ranges
    }
}

std::vector<long long> guesses_in(const std::vector<Section>& sections) {
    std::vector<long long> out;
    for (std::size_t k = 1; k <= rounds_of(sections).size(); ++k)
        out.push_back(static_cast<long long>(value(sections, "round/" + std::to_string(k) + "/guess")));
    return out;
}

InputError error_of(const Sets& sets) { return error_from([&] { play(sets); }); }

}  // namespace

TEST_CASE("Guess number: A opens with 5, as in the source", "[lesson][guess-number]") {
    const auto sections = play();
    const Step* first = find_step(sections, "round/1/guess");
    REQUIRE(first);
    CHECK(first->value.hand == 5);
    REQUIRE(first->label);
    CHECK(first->label->id == "guessing.word.initialisation");
}

TEST_CASE("Guess number: the default game finds 7 in four rounds", "[lesson][guess-number]") {
    const auto sections = play();
    CHECK(guesses_in(sections) == std::vector<long long>{5, 8, 6, 7});
    CHECK(value(sections, "round/1/loss") == -2);      // g − n = 5 − 7
    CHECK(value(sections, "round/1/sign") == -1);  // only the sign travels back
    CHECK(value(sections, "round/1/min") == 6);
    CHECK(value(sections, "round/2/max") == 7);
}

TEST_CASE("Guess number: every step of every round is labelled with a word of training", "[lesson][guess-number]") {
    const auto sections = play();
    REQUIRE(rounds_of(sections).size() == 4);
    check_round_labels(sections, 3);
}

TEST_CASE("Guess number: all five words of training appear, and the closing notes map each", "[lesson][guess-number]") {
    const auto sections = play();
    check_five_words(sections);
}

TEST_CASE("Guess number: B's answers in the table follow the sign of g − n", "[lesson][guess-number]") {
    const auto sections = play();
    const Table* table = nullptr;
    for (const auto& s : sections)
        for (const auto& item : s.items)
            if (const auto* t = std::get_if<Table>(&item)) table = t;
    REQUIRE(table);
    REQUIRE(table->rows.size() == 4);
    const std::vector<std::string> expected = {"guessing.verdict.too_small", "guessing.verdict.too_big",
                                               "guessing.verdict.too_small", "guessing.verdict.right"};
    for (std::size_t k = 0; k < 4; ++k) {
        REQUIRE(table->rows[k].back().words);
        CHECK(table->rows[k].back().words->id == expected[k]);
    }
}

TEST_CASE("Guess number: --set hidden follows bisection written out independently", "[lesson][guess-number]") {
    for (long long hidden = 1; hidden <= 10; ++hidden) {
        INFO("hidden " << hidden);
        const auto sections = play({{"hidden", std::to_string(hidden)}});
        CHECK(guesses_in(sections) == bisection(1, 10, hidden, 5));
        CHECK(guesses_in(sections).size() <= 5);  // ⌈log2 10⌉ + 1
    }
}

TEST_CASE("Guess number: --set high=100 hidden=37 takes eight rounds", "[lesson][guess-number]") {
    const auto sections = play({{"high", "100"}, {"hidden", "37"}});
    CHECK(guesses_in(sections) == bisection(1, 100, 37, 5));
    CHECK(guesses_in(sections).size() == 8);  // ⌈log2 100⌉ + 1, the most bisection needs
}

TEST_CASE("Guess number: a hidden number outside the range is an error naming the option", "[lesson][guess-number]") {
    const InputError e = error_of({{"hidden", "11"}});
    CHECK(contains(e.what(), "--set hidden=11"));
    CHECK(contains(e.what(), "range"));
}

TEST_CASE("Guess number: a hidden number that is not whole is an error naming the option", "[lesson][guess-number]") {
    CHECK(contains(error_of({{"hidden", "2.5"}}).what(), "--set hidden=2.5"));
    CHECK(contains(error_of({{"first_guess", "0"}}).what(), "--set first_guess=0"));
}

TEST_CASE("Guess number: every message has English and Chinese text with its arguments", "[lesson][guess-number]") {
    check_catalog_texts(messages_in(play(), false, true), "guessing.toml");
}

// ---- through run_lesson: these need the registry line ----

TEST_CASE("Guess number: the source's first guess is compared and matches", "[lesson][guess-number][registry]") {
    const Record r = run("guess-number");
    REQUIRE(r.comparisons.size() == 1);
    CHECK(r.comparisons[0].key == "round/1/guess");
    CHECK(r.comparisons[0].verdict == Comparison::Verdict::matches);
}

TEST_CASE("Guess number: run_lesson applies --set and records the parameters", "[lesson][guess-number][registry]") {
    RunOptions options;
    options.sets = {{"hidden", "3"}};
    const Record r = run("guess-number", options);
    CHECK(r.id == "guess-number");
    CHECK(r.parameters.at("hidden").hand == 3);
    CHECK(r.find("summary/1/guess")->hand == 5);
    CHECK(r.find("summary/2/guess")->hand == 2);  // ⌊(1 + 4) / 2⌋
}

TEST_CASE("Guess number: the course lists the lesson", "[lesson][guess-number][registry]") {
    bool found = false;
    for (const auto& l : list_lessons(lessons_dir())) found = found || l.id == "guess-number";
    CHECK(found);
}
