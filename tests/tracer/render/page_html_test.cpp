#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>

#include "page_samples.hpp"

using namespace nntrace;
using Catch::Matchers::Contains;

TEST_CASE("HTML page: every user string is escaped", "[render][pages][html]") {
    Record r = test::linear_record();
    r.strings["test.title"] = {{"en", "<script>alert(1)</script>"}};
    const std::string html = render(r, Format::html, test::options());
    CHECK_THAT(html, Contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>"));
    CHECK_THAT(html, !Contains("<script>alert"));
}

TEST_CASE("HTML page: the language is declared, UTF-8", "[render][pages][html]") {
    const std::string html = render(test::linear_record(), Format::html, test::page_options("zh"));
    CHECK_THAT(html, Contains("<html lang=\"zh-CN\">"));
    CHECK_THAT(html, Contains("<meta charset=\"utf-8\">"));
}

TEST_CASE("HTML page: math is left to KaTeX in elements of class math", "[render][pages][html]") {
    const std::string html = render(test::linear_record(), Format::html, test::page_options());
    CHECK_THAT(html, Contains("<span class=\"math\">x = 2 \\cdot w + 3 \\cdot b = 2 \\cdot 3 + 3 \\cdot 4 = 18</span>"));
    CHECK_THAT(html, Contains("<script defer src=\"assets/katex/katex.min.js\"></script>"));
}

TEST_CASE("HTML page: numbers in tables are right-aligned cells", "[render][pages][html]") {
    const std::string html = render(test::linear_record(), Format::html, test::page_options());
    CHECK_THAT(html, Contains("<tr><td class=\"num\">1</td><td class=\"num\">0.480000</td><td class=\"num\">0.230400</td></tr>"));
}

TEST_CASE("HTML page: a comparison row is classed by its verdict", "[render][pages][html]") {
    const std::string html = render(test::compared_record(), Format::html, test::page_options());
    CHECK_THAT(html, Contains("<tr class=\"verdict-matches\">"));
    CHECK_THAT(html, Contains("<tr class=\"verdict-last-digit\">"));
    CHECK_THAT(html, Contains("<tr class=\"verdict-differs\"><td><a href=\"#x\">x | y</a></td>"));
    CHECK_THAT(html, Contains("<span class=\"mark\">✗</span> differs"));
}

TEST_CASE("HTML page: a drawn drawing is an image, another a link to its source", "[render][pages][html]") {
    RenderOptions o = test::page_options();
    o.figures_href = "../figures";
    o.drawn = {"graph-main"};
    const std::string html = render(test::drawn_record(), Format::html, o);
    CHECK_THAT(html, Contains("<img src=\"../figures/graph-main.svg\" alt=\"The graph\">"));
    CHECK_THAT(html, Contains("The descent: <a class=\"source\" href=\"../figures/descent-plot.gp\">gnuplot source</a>"));
}

TEST_CASE("HTML page: a diagram keeps its native size in a scroll box and opens alone on a click",
          "[render][pages][html]") {
    RenderOptions o = test::page_options();
    o.figures_href = "../figures";
    o.drawn = {"graph-main"};
    const std::string html = render(test::drawn_record(), Format::html, o);
    CHECK_THAT(html, Contains("<figure class=\"drawing diagram\""));
    CHECK_THAT(html, Contains("<div class=\"drawing-box\"><a href=\"../figures/graph-main.svg\"><img "));
    std::ifstream css(NNTRACE_SOURCE_HOME "/templates/assets/nntrace.css");
    const std::string style((std::istreambuf_iterator<char>(css)), std::istreambuf_iterator<char>());
    CHECK_THAT(style, Contains("figure.drawing.diagram .drawing-box { overflow-x: auto; }"));
    CHECK_THAT(style, Contains("figure.drawing.diagram img { max-width: none; }"));  // not shrunk to the page
}

TEST_CASE("HTML page: links to the index and to the other language", "[render][pages][html]") {
    PageContext c;
    c.index_href = "../../index.html";
    c.other_lang_href = "../en/index.html";
    const std::string html = render_lesson_page(test::linear_record(), Format::html, test::page_options("zh"), c);
    CHECK_THAT(html, Contains("<a href=\"../../index.html\">← 课程目录</a>"));
    CHECK_THAT(html, Contains("<a class=\"other-lang\" href=\"../en/index.html\" hreflang=\"en\" lang=\"en\">English</a>"));
}

TEST_CASE("HTML page: the explanation's Markdown becomes escaped HTML", "[render][pages][html]") {
    PageContext c;
    c.explanation = "# T\n\n## Why\n\nA **bold** <b>claim</b> and $x^2$.\n\n- one\n- two\n";
    const std::string html = render_lesson_page(test::linear_record(), Format::html, test::page_options(), c);
    CHECK_THAT(html, Contains("<h3>Why</h3>"));
    CHECK_THAT(html, Contains("<p>A <strong>bold</strong> &lt;b&gt;claim&lt;/b&gt; and <span class=\"math\">x^2</span>.</p>"));
    CHECK_THAT(html, Contains("<ul><li>one</li><li>two</li></ul>"));
}

TEST_CASE("HTML page: the course index links every lesson in both languages", "[render][pages][html]") {
    const std::vector<CourseLesson> lessons{{"linear", {{"en", "Linear"}, {"zh", "线性"}}, {{"en", "Moves w & b"}}}};
    const std::string html = render_course_index(lessons, Format::html, test::page_options());
    CHECK_THAT(html, Contains("<a class=\"lesson-title\" href=\"linear/zh/index.html\">线性</a>"));
    CHECK_THAT(html, Contains("Moves w &amp; b"));
    CHECK_THAT(html, Contains("<a href=\"linear/record.json\">"));
}

TEST_CASE("HTML page: a note in the lesson's words typesets its $…$ formulas", "[render][pages][html]") {
    const std::string html = render(test::noted_record(), Format::html, test::page_options());
    CHECK_THAT(html, Contains("a unit <span class=\"math\">h_j = s(z_j)</span> each</p>"));
}

TEST_CASE("HTML page: a note that carries user text sets no math from it", "[render][pages][html]") {
    const std::string html = render(test::noted_record(), Format::html, test::page_options());
    CHECK_THAT(html, Contains("named $a$ &lt;b&gt;*x*</p>"));
    CHECK_THAT(html, Contains("title $t$</p>"));  // a warning may quote a user's title
}

TEST_CASE("HTML page: small multiples are classed to stand two to a row", "[render][pages][html]") {
    Record r = test::linear_record();
    for (int i = 0; i < 3; ++i) {
        Plot p;
        p.key = "valley/" + std::to_string(i);
        p.title = Message{"test.valley", {}};
        r.sections[0].items.push_back(p);
    }
    r.strings["test.valley"] = {{"en", "A valley"}};
    const std::string html = render(r, Format::html, test::page_options());
    std::size_t count = 0;
    for (auto at = html.find("small-multiple"); at != std::string::npos; at = html.find("small-multiple", at + 1)) ++count;
    CHECK(count == 3);
    CHECK_THAT(html, Contains("<figure class=\"drawing small-multiple\" id=\"valley-0\">"));
}
