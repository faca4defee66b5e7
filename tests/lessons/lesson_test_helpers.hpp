// Shared helpers of the lesson tests: run a lesson, read its values and comparisons.
#pragma once

#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <string>

#include "core/arithmetic.hpp"
#include "lessons/lessons.hpp"

namespace lesson_test {

using namespace nntrace;

inline Record run(const std::string& id, RunOptions options = {}) {
    return run_lesson(std::filesystem::path(NNTRACE_SOURCE_HOME) / "lessons", id, options);
}

inline RunOptions with_set(const std::string& name, const std::string& value) {
    RunOptions o;
    o.sets = {{name, value}};
    return o;
}

inline double value(const Record& r, const std::string& key) {
    const auto v = r.find(key);
    if (!v) FAIL("no value under " << key);
    return v->hand;
}

// The value a record holds, rounded half up to the decimals a figure is printed with.
inline double printed(const Record& r, const std::string& key, int decimals) {
    return round_decimal(value(r, key), decimals, Rounding::half_up);
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

}  // namespace lesson_test

#include <set>

#include <toml++/toml.h>

namespace lesson_test {

// Every message id a record uses: section titles, notes, table columns and cells, plots, diagrams.
inline std::set<std::string> message_ids(const Record& r) {
    std::set<std::string> ids;
    for (const auto& s : r.sections) {
        ids.insert(s.title.id);
        for (const auto& it : s.items) {
            if (const auto* n = std::get_if<Note>(&it)) ids.insert(n->message.id);
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

}  // namespace lesson_test
