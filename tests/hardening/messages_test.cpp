// What a message quotes from the user's file: characters whole, control characters visible,
// nothing cut short; and a number that leaves the doubles named with its place and round.
#include <catch2/catch.hpp>

#include "core/errors.hpp"
#include "core/utf8.hpp"
#include "problem/problem.hpp"

using namespace nntrace;
using Catch::Matchers::Contains;

namespace {

// The message of the InputError that reading and running `toml` throws ("" if none).
std::string error_of(const std::string& toml) {
    try {
        run_problem(parse_problem(toml, "p.toml"), {});
    } catch (const InputError& e) {
        return e.what();
    }
    return "";
}

bool has_raw_control(const std::string& text) {
    for (char c : text) {
        const auto b = static_cast<unsigned char>(c);
        if (b < 0x20 || b == 0x7F) return true;
    }
    return false;
}

const std::string loss_of_w = "[params]\nw = 1\n[nodes]\nL = \"w^2\"\n[loss]\nnode = \"L\"\n";

}  // namespace

TEST_CASE("Messages: a control character or a NUL is shown, never written raw or cutting the message", "[hardening][messages]") {
    const InputError e("p.toml", 1, 2, std::string("saw 'a\x1b[31m") + '\0' + "b' here");
    const std::string what = e.what();
    CHECK_FALSE(has_raw_control(what));
    CHECK(what == "p.toml:1:2: saw 'a\\x1b[31m\\x00b' here");
    CHECK(e.message() == "saw 'a\\x1b[31m\\x00b' here");
}

TEST_CASE("Messages: an unexpected character in an expression is quoted whole", "[hardening][messages]") {
    const std::string what = error_of("[params]\nw = 1\n[nodes]\nL = \"w + \xC3\xA9\"\n[loss]\nnode = \"L\"\n");
    REQUIRE_FALSE(what.empty());
    CHECK_FALSE(first_invalid_utf8(what).has_value());
    CHECK_THAT(what, Contains("'\xC3\xA9'"));
}

TEST_CASE("Messages: a broken UTF-8 byte in a message is shown as its code", "[hardening][messages]") {
    CHECK(visible_text("half \xC3 of it") == "half \\xc3 of it");
    CHECK(visible_text("\xE6\x9D\x8E \xC3\xA9") == "\xE6\x9D\x8E \xC3\xA9");
    CHECK(visible_text("a\nb\x7f\xC2\x85") == "a\\nb\\x7f\\xc2\\x85");
    CHECK(visible_text("\xED\xA0\x80") == "\\xed\\xa0\\x80");  // a surrogate is not UTF-8
}

TEST_CASE("Messages: an overflowing training update names the round and the update", "[hardening][messages]") {
    const std::string what = error_of(loss_of_w + "[train]\nrate = 1e308\nrounds = 3\n");
    INFO(what);
    CHECK_THAT(what, Contains("p.toml:"));
    CHECK_THAT(what, Contains("round 1: the update of w overflows"));
    CHECK_THAT(what, Contains("1 - 1e+308*2"));
    CHECK(what.find("mul of") == std::string::npos);
}

TEST_CASE("Messages: a value that leaves the doubles in a later round names that round", "[hardening][messages]") {
    // w doubles its size each round (w ← w − 1.5·2w = −2w): its square overflows in round 513.
    const std::string what = error_of("[params]\nw = 1e10\n[nodes]\nL = \"w^2\"\n[loss]\nnode = \"L\"\n"
                                      "[train]\nrate = 1.5\nrounds = 2000\n");
    INFO(what);
    CHECK_THAT(what, Contains("in node L in round "));
}

TEST_CASE("Messages: a key given twice is quoted as written", "[hardening][messages]") {
    const std::string quoted = error_of(loss_of_w + "[answers]\n\"dL/dw\" = 1\n\"dL/dw\" = 2\n");
    CHECK_THAT(quoted, Contains("cannot redefine existing integer '\"dL/dw\"'"));
    const std::string bare = error_of("[params]\nw = 1\n  w   = 2\n");
    CHECK_THAT(bare, Contains("p.toml:3:"));
    CHECK_THAT(bare, Contains("'w'"));
}
