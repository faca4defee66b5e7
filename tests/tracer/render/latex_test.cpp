#include <catch2/catch.hpp>

#include "latex_escape.hpp"
#include "sample_records.hpp"

using namespace nntrace;

namespace {

// The descent table (worked example 4) and a table of words with every LaTeX special in it.
Record tables_record() {
    Record r = test::linear_record();
    Table t;
    t.key = "verdicts";
    t.title = Message{"test.v", {}};
    t.columns = {test::column("what", "test.what", std::nullopt), test::column("d", "test.d", 2)};
    t.rows = {{Cell{std::nullopt, Message{"test.special", {}}}, Cell{Num::both(-0.0625), {}}},
              {Cell{std::nullopt, Message{"test.chinese", {}}}, Cell{Num::both(18), {}}}};
    r.strings["test.v"] = {{"en", "50% & more"}};
    r.strings["test.what"] = {{"en", "l_o1"}};
    r.strings["test.d"] = {{"en", "Δ"}};
    r.strings["test.special"] = {{"en", "\\ { } $ & # ^ _ % ~"}};
    r.strings["test.chinese"] = {{"en", "权重"}};
    r.sections.push_back(Section{"v", Message{"test.v", {}}, {t}});
    return r;
}

std::string tex_of(const Record& r, std::optional<std::string> table) {
    RenderOptions o = test::options();
    o.table = std::move(table);
    return render(r, Format::tex, o);
}

}  // namespace

TEST_CASE("LaTeX: every special character is escaped", "[render][latex]") {
    CHECK(latex_escape("\\ { } $ & # ^ _ % ~") ==
          "\\textbackslash{} \\{ \\} \\$ \\& \\# \\textasciicircum{} \\_ \\% \\textasciitilde{}");
    CHECK(latex_escape("a<b>c|d") == "a\\textless{}b\\textgreater{}c\\textbar{}d");
    CHECK(latex_escape("权重 x²") == "权重 x²");  // UTF-8 kept, for xelatex
}

TEST_CASE("LaTeX: a table is a booktabs tabular with numbers right-aligned", "[render][latex]") {
    const std::string tex = tex_of(test::linear_record(), "descent");
    CHECK(tex.find("\\begin{tabular}{rrr}\n  \\toprule\n") != std::string::npos);
    CHECK(tex.find("  \\midrule\n  1 & 0.480000 & 0.230400 \\\\\n") != std::string::npos);
    CHECK(tex.find("  \\bottomrule\n\\end{tabular}\n") != std::string::npos);
    CHECK(tex.find("\\usepackage{booktabs}") != std::string::npos);
}

TEST_CASE("LaTeX: text cells and titles are escaped, minus signs set in math", "[render][latex]") {
    const std::string tex = tex_of(tables_record(), "verdicts");
    CHECK(tex.find("\\begin{tabular}{lr}") != std::string::npos);
    CHECK(tex.find("  l\\_o1 & Δ \\\\\n") != std::string::npos);
    CHECK(tex.find("\\textbackslash{} \\{ \\} \\$ \\& \\# \\textasciicircum{} \\_ \\% \\textasciitilde{} & $-$0.06 \\\\") !=
          std::string::npos);
    CHECK(tex.find("% 50% & more (table \"verdicts\")") != std::string::npos);  // a comment: no escaping needed
}

TEST_CASE("LaTeX: non-ASCII text comes with a note on xelatex and ctex", "[render][latex]") {
    CHECK(tex_of(tables_record(), "verdicts").find("xelatex") != std::string::npos);
    CHECK(tex_of(test::linear_record(), "descent").find("xelatex") != std::string::npos);  // "x²" in the title
}

TEST_CASE("LaTeX: the record's digits decide the decimals", "[render][latex]") {
    Record r = tables_record();
    std::get<Table>(r.sections.back().items[0]).columns[1].decimals.reset();
    r.digits = 3;
    CHECK(tex_of(r, "verdicts").find("$-$0.063") != std::string::npos);
    r.digits = 1;
    CHECK(tex_of(r, "verdicts").find("$-$0.1") != std::string::npos);
}

TEST_CASE("LaTeX: without --table every table is printed, in order", "[render][latex]") {
    const std::string tex = tex_of(tables_record(), std::nullopt);
    CHECK(tex.find("(table \"descent\")") < tex.find("(table \"verdicts\")"));
    CHECK(tex.find("(table \"verdicts\")") != std::string::npos);
}
