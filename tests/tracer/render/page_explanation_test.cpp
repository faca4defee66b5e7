#include <catch2/catch.hpp>

#include "markdown_text.hpp"

using namespace nntrace;

TEST_CASE("Explanation: paragraphs join their lines and end at a blank line", "[render][pages][explanation]") {
    const auto blocks = parse_markdown("one\ntwo\n\nthree\n");
    REQUIRE(blocks.size() == 2);
    CHECK(blocks[0].lines[0][0].text == "one two");
    CHECK(blocks[1].lines[0][0].text == "three");
}

TEST_CASE("Explanation: list items continue on indented lines", "[render][pages][explanation]") {
    const auto blocks = parse_markdown("- a\n  b\n- c\n\n1. d\n");
    REQUIRE(blocks.size() == 2);
    CHECK(blocks[0].kind == Block::Kind::bullets);
    REQUIRE(blocks[0].lines.size() == 2);
    CHECK(blocks[0].lines[0][0].text == "a b");
    CHECK(blocks[1].kind == Block::Kind::numbered);
}

TEST_CASE("Explanation: strong, emphasis, code and math spans", "[render][pages][explanation]") {
    const Spans s = parse_spans("**A** *b* `c` $d_1$");
    REQUIRE(s.size() == 7);
    CHECK(s[0].kind == Span::Kind::strong);
    CHECK(s[2].kind == Span::Kind::emphasis);
    CHECK(s[4].kind == Span::Kind::code);
    CHECK(s[6].kind == Span::Kind::math);
    CHECK(s[6].text == "d_1");
}

TEST_CASE("Explanation: names with underscores and a lone '*' stay text", "[render][pages][explanation]") {
    const Spans s = parse_spans("out_h1 and l_o1, 2 * 3 * 4");
    REQUIRE(s.size() == 1);
    CHECK(s[0].text == "out_h1 and l_o1, 2 * 3 * 4");
}

TEST_CASE("Explanation: display math spans lines", "[render][pages][explanation]") {
    const auto blocks = parse_markdown("$$\nz = x\n  y\n$$\n");
    REQUIRE(blocks.size() == 1);
    CHECK(blocks[0].kind == Block::Kind::math);
    CHECK(blocks[0].lines[0][0].text == "z = x\ny");
}

TEST_CASE("Explanation: nested below a page heading, the title goes", "[render][pages][explanation]") {
    CHECK(nest_markdown("# Title\n\n## Part\n\ntext\n", 3) == "### Part\n\ntext\n");
}

TEST_CASE("Explanation: a wrapped Chinese paragraph joins without a space", "[render][pages]") {
    const auto blocks = nntrace::parse_markdown("输出层有两个神经\n元，各自接收输入。\nThen English\ntext.");
    REQUIRE(blocks.size() == 1);
    std::string text;
    for (const auto& span : blocks[0].lines.at(0)) text += span.text;
    CHECK(text == "输出层有两个神经元，各自接收输入。 Then English text.");
}
