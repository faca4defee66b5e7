#include <catch2/catch.hpp>

#include "user_text.hpp"

using nntrace::markdown_text;
using nntrace::one_line;
using nntrace::printable_output;

TEST_CASE("User text: every kind of line break becomes a space", "[render][user-text]") {
    CHECK(one_line("a\nb\rc\r\nd\ve\ff") == "a b c d e f");
    CHECK(one_line("a\xC2\x85" "b\xE2\x80\xA8" "c\xE2\x80\xA9" "d") == "a b c d");
    CHECK(one_line("权重 w₁") == "权重 w₁");
}

TEST_CASE("User text: Markdown syntax and HTML in user text are literal", "[render][user-text]") {
    CHECK(markdown_text("<b>&</b>") == "&lt;b&gt;&amp;&lt;/b&gt;");
    CHECK(markdown_text("[x](javascript:y) *a* _b_ `c` $d$ #e |f ~g \\h") ==
          "\\[x\\](javascript:y) \\*a\\* \\_b\\_ \\`c\\` \\$d\\$ \\#e \\|f \\~g \\\\h");
    CHECK(markdown_text("line\n# heading") == "line \\# heading");
}

TEST_CASE("User text: only what would start a block is escaped at the start", "[render][user-text]") {
    CHECK(markdown_text("- item") == "\\- item");
    CHECK(markdown_text("+ item") == "\\+ item");
    CHECK(markdown_text("1. item") == "1\\. item");
    CHECK(markdown_text("---") == "\\---");
    CHECK(markdown_text("===") == "\\===");
    CHECK(markdown_text("-0.410") == "-0.410");
    CHECK(markdown_text("0.384") == "0.384");
    CHECK(markdown_text("a - b") == "a - b");
}

TEST_CASE("User text: an output keeps line feeds and tabs, and shows every other control or broken byte", "[render][user-text]") {
    const std::string replacement = "\xEF\xBF\xBD";
    CHECK(printable_output("a\tb\nc") == "a\tb\nc");
    CHECK(printable_output(std::string("a\x1b[0m") + '\0' + "\r") == "a" + replacement + "[0m" + replacement + replacement);
    CHECK(printable_output("\xC3 \xC3\xA9 \xC2\x9B") == replacement + " \xC3\xA9 " + replacement);
}

TEST_CASE("User text: a link target cannot end the link or the line", "[render][user-text]") {
    CHECK(nntrace::link_target("../figures/graph-main.svg") == "../figures/graph-main.svg");
    CHECK(nntrace::link_target("my figs)\n[x](y)/a.svg") == "my%20figs%29%0A[x]%28y%29/a.svg");
    CHECK(nntrace::link_target("图/a.svg") == "图/a.svg");
}
