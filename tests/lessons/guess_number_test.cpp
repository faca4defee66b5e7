// The lesson guess-number (000 §2.1, example 1): every round labelled with the word of training
// it illustrates, and --set checked against bisection written out independently here.
//
// Tests tagged [registry] go through run_lesson and need the kind in the registry (kinds.cpp):
//   {"guessing", guessing_keys(), run_guessing},
// The others call the kind's run function directly on the lesson file.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include <toml++/toml.h>

#include "core/errors.hpp"
#include "lessons/guessing_kind.hpp"
#include "lessons/lessons.hpp"

using namespace nntrace;

namespace {

const std::filesystem::path lessons_dir = std::filesystem::path(NNTRACE_SOURCE_HOME) / "lessons";
const std::set<std::string> five_words = {"guessing.word.initialisation", "guessing.word.forward",
                                          "guessing.word.loss", "guessing.word.backward", "guessing.word.descent"};

// load_lesson_file refuses a kind the registry does not know yet; this reads what the kind
// uses (the file and its parameters) so that its run function can be called directly.
LessonFile read_lesson(const std::string& id) {
    LessonFile f;
    f.info.id = id;
    f.path = (lessons_dir / id / "lesson.toml").string();
    f.kind = "guessing";
    f.root = toml::parse_file(f.path);
    for (const auto& [name, value] : *f.root["parameters"].as_table()) {
        Parameter p;
        p.name = std::string(name.str());
        p.file = f.path;
        p.line = static_cast<int>(value.source().begin.line);
        p.column = static_cast<int>(value.source().begin.column);
        if (value.is_string()) p.type = Parameter::Type::text, p.text = value.as_string()->get();
        else p.number = value.value<double>().value();
        f.parameters.declare(p);
    }
    return f;
}

std::vector<Section> run(const std::vector<std::pair<std::string, std::string>>& sets = {}) {
    static const LessonFile lesson = read_lesson("guess-number");
    Parameters parameters = lesson.parameters;
    parameters.apply_sets(sets, lesson.info.id);
    return run_guessing(LessonRun{lesson, parameters, lesson.arithmetic, false});
}

const Step* find_step(const std::vector<Section>& sections, const std::string& key) {
    for (const auto& s : sections)
        for (const auto& item : s.items)
            if (const auto* step = std::get_if<Step>(&item); step && step->key == key) return step;
    return nullptr;
}

double value(const std::vector<Section>& sections, const std::string& key) {
    const Step* s = find_step(sections, key);
    if (!s) FAIL("no step " << key);
    return s->value.hand;
}

std::vector<const Section*> rounds_of(const std::vector<Section>& sections) {
    std::vector<const Section*> out;
    for (const auto& s : sections)
        if (s.key.rfind("round/", 0) == 0) out.push_back(&s);
    return out;
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

InputError error_of(const std::vector<std::pair<std::string, std::string>>& sets) {
    try {
        run(sets);
    } catch (const InputError& e) {
        return e;
    }
    FAIL("expected an InputError");
    throw;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// Every message the sections use, by id, with its number of arguments.
std::map<std::string, std::size_t> messages_in(const std::vector<Section>& sections) {
    std::map<std::string, std::size_t> out;
    const auto add = [&out](const Message& m) { out[m.id] = m.args.size(); };
    for (const auto& s : sections) {
        add(s.title);
        for (const auto& item : s.items) {
            if (const auto* n = std::get_if<Note>(&item)) add(n->message);
            if (const auto* st = std::get_if<Step>(&item); st && st->label) add(*st->label);
            if (const auto* t = std::get_if<Table>(&item)) {
                add(t->title);
                for (const auto& c : t->columns) add(c.title);
                for (const auto& row : t->rows)
                    for (const auto& cell : row)
                        if (cell.words) add(*cell.words);
            }
        }
    }
    return out;
}

// The highest placeholder {i} a template uses, plus one: how many arguments it needs.
std::size_t placeholders(const std::string& text) {
    std::size_t needed = 0;
    for (std::size_t i = 0; i + 2 < text.size(); ++i)
        if (text[i] == '{' && std::isdigit(static_cast<unsigned char>(text[i + 1])) && text[i + 2] == '}')
            needed = std::max<std::size_t>(needed, static_cast<std::size_t>(text[i + 1] - '0') + 1);
    return needed;
}

}  // namespace

TEST_CASE("Guess number: A opens with 5, as in the source", "[lesson][guess-number]") {
    const auto sections = run();
    const Step* first = find_step(sections, "round/1/guess");
    REQUIRE(first);
    CHECK(first->value.hand == 5);
    REQUIRE(first->label);
    CHECK(first->label->id == "guessing.word.initialisation");
}

TEST_CASE("Guess number: the default game finds 7 in four rounds", "[lesson][guess-number]") {
    const auto sections = run();
    CHECK(guesses_in(sections) == std::vector<long long>{5, 8, 6, 7});
    CHECK(value(sections, "round/1/loss") == -2);      // g − n = 5 − 7
    CHECK(value(sections, "round/1/sign") == -1);  // only the sign travels back
    CHECK(value(sections, "round/1/min") == 6);
    CHECK(value(sections, "round/2/max") == 7);
}

TEST_CASE("Guess number: every step of every round is labelled with a word of training", "[lesson][guess-number]") {
    const auto sections = run();
    REQUIRE(rounds_of(sections).size() == 4);
    for (const Section* s : rounds_of(sections)) {
        INFO(s->key);
        int steps = 0;
        for (const auto& item : s->items)
            if (const auto* step = std::get_if<Step>(&item)) {
                ++steps;
                REQUIRE(step->label);
                CHECK(five_words.count(step->label->id));
            }
        CHECK(steps >= 3);
    }
}

TEST_CASE("Guess number: all five words of training appear, and the closing notes map each", "[lesson][guess-number]") {
    const auto sections = run();
    std::set<std::string> seen;
    for (const Section* s : rounds_of(sections))
        for (const auto& item : s->items)
            if (const auto* step = std::get_if<Step>(&item)) seen.insert(step->label->id);
    CHECK(seen == five_words);
    REQUIRE(sections.back().key == "words");
    CHECK(sections.back().items.size() == 5);
}

TEST_CASE("Guess number: B's answers in the table follow the sign of g − n", "[lesson][guess-number]") {
    const auto sections = run();
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
        const auto sections = run({{"hidden", std::to_string(hidden)}});
        CHECK(guesses_in(sections) == bisection(1, 10, hidden, 5));
        CHECK(guesses_in(sections).size() <= 5);  // ⌈log2 10⌉ + 1
    }
}

TEST_CASE("Guess number: --set high=100 hidden=37 takes eight rounds", "[lesson][guess-number]") {
    const auto sections = run({{"high", "100"}, {"hidden", "37"}});
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
    const auto catalog = toml::parse_file(std::string(NNTRACE_SOURCE_HOME) + "/templates/messages/guessing.toml");
    for (const auto& [id, args] : messages_in(run())) {
        INFO(id);
        for (const char* lang : {"en", "zh"}) {
            const auto text = catalog[id][lang].value<std::string>();
            REQUIRE(text);
            CHECK(placeholders(*text) <= args);
        }
    }
}

// ---- through run_lesson: these need the registry line ----

namespace {

Record run_through_registry(RunOptions options = {}) { return run_lesson(lessons_dir, "guess-number", options); }

}  // namespace

TEST_CASE("Guess number: the source's first guess is compared and matches", "[lesson][guess-number][registry]") {
    const Record r = run_through_registry();
    REQUIRE(r.comparisons.size() == 1);
    CHECK(r.comparisons[0].key == "round/1/guess");
    CHECK(r.comparisons[0].verdict == Comparison::Verdict::matches);
}

TEST_CASE("Guess number: run_lesson applies --set and records the parameters", "[lesson][guess-number][registry]") {
    RunOptions options;
    options.sets = {{"hidden", "3"}};
    const Record r = run_through_registry(options);
    CHECK(r.id == "guess-number");
    CHECK(r.parameters.at("hidden").hand == 3);
    CHECK(r.find("summary/1/guess")->hand == 5);
    CHECK(r.find("summary/2/guess")->hand == 2);  // ⌊(1 + 4) / 2⌋
}

TEST_CASE("Guess number: the course lists the lesson", "[lesson][guess-number][registry]") {
    bool found = false;
    for (const auto& l : list_lessons(lessons_dir)) found = found || l.id == "guess-number";
    CHECK(found);
}
