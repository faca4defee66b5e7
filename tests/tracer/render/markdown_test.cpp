#include <catch2/catch.hpp>

#include "sample_records.hpp"

using namespace nntrace;
using Catch::Matchers::Contains;

TEST_CASE("Markdown: a '|' in a table cell is escaped", "[render][markdown]") {
    Record r = test::linear_record();
    r.strings["test.x"] = {{"en", "|x|"}};
    RenderOptions o = test::options();
    o.table = "descent";
    const std::string md = render(r, Format::md, o);
    CHECK_THAT(md, Contains("| round | \\|x\\| | J |\n| ---: | ---: | ---: |\n| 1 | 0.480000 | 0.230400 |\n"));
}

TEST_CASE("Markdown: headings for the title and the sections", "[render][markdown]") {
    const std::string md = render(test::linear_record(), Format::md, test::options("zh"));
    CHECK(md.rfind("# 线性反向传播\n\n", 0) == 0);
    CHECK_THAT(md, Contains("\n## test.forward\n\n"));  // a title without a template shows its id
}

TEST_CASE("Markdown: steps are list items written as math, names subscripted", "[render][markdown]") {
    Record r = test::linear_record();
    r.sections[0].items = {Step{"l_h1", "l_h1", {test::sym("w_1", 3)}, Num::both(3), std::nullopt}};
    CHECK_THAT(render(r, Format::md, test::options()), Contains("- $l_{h1} = w_{1} = 3$\n"));
}
