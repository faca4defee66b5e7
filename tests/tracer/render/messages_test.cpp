#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "core/errors.hpp"
#include "messages.hpp"
#include "sample_records.hpp"

using namespace nntrace;

namespace {

const NumberStyle numbers{3, Shape::bare_integers, Minus::ascii};

MessageCatalog shipped() { return MessageCatalog::load(test::options().messages_dir); }

// A scratch catalog folder holding one file with `content`.
std::filesystem::path scratch_catalog(const std::string& name, const std::string& content) {
    const std::filesystem::path dir = std::filesystem::path(NNTRACE_TEST_SCRATCH) / name;
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "bad.toml") << content;
    return dir;
}

}  // namespace

TEST_CASE("Messages: a shipped id resolves in English and Chinese", "[render][messages]") {
    const MessageCatalog c = shipped();
    CHECK(c.resolve(Message{"render.verdict.matches", {}}, "en", numbers) == "matches");
    CHECK(c.resolve(Message{"render.verdict.matches", {}}, "zh", numbers) == "一致");
}

TEST_CASE("Messages: placeholders take words as they are and numbers formatted", "[render][messages]") {
    MessageCatalog c;
    c.merge({{"t.rounds", {{"en", "{1}: {0} rounds, loss {2}"}}}});
    const Message m{"t.rounds", {Arg{"", Num::both(5)}, Arg{"b alone", {}}, Arg{"", Num::both(0.0625)}}};
    CHECK(c.resolve(m, "en", numbers) == "b alone: 5 rounds, loss 0.063");
}

TEST_CASE("Messages: a placeholder without an argument stays as written", "[render][messages]") {
    CHECK(fill_placeholders("{0} and {1} and {x}", {"a"}) == "a and {1} and {x}");
}

TEST_CASE("Messages: a missing language falls back to English", "[render][messages]") {
    MessageCatalog c;
    c.merge({{"t.only_en", {{"en", "only English"}}}});
    CHECK(c.resolve(Message{"t.only_en", {}}, "zh", numbers) == "only English");
}

TEST_CASE("Messages: an unknown id falls back to the id itself", "[render][messages]") {
    CHECK(shipped().resolve(Message{"no.such.id", {}}, "zh", numbers) == "no.such.id");
}

TEST_CASE("Messages: a record's own templates win over the catalog", "[render][messages]") {
    MessageCatalog c = shipped();
    c.merge({{"render.verdict.matches", {{"en", "agrees"}}}});
    CHECK(c.resolve(Message{"render.verdict.matches", {}}, "en", numbers) == "agrees");
    // The record's entry replaces the whole entry: its English stands in for Chinese.
    CHECK(c.resolve(Message{"render.verdict.matches", {}}, "zh", numbers) == "agrees");
}

TEST_CASE("Messages: a missing catalog folder gives an empty catalog", "[render][messages]") {
    CHECK(MessageCatalog::load(std::filesystem::path(NNTRACE_TEST_SCRATCH) / "does-not-exist").empty());
    CHECK(MessageCatalog::load("").empty());
}

TEST_CASE("Messages: invalid TOML in a catalog is an input error at its line", "[render][messages]") {
    const auto dir = scratch_catalog("broken", "[\"a\"]\nen = \"x\"\nzh = \n");
    try {
        MessageCatalog::load(dir);
        FAIL("no error");
    } catch (const InputError& e) {
        CHECK(e.file() == (dir / "bad.toml").string());
        CHECK(e.line() == 3);
        CHECK(e.column() > 0);
    }
}

TEST_CASE("Messages: an entry that is not a table of strings is an input error", "[render][messages]") {
    const auto dir = scratch_catalog("not-a-table", "\"a\" = \"x\"\n[\"b\"]\nen = 1\n");
    CHECK_THROWS_AS(MessageCatalog::load(dir), InputError);
}

TEST_CASE("Messages: every shipped render template has English and Chinese", "[render][messages]") {
    const MessageCatalog c = shipped();
    for (const char* id : {"render.arithmetic.exact", "render.arithmetic.half_up", "render.arithmetic.truncate",
                           "reason.truncated", "reason.rounded_at_end", "reason.last_digit_unexplained",
                           "reason.rounded_intermediates", "reason.not_computed", "reason.unreadable",
                           "render.label.exact", "render.label.hand", "render.column.round"}) {
        INFO(id);
        const auto en = c.find(id, "en");
        const auto zh = c.find(id, "zh");
        REQUIRE(en);
        REQUIRE(zh);
        CHECK(*en != *zh);
    }
}
