#include <limits>

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

TEST_CASE("LaTeX: numbers stand in siunitx S columns as wide as their widest number", "[render][latex]") {
    const std::string tex = tex_of(test::linear_record(), "descent");
    // round 1..4 (no decimals), x and J at the column's 6 decimals, all below 10 and positive.
    CHECK(tex.find("\\begin{tabular}{S[table-format=1, group-digits=none]S[table-format=1.6, group-digits=none]"
                   "S[table-format=1.6, group-digits=none]}\n  \\toprule\n") != std::string::npos);
    CHECK(tex.find("  \\midrule\n  1 & 0.480000 & 0.230400 \\\\\n") != std::string::npos);
    CHECK(tex.find("  \\bottomrule\n\\end{tabular}\n") != std::string::npos);
}

TEST_CASE("LaTeX: an S column makes room for the sign and braces its title", "[render][latex]") {
    const std::string tex = tex_of(tables_record(), "verdicts");
    // -0.0625 and 18 at 2 decimals: a sign, two integer digits, two decimals.
    CHECK(tex.find("\\begin{tabular}{lS[table-format=-2.2, group-digits=none]}") != std::string::npos);
    CHECK(tex.find("  $l_{o1}$ & {$\\Delta$} \\\\\n") != std::string::npos);
}

TEST_CASE("LaTeX: text cells are escaped, numbers keep an ASCII minus for siunitx", "[render][latex]") {
    const std::string tex = tex_of(tables_record(), "verdicts");
    CHECK(tex.find("\\textbackslash{} \\{ \\} \\$ \\& \\# \\textasciicircum{} \\_ \\% \\textasciitilde{} & -0.06 \\\\") !=
          std::string::npos);
    CHECK(tex.find("% 50% & more (table \"verdicts\")") != std::string::npos);  // a comment: no escaping needed
}

TEST_CASE("LaTeX: a number siunitx cannot read is set in braces", "[render][latex]") {
    Record r = tables_record();
    std::get<Table>(r.sections.back().items[0]).rows[1][1] = Cell{Num::both(-std::numeric_limits<double>::infinity()), {}};
    CHECK(tex_of(r, "verdicts").find("  权重 & {$-\\infty$} \\\\\n") != std::string::npos);
}

TEST_CASE("LaTeX: Chinese text makes the note ask for xelatex and ctex", "[render][latex]") {
    const std::string tex = tex_of(tables_record(), "verdicts");
    CHECK(tex.find("\\usepackage{booktabs,siunitx,ctex}") != std::string::npos);
    CHECK(tex.find("compile with xelatex") != std::string::npos);
    CHECK(tex.find("pdflatex") == std::string::npos);
}

TEST_CASE("LaTeX: English tables are for pdflatex too, whatever their titles hold", "[render][latex]") {
    const std::string tex = tex_of(test::linear_record(), "descent");  // "x²" in the title comment
    CHECK(tex.find("\\usepackage{booktabs,siunitx}") != std::string::npos);
    CHECK(tex.find("Compile with pdflatex or xelatex.") != std::string::npos);
}

TEST_CASE("LaTeX: the note asks for siunitx only where a column holds numbers", "[render][latex]") {
    Record r = tables_record();
    auto& t = std::get<Table>(r.sections.back().items[0]);
    t.columns.pop_back();
    for (auto& row : t.rows) row.pop_back();
    const std::string tex = tex_of(r, "verdicts");
    CHECK(tex.find("\\begin{tabular}{l}") != std::string::npos);
    CHECK(tex.find("\\usepackage{booktabs,ctex}") != std::string::npos);
}

TEST_CASE("LaTeX: the note asks for amsmath where a name needs \\operatorname", "[render][latex]") {
    Record r = tables_record();
    r.strings["test.what"] = {{"en", "relu(z)"}};
    const std::string tex = tex_of(r, "verdicts");
    CHECK(tex.find("$\\operatorname{ReLU}(z)$") != std::string::npos);
    CHECK(tex.find("\\usepackage{booktabs,siunitx,amsmath,ctex}") != std::string::npos);
}

TEST_CASE("LaTeX: the record's digits decide the decimals", "[render][latex]") {
    Record r = tables_record();
    std::get<Table>(r.sections.back().items[0]).columns[1].decimals.reset();
    r.digits = 3;
    CHECK(tex_of(r, "verdicts").find("-0.063") != std::string::npos);
    r.digits = 1;
    CHECK(tex_of(r, "verdicts").find("-0.1 \\\\") != std::string::npos);
}

TEST_CASE("LaTeX: without --table every table is printed, in order", "[render][latex]") {
    const std::string tex = tex_of(tables_record(), std::nullopt);
    CHECK(tex.find("(table \"descent\")") < tex.find("(table \"verdicts\")"));
    CHECK(tex.find("(table \"verdicts\")") != std::string::npos);
}
