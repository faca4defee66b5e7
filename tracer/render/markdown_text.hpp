// The Markdown that lesson authors write in explanation.<lang>.md, read into blocks of spans:
// paragraphs, headings, bullet and numbered lists, $$…$$ display math, fenced code; spans of
// text, **strong**, *emphasis*, `code` and $…$ math. Nothing else is markup, so a page built
// from these blocks (through an escaping template) cannot carry HTML from the text.
#pragma once

#include <string>
#include <vector>

namespace nntrace {

struct Span {
    enum class Kind { text, strong, emphasis, code, math };
    Kind kind = Kind::text;
    std::string text;  // as written, unescaped; math: the TeX between the dollars
};
using Spans = std::vector<Span>;

struct Block {
    enum class Kind { paragraph, heading, bullets, numbered, math, code };
    Kind kind = Kind::paragraph;
    int level = 0;             // heading: 1 for '#'
    std::vector<Spans> lines;  // a list: one per item; math and code: one text span
};

std::vector<Block> parse_markdown(const std::string& text);

// The spans of one line of text.
Spans parse_spans(const std::string& text);

// Text with formulas in $…$ and no other markup: text and math spans ("*" and "`" stay text).
Spans math_spans(const std::string& text);

// The explanation as it goes into a page: a leading level-1 heading (the lesson's title, which
// the page already shows) is dropped and the other headings move so that the explanation's
// '##' becomes a heading of level `level` (3: below the page's own '##').
std::string nest_markdown(const std::string& text, int level);
std::vector<Block> nest_blocks(std::vector<Block> blocks, int level);

}  // namespace nntrace
