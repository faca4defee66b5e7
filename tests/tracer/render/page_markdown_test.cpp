#include <catch2/catch.hpp>

#include "page_samples.hpp"

using namespace nntrace;
using Catch::Matchers::Contains;

TEST_CASE("Markdown page: a step is its formula, the numbers in it and its value, as math", "[render][pages][markdown]") {
    const std::string md = render(test::linear_record(), Format::md, test::page_options());
    CHECK_THAT(md, Contains("- $x = 2 \\cdot w + 3 \\cdot b = 2 \\cdot 3 + 3 \\cdot 4 = 18$\n"));
}

TEST_CASE("Markdown page: a hand value is followed by the exact one", "[render][pages][markdown]") {
    const std::string md = render(test::hand_record(), Format::md, test::page_options());
    CHECK_THAT(md, Contains("- $a = h \\cdot h = 0.85 \\cdot 0.85 = 0.723$ (exact 0.7225)\n"));
}

TEST_CASE("Markdown page: a chain-rule line that opens the chain is its local derivative", "[render][pages][markdown]") {
    const std::string md = render(test::linear_record(), Format::md, test::page_options());
    CHECK_THAT(md, Contains("- $\\frac{\\partial z}{\\partial x} = y = 9$ "
                            "(rule: $\\frac{\\partial (u \\cdot v)}{\\partial u} = v$)\n"));
    CHECK(md.find("\\frac{\\partial z}{\\partial z}") == std::string::npos);  // no ∂z/∂z = 1
}

TEST_CASE("Markdown page: a path's share of a sum is named 'via', the sum keeps the name", "[render][pages][markdown]") {
    Record r = test::linear_record();
    r.sections[1].items.insert(r.sections[1].items.begin() + 1, test::chain_z_b_via_y());
    const std::string md = render(r, Format::md, test::page_options());
    CHECK_THAT(md, Contains("- via y: $\\frac{\\partial z}{\\partial y} \\cdot \\frac{\\partial y}{\\partial b} = "
                            "18 \\cdot 2 = 36$"));
    CHECK(md.find("\\frac{\\partial z}{\\partial b} = \\frac{\\partial z}{\\partial y}") == std::string::npos);
}

TEST_CASE("Markdown page: an update puts a negative gradient in parentheses", "[render][pages][markdown]") {
    const std::string md = render(test::linear_record(), Format::md, test::page_options());
    CHECK_THAT(md, Contains("$w_{7} \\leftarrow w_{7} - \\eta \\cdot \\frac{\\partial L}{\\partial w_{7}} = "
                            "0.7 - 0.5 \\cdot (-0.41) = 0.9050$"));
}

TEST_CASE("Markdown page: a sum of paths adds every product", "[render][pages][markdown]") {
    const std::string md = render(test::linear_record(), Format::md, test::page_options());
    CHECK_THAT(md, Contains("$\\frac{\\partial z}{\\partial b} = \\frac{\\partial z}{\\partial x}\\frac{\\partial x}"
                            "{\\partial b} + \\frac{\\partial z}{\\partial y}\\frac{\\partial y}{\\partial b} = 27 + 36 = 63$"));
}

TEST_CASE("Markdown page: '<' and '&' in text are entities, which Markdown shows as written", "[render][pages][markdown]") {
    // Markdown passes HTML through: a raw "<" could open a tag (issue 14, item 17).
    Record r = test::linear_record();
    r.strings["test.title"] = {{"en", "a < b & c"}};
    CHECK(render(r, Format::md, test::page_options()).rfind("# a &lt; b &amp; c\n", 0) == 0);
}

TEST_CASE("Markdown page: a '|' in a comparison cell is escaped", "[render][pages][markdown]") {
    const std::string md = render(test::compared_record(), Format::md, test::page_options());
    CHECK_THAT(md, Contains("| x \\| y | 17 | 18 | ✗ differs |  |\n"));
    CHECK_THAT(md, Contains("| x (rounded) | 18.1 | 18.0 | ≈ last digit | neither cutting off"));
}

TEST_CASE("Markdown page: the setup names the convention and the parameters", "[render][pages][markdown]") {
    const std::string md = render(test::linear_record(), Format::md, test::page_options("zh"));
    CHECK_THAT(md, Contains("## 设定与约定\n\n- 精确计算，结果显示到小数点后 4 位\n- 参数：$b = 4$, $w = 3$\n"));
}

TEST_CASE("Markdown page: a drawing not drawn links to its source", "[render][pages][markdown]") {
    const std::string md = render(test::drawn_record(), Format::md, test::page_options());
    CHECK_THAT(md, Contains("*The graph*: [Graphviz source](figures/graph-main.dot)"));
    CHECK_THAT(md, Contains("*The descent*: [gnuplot source](figures/descent-plot.gp)"));
}

TEST_CASE("Markdown page: a drawn drawing is an image", "[render][pages][markdown]") {
    RenderOptions o = test::page_options();
    o.figures_href = "../figures";
    o.drawn = {"graph-main"};
    CHECK_THAT(render(test::drawn_record(), Format::md, o), Contains("![The graph](../figures/graph-main.svg)"));
}

TEST_CASE("Markdown page: the course page carries links and the explanation", "[render][pages][markdown]") {
    PageContext c;
    c.explanation = "# Title\n\n## The question\n\nWhy *z*?\n";
    c.index_href = "../../README.md";
    c.other_lang_href = "../zh/index.md";
    const std::string md = render_lesson_page(test::linear_record(), Format::md, test::page_options(), c);
    CHECK_THAT(md, Contains("[Course index](../../README.md) · [中文](../zh/index.md)\n"));
    CHECK_THAT(md, Contains("## The lesson in words\n\n### The question\n\nWhy *z*?\n"));
}

TEST_CASE("Markdown page: --table renders that table alone", "[render][pages][markdown]") {
    RenderOptions o = test::page_options();
    o.table = "descent";
    CHECK(render(test::linear_record(), Format::md, o) ==
          "**Descent on J = x²**\n\n| round | x | J |\n| ---: | ---: | ---: |\n| 1 | 0.480000 | 0.230400 |\n"
          "| 2 | 0.192000 | 0.036864 |\n| 3 | 0.076800 | 0.005898 |\n| 4 | 0.030720 | 0.000944 |\n");
}

TEST_CASE("Markdown page: the parameters are listed in natural order, w2 before w10", "[render][pages][markdown]") {
    Record r = test::linear_record();
    r.parameters.clear();
    for (const char* name : {"w10", "w2", "w1", "b"}) r.parameters[name] = Num::both(1);
    const std::string md = render(r, Format::md, test::page_options());
    CHECK_THAT(md, Contains("$b = 1$, $w_{1} = 1$, $w_{2} = 1$, $w_{10} = 1$"));
}

TEST_CASE("Markdown page: a step that computes its name from its old value is an update, with ←", "[render][pages][markdown]") {
    Record r = test::linear_record();
    r.sections[0].items.push_back(Step{"move", "x", {{"x", Num::both(1)}, {" - ", {}}, {"eta", Num::both(0.5)}}, Num::both(0.5), {}});
    const std::string md = render(r, Format::md, test::page_options());
    CHECK_THAT(md, Contains("- $x \\leftarrow x - \\eta = 1 - 0.5 = 0.5"));
    CHECK(md.find("$x = x -") == std::string::npos);
}

namespace {
// A table with a column of whole numbers and a column with a fraction.
Table whole_and_fraction_table() {
    Table t{"mixed", Message{"test.tables", {}}, {Column{"w", Message{"test.tables", {}}, std::nullopt},
                                                  Column{"a", Message{"test.tables", {}}, std::nullopt}}, {}};
    t.rows.push_back({Cell{Num::both(2), std::nullopt}, Cell{Num::both(0.5), std::nullopt}});
    t.rows.push_back({Cell{Num::both(-3), std::nullopt}, Cell{Num::both(1), std::nullopt}});
    return t;
}
}  // namespace

TEST_CASE("Markdown page: in exact arithmetic a column of whole numbers shows integers", "[render][pages][markdown]") {
    Record r = test::linear_record();
    r.arithmetic = Arithmetic::exact();
    r.digits = 6;
    r.sections[0].items.push_back(whole_and_fraction_table());
    const std::string md = render(r, Format::md, test::page_options());
    CHECK_THAT(md, Contains("| 2 | 0.500000 |\n| −3 | 1.000000 |"));
}

TEST_CASE("Markdown page: a hand calculation keeps every decimal of a whole number", "[render][pages][markdown]") {
    Record r = test::hand_record();
    r.sections[0].items.push_back(whole_and_fraction_table());
    const std::string md = render(r, Format::md, test::page_options());
    CHECK(md.find("| 2 | ") == std::string::npos);
}

TEST_CASE("Markdown page: the course index writes each language's colon after a title", "[render][pages][markdown]") {
    const std::vector<CourseLesson> lessons{{"linear", {{"en", "Linear"}, {"zh", "线性"}}, {{"en", "Moves w"}, {"zh", "移动 w"}}}};
    const std::string md = render_course_index(lessons, Format::md, test::page_options());
    CHECK_THAT(md, Contains("- **线性**：移动 w"));
    CHECK_THAT(md, Contains("- **Linear**: Moves w"));
}

TEST_CASE("Markdown page: a note in the lesson's words keeps its $…$ formulas as math", "[render][pages][markdown]") {
    const std::string md = render(test::noted_record(), Format::md, test::page_options());
    CHECK_THAT(md, Contains("a unit $h_j = s(z_j)$ each\n"));
    // User text is escaped as every other value: its dollars open no formula.
    CHECK_THAT(md, !Contains("named $a$"));
}
