// Shared helpers of the lesson tests: run a lesson, read its values and comparisons, check its
// messages against the catalogs.
#pragma once

#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <toml++/toml.h>

#include "core/arithmetic.hpp"
#include "core/errors.hpp"
#include "lessons/guessing_kind.hpp"
#include "lessons/lessons.hpp"

namespace lesson_test {

using namespace nntrace;

using Sets = std::vector<std::pair<std::string, std::string>>;

inline std::filesystem::path lessons_dir() { return std::filesystem::path(NNTRACE_SOURCE_HOME) / "lessons"; }

inline Record run(const std::string& id, RunOptions options = {}) { return run_lesson(lessons_dir(), id, options); }

// A run of the lesson with these --set values on top of `options`.
inline Record run_with(const std::string& id, Sets sets, RunOptions options = {}) {
    options.sets = std::move(sets);
    return run(id, options);
}

inline RunOptions with_set(const std::string& name, const std::string& value) {
    RunOptions o;
    o.sets = {{name, value}};
    return o;
}

// The run of a lesson with its defaults, made once per lesson.
inline const Record& defaults(const std::string& id) {
    static std::map<std::string, Record> records;
    auto it = records.find(id);
    if (it == records.end()) it = records.emplace(id, run(id)).first;
    return it->second;
}

inline Num number(const Record& r, const std::string& key) {
    const auto v = r.find(key);
    if (!v) FAIL("no value under " << key);
    return *v;
}

inline double value(const Record& r, const std::string& key) { return number(r, key).hand; }

// The value a record holds, rounded half up to the decimals a figure is printed with.
inline double printed(const Record& r, const std::string& key, int decimals) {
    return round_decimal(value(r, key), decimals, Rounding::half_up);
}

inline const Comparison& comparison(const Record& r, const std::string& key) {
    for (const auto& c : r.comparisons)
        if (c.key == key) return c;
    FAIL("no comparison for " << key);
    throw;
}

// A comparison's label in `lang`: a label in words is one of the record's strings.
inline std::string label_text(const Record& r, const Comparison& c, const std::string& lang) {
    const auto words = r.strings.find(c.label);
    return words == r.strings.end() ? c.label : words->second.at(lang);
}

inline const Section* find_section(const Record& r, const std::string& key) {
    for (const auto& s : r.sections)
        if (s.key == key) return &s;
    return nullptr;
}

inline const Section& section(const Record& r, const std::string& key) {
    if (const Section* s = find_section(r, key)) return *s;
    FAIL("no section " << key);
    throw;
}

inline const Note* note(const Record& r, const std::string& key) {
    for (const auto& s : r.sections)
        for (const auto& item : s.items)
            if (const auto* n = std::get_if<Note>(&item); n && n->key == key) return n;
    return nullptr;
}

template <class T>
const T* item(const Record& r, const std::string& key) {
    for (const auto& s : r.sections)
        for (const auto& it : s.items)
            if (const auto* x = std::get_if<T>(&it); x && x->key == key) return x;
    return nullptr;
}

inline void check_verdicts(const Record& r, const std::map<std::string, Comparison::Verdict>& expected) {
    CHECK(r.comparisons.size() == expected.size());
    for (const auto& c : r.comparisons) {
        INFO(c.key);
        REQUIRE(expected.count(c.key));
        CHECK(c.verdict == expected.at(c.key));
    }
}

// Every message id a record uses: its title, section titles, notes, step labels, table titles,
// columns and cells, plots, diagrams.
inline std::set<std::string> message_ids(const Record& r) {
    std::set<std::string> ids{r.title.id};
    for (const auto& s : r.sections) {
        ids.insert(s.title.id);
        for (const auto& it : s.items) {
            if (const auto* n = std::get_if<Note>(&it)) ids.insert(n->message.id);
            if (const auto* st = std::get_if<Step>(&it); st && st->label) ids.insert(st->label->id);
            if (const auto* p = std::get_if<Plot>(&it)) ids.insert(p->title.id);
            if (const auto* d = std::get_if<Diagram>(&it)) ids.insert(d->title.id);
            if (const auto* t = std::get_if<Table>(&it)) {
                ids.insert(t->title.id);
                for (const auto& c : t->columns) ids.insert(c.title.id);
                for (const auto& row : t->rows)
                    for (const auto& cell : row)
                        if (cell.words) ids.insert(cell.words->id);
            }
        }
    }
    return ids;
}

// Each id has English and Chinese text, in the record's own strings or in a catalog.
inline void check_messages(const Record& r) {
    std::vector<toml::table> catalogs;
    for (const auto& e : std::filesystem::directory_iterator(std::filesystem::path(NNTRACE_SOURCE_HOME) / "templates/messages"))
        if (e.path().extension() == ".toml") catalogs.push_back(toml::parse_file(e.path().string()));
    for (const auto& id : message_ids(r)) {
        INFO(id);
        bool found = r.strings.count(id) && r.strings.at(id).count("en") && r.strings.at(id).count("zh");
        for (const auto& c : catalogs) found = found || (c[id]["en"].is_string() && c[id]["zh"].is_string());
        CHECK(found);
    }
}

// ---- lessons of kind "guessing", run directly on their sections ----

inline const std::set<std::string> five_words = {"guessing.word.initialisation", "guessing.word.forward",
                                                 "guessing.word.loss", "guessing.word.backward",
                                                 "guessing.word.descent"};

// load_lesson_file refuses a kind the registry does not know yet; this reads what the kind
// uses (the file and its parameters) so that its run function can be called directly.
inline LessonFile read_guessing_lesson(const std::string& id) {
    LessonFile f;
    f.info.id = id;
    f.path = (lessons_dir() / id / "lesson.toml").string();
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

inline const Step* find_step(const std::vector<Section>& sections, const std::string& key) {
    for (const auto& s : sections)
        for (const auto& it : s.items)
            if (const auto* step = std::get_if<Step>(&it); step && step->key == key) return step;
    return nullptr;
}

inline std::vector<const Section*> rounds_of(const std::vector<Section>& sections) {
    std::vector<const Section*> out;
    for (const auto& s : sections)
        if (s.key.rfind("round/", 0) == 0) out.push_back(&s);
    return out;
}

// Every step of every round carries one of the five words of training; each round has at least
// `min_steps` steps.
inline void check_round_labels(const std::vector<Section>& sections, int min_steps) {
    for (const Section* s : rounds_of(sections)) {
        INFO(s->key);
        int steps = 0;
        for (const auto& it : s->items)
            if (const auto* step = std::get_if<Step>(&it)) {
                ++steps;
                REQUIRE(step->label);
                CHECK(five_words.count(step->label->id));
            }
        CHECK(steps >= min_steps);
    }
}

// The rounds use all five words, and the closing section maps each.
inline void check_five_words(const std::vector<Section>& sections) {
    std::set<std::string> seen;
    for (const Section* s : rounds_of(sections))
        for (const auto& it : s->items)
            if (const auto* step = std::get_if<Step>(&it)) seen.insert(step->label->id);
    CHECK(seen == five_words);
    REQUIRE(sections.back().key == "words");
    CHECK(sections.back().items.size() == 5);
}

// The InputError that `f` throws.
template <class F>
InputError error_from(F&& f) {
    try {
        f();
    } catch (const InputError& e) {
        return e;
    }
    FAIL("expected an InputError");
    throw;
}

inline bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// Every message the sections use, by id, with its number of arguments. Plot titles and table
// cells are counted only when asked for.
inline std::map<std::string, std::size_t> messages_in(const std::vector<Section>& sections, bool plots, bool cells) {
    std::map<std::string, std::size_t> out;
    const auto add = [&out](const Message& m) { out[m.id] = m.args.size(); };
    for (const auto& s : sections) {
        add(s.title);
        for (const auto& it : s.items) {
            if (const auto* n = std::get_if<Note>(&it)) add(n->message);
            if (const auto* st = std::get_if<Step>(&it); st && st->label) add(*st->label);
            if (const auto* p = std::get_if<Plot>(&it); p && plots) add(p->title);
            if (const auto* t = std::get_if<Table>(&it)) {
                add(t->title);
                for (const auto& c : t->columns) add(c.title);
                if (cells)
                    for (const auto& row : t->rows)
                        for (const auto& cell : row)
                            if (cell.words) add(*cell.words);
            }
        }
    }
    return out;
}

// The highest placeholder {i} a template uses, plus one: how many arguments it needs.
inline std::size_t placeholders(const std::string& text) {
    std::size_t needed = 0;
    for (std::size_t i = 0; i + 2 < text.size(); ++i)
        if (text[i] == '{' && std::isdigit(static_cast<unsigned char>(text[i + 1])) && text[i + 2] == '}')
            needed = std::max<std::size_t>(needed, static_cast<std::size_t>(text[i + 1] - '0') + 1);
    return needed;
}

// Each message has English and Chinese text in the catalog, with no more placeholders than it
// has arguments.
inline void check_catalog_texts(const std::map<std::string, std::size_t>& used, const std::string& catalog_file) {
    const auto catalog = toml::parse_file(std::string(NNTRACE_SOURCE_HOME) + "/templates/messages/" + catalog_file);
    for (const auto& [id, args] : used) {
        INFO(id);
        for (const char* lang : {"en", "zh"}) {
            const auto text = catalog[id][lang].value<std::string>();
            REQUIRE(text);
            CHECK(placeholders(*text) <= args);
        }
    }
}

}  // namespace lesson_test
