#include <catch2/catch.hpp>

#include "drawings.hpp"
#include "gnuplot_plot.hpp"

using namespace nntrace;

namespace {

// J(x) = x² sampled, and the descent x ← x − 0.3·2x from 1.2 (worked example 4), computed here
// as the engine would record them.
Plot descent_plot() {
    Series curve{Series::Kind::line, "J(x) = x²", {}, {}, {}};
    for (int i = -4; i <= 4; ++i) {
        const double x = 0.3 * i;
        curve.x.push_back(x);
        curve.y.push_back(x * x);
    }
    Series path{Series::Kind::path, "x_k \"descent\"", {}, {}, {}};
    for (double x = 1.2; path.x.size() < 3; x -= 0.3 * 2 * x) {
        path.x.push_back(x);
        path.y.push_back(x * x);
    }
    return Plot{"descent/path", Message{"t", {}}, "x", "J(x)", {curve, path}};
}

// z = x² + y² on a 3 × 2 grid: z[j·3 + i] at (x[i], y[j]).
Series bowl() {
    Series g{Series::Kind::grid, "J", {-1, 0, 1}, {0, 2}, {}};
    for (double y : g.y)
        for (double x : g.x) g.z.push_back(x * x + y * y);
    return g;
}

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("gnuplot: strings escape quotes and backslashes", "[render][gnuplot]") {
    CHECK(gnuplot_string("say \"hi\" \\ now", PlotFormat::svg) == "\"say \\\"hi\\\" \\\\ now\"");
    CHECK(gnuplot_string("l_o1^2 @ & ~ {x}", PlotFormat::svg) == "\"l_o1^2 @ & ~ {x}\"");  // noenhanced
    CHECK(gnuplot_string("two\nlines", PlotFormat::png) == "\"two lines\"");
}

TEST_CASE("gnuplot: tikz labels are LaTeX-escaped, then quoted", "[render][gnuplot]") {
    CHECK(gnuplot_string("l_o1 50%", PlotFormat::tikz) == "\"l\\\\_o1 50\\\\%\"");
}

TEST_CASE("gnuplot: the script turns enhanced text off and styles at the top", "[render][gnuplot]") {
    const std::string gp = gnuplot_script(descent_plot(), "descent-path", PlotFormat::svg);
    CHECK(gp.find("set terminal svg") != std::string::npos);
    CHECK(gp.find("noenhanced") != std::string::npos);
    CHECK(gp.find("output_file = \"descent-path.svg\"") != std::string::npos);
    CHECK(gp.find("data_file = \"descent-path.dat\"") != std::string::npos);
    CHECK(gp.find("colour_2 = ") < gp.find("\nplot "));
    CHECK(gp.find("title \"x_k \\\"descent\\\"\"") != std::string::npos);
}

TEST_CASE("gnuplot: each format writes its own picture", "[render][gnuplot]") {
    CHECK(gnuplot_script(descent_plot(), "p", PlotFormat::png).find("pngcairo") != std::string::npos);
    CHECK(gnuplot_script(descent_plot(), "p", PlotFormat::png).find("\"p.png\"") != std::string::npos);
    CHECK(gnuplot_script(descent_plot(), "p", PlotFormat::tikz).find("set terminal tikz") != std::string::npos);
    CHECK(gnuplot_script(descent_plot(), "p", PlotFormat::tikz).find("\"p.tex\"") != std::string::npos);
}

TEST_CASE("gnuplot: one data block per series, two blank lines apart", "[render][gnuplot]") {
    const std::string dat = gnuplot_data(descent_plot());
    CHECK(count(dat, "\n\n\n") == 1);
    CHECK(dat.find("# index 0: series 1 (line)") != std::string::npos);
    CHECK(dat.find("# index 1: series 2 (path)") != std::string::npos);
    const std::string gp = gnuplot_script(descent_plot(), "p", PlotFormat::svg);
    CHECK(gp.find("index 0 using 1:2 title \"J(x) = x²\" with lines") != std::string::npos);
    CHECK(gp.find("index 1 using 1:2:($3-$1):($4-$2) notitle with vectors") != std::string::npos);
}

TEST_CASE("gnuplot: a path row carries the next point; the last has none", "[render][gnuplot]") {
    const std::string dat = gnuplot_data(descent_plot());
    // 1.2 → 0.48 → 0.192, full precision (shortest round trip).
    CHECK(dat.find("\n1.2 1.44 0.48 0.2304 0\n") != std::string::npos);
    CHECK(dat.find(" NaN NaN 2\n") != std::string::npos);
}

TEST_CASE("gnuplot: numbers in the data keep full precision", "[render][gnuplot]") {
    Plot p{"p", Message{"t", {}}, "x", "y", {Series{Series::Kind::points, "s", {0.1 + 0.2}, {1.0 / 3}, {}}}};
    const std::string dat = gnuplot_data(p);
    CHECK(dat.find("\n0.30000000000000004 0.3333333333333333 0\n") != std::string::npos);
}

TEST_CASE("gnuplot: a grid becomes contour lines over a map view", "[render][gnuplot]") {
    Plot p{"bowl", Message{"t", {}}, "x", "y", {bowl()}};
    const std::string gp = gnuplot_script(p, "bowl", PlotFormat::svg);
    CHECK(gp.find("set contour base") != std::string::npos);
    CHECK(gp.find("unset surface") != std::string::npos);
    CHECK(gp.find("set view map") != std::string::npos);
    CHECK(gp.find("splot data_file index 0 using 1:2:3") != std::string::npos);
    // One scan per y, separated by a single blank line.
    CHECK(gnuplot_data(p).find("-1 0 1\n0 0 0\n1 0 1\n\n-1 2 5\n0 2 4\n1 2 5\n") != std::string::npos);
}

TEST_CASE("gnuplot: a grid with the wrong number of values is left out, not guessed", "[render][gnuplot]") {
    Series g = bowl();
    g.z.pop_back();
    Plot p{"bad", Message{"t", {}}, "x", "y", {g}};
    CHECK(gnuplot_script(p, "bad", PlotFormat::svg).find("is left out") != std::string::npos);
    CHECK(gnuplot_data(p).find("index 0") == std::string::npos);
}

TEST_CASE("Drawings: a plot becomes a script and its data file", "[render][drawings]") {
    Record r;
    r.sections.push_back(Section{"s", Message{"t", {}}, {descent_plot()}});
    const auto sources = drawing_sources(r, PlotFormat::svg);
    REQUIRE(sources.size() == 1);
    CHECK(sources[0].tool == DrawingSource::Tool::gnuplot);
    CHECK(sources[0].stem == "descent-path");
    CHECK(!sources[0].data.empty());
    CHECK(sources[0].script == drawing_sources(r, PlotFormat::svg)[0].script);
}

TEST_CASE("gnuplot: a legend with a value reads label = value, trailing zeros dropped", "[render][gnuplot]") {
    Series s{Series::Kind::line, "η", {0, 1}, {1, 2}, {}};
    s.label_value = Arg{"", Num::both(1.10), -6};
    Series unnamed{Series::Kind::line, "", {0, 1}, {0, 0}, {}};
    Plot p{"rates", Message{"t", {}}, "k", "x", {s, unnamed}};
    const std::string gp = gnuplot_script(p, "rates", PlotFormat::svg);
    CHECK(gp.find("title \"η = 1.1\"") != std::string::npos);
    CHECK(gp.find("index 1 using 1:2 notitle") != std::string::npos);
}

TEST_CASE("gnuplot: point labels are the record's marks, formatted, and only where given", "[render][gnuplot]") {
    Plot p = descent_plot();
    Series& path = p.series[1];
    path.marks = {Arg{"", Num::both(1), 0}, Arg{}, Arg{"x3", std::nullopt}};
    const std::string gp = gnuplot_script(p, "p", PlotFormat::svg);
    CHECK(gp.find("set label \"1\" at 1.2,1.44") != std::string::npos);
    CHECK(gp.find("set label \"x3\" at ") != std::string::npos);
    CHECK(count(gp, "set label ") == 2);
    CHECK(gp.find("with labels") == std::string::npos);  // no series index printed beside points
}

TEST_CASE("gnuplot: contour levels are the record's, each value written where the lesson put it", "[render][gnuplot]") {
    Series g = bowl();
    g.levels = {{Arg{"", Num::both(0.5), -6}, std::make_pair(0.7, 0.0)}, {Arg{"", Num::both(2), -6}, std::nullopt}};
    Plot p{"bowl", Message{"t", {}}, "x", "y", {g}};
    const std::string gp = gnuplot_script(p, "bowl", PlotFormat::svg);
    CHECK(gp.find("set cntrparam levels discrete 0.5,2\n") != std::string::npos);
    CHECK(gp.find("set label \"0.5\" at 0.7,0 center front boxed") != std::string::npos);
    CHECK(gp.find("set label \"2\"") == std::string::npos);
}

TEST_CASE("gnuplot: the frame, equal scales and whole-number ticks are the plot's", "[render][gnuplot]") {
    Plot p = descent_plot();
    p.x_range = std::make_pair(-0.5, 3.5);
    p.y_range = std::make_pair(-1.0, 2.0);
    p.equal_scales = true;
    p.integer_x = true;
    const std::string gp = gnuplot_script(p, "p", PlotFormat::svg);
    CHECK(gp.find("set xrange [-0.5:3.5]\n") != std::string::npos);
    CHECK(gp.find("set yrange [-1:2]\n") != std::string::npos);
    CHECK(gp.find("set size ratio -1") != std::string::npos);
    CHECK(gp.find("set xtics 1 ") != std::string::npos);
    CHECK(gnuplot_script(descent_plot(), "p", PlotFormat::svg).find("set size ratio") == std::string::npos);
}

TEST_CASE("gnuplot: a line's positive side is an arrow in its colour; a dashed line is dashed", "[render][gnuplot]") {
    Series line{Series::Kind::line, "w", {0, 2}, {0, 0}, {}};
    line.side_arrow = std::array<double, 4>{1, 0, 1, 0.25};
    line.dashed = true;
    Plot p{"l", Message{"t", {}}, "x", "y", {line}};
    const std::string gp = gnuplot_script(p, "l", PlotFormat::svg);
    CHECK(gp.find("set arrow from 1,0 to 1,0.25 ") != std::string::npos);
    CHECK(gp.find("lc rgb colour_1 front") != std::string::npos);
    CHECK(gp.find("with lines lw line_width dt 2") != std::string::npos);
}

TEST_CASE("gnuplot: a series can keep its colour from another plot", "[render][gnuplot]") {
    Series a{Series::Kind::line, "a", {0, 1}, {0, 1}, {}};
    Series b = a;
    b.colour = 0;  // drawn like the first series of another plot
    Plot p{"c", Message{"t", {}}, "x", "y", {a, b}};
    const std::string gp = gnuplot_script(p, "c", PlotFormat::svg);
    const auto colour_of = [&](const std::string& name) {
        const auto at = gp.find(name + " = \"");
        return gp.substr(at + name.size() + 4, 7);
    };
    CHECK(colour_of("colour_2") == colour_of("colour_1"));
}

TEST_CASE("gnuplot: the legend stands outside the frame, narrowed for superscripts", "[render][gnuplot]") {
    Series s{Series::Kind::line, "w⁽⁴⁾, b⁽⁴⁾", {0, 1}, {0, 1}, {}};
    Plot p{"k", Message{"t", {}}, "x", "y", {s}};
    CHECK(gnuplot_script(p, "k", PlotFormat::svg).find("set key outside right top Left box opaque width -4\n") != std::string::npos);
    CHECK(gnuplot_script(descent_plot(), "p", PlotFormat::svg).find("set key outside right top Left box opaque\n") !=
          std::string::npos);
}

TEST_CASE("gnuplot: a wide frame at equal scales gets a lower picture, not a band of white", "[render][gnuplot]") {
    const auto height = [](double w, double h) {
        Plot p = descent_plot();
        p.x_range = std::make_pair(0.0, w);
        p.y_range = std::make_pair(0.0, h);
        p.equal_scales = true;
        const std::string gp = gnuplot_script(p, "p", PlotFormat::svg);
        const auto at = gp.find("set terminal svg size 800,") + std::string("set terminal svg size 800,").size();
        return std::stoi(gp.substr(at));
    };
    CHECK(height(4, 2) < 600);
    CHECK(height(4, 2) > height(4, 1));
    CHECK(height(3, 5) == 600);
    CHECK(gnuplot_script(descent_plot(), "p", PlotFormat::svg).find("size 800,600") != std::string::npos);
}

namespace {

Section plots_titled(const std::vector<std::string>& title_ids) {
    Section s{"runs", Message{"t", {}}, {}};
    for (std::size_t i = 0; i < title_ids.size(); ++i) {
        Plot p = descent_plot();
        p.key = "runs/" + std::to_string(i);
        p.title = Message{title_ids[i], {}};
        s.items.emplace_back(std::move(p));
    }
    return s;
}

}  // namespace

TEST_CASE("Small multiples: three plots in a row with one title message", "[render][gnuplot][drawings]") {
    CHECK(small_multiples(plots_titled({"rates", "valley", "valley", "valley"})) ==
          std::vector<bool>{false, true, true, true});
    // Two alike are a pair, not a row of small multiples; a table between breaks the run.
    CHECK(small_multiples(plots_titled({"valley", "valley", "rates"})) == std::vector<bool>{false, false, false});
    Section broken = plots_titled({"valley", "valley", "valley"});
    broken.items.insert(broken.items.begin() + 1, Table{"t", Message{"t", {}}, {}, {}});
    CHECK(small_multiples(broken) == std::vector<bool>{false, false, false, false});
}

TEST_CASE("Small multiples: drawn about half as wide, with the same font and the legend inside", "[render][gnuplot]") {
    const std::string wide = gnuplot_script(descent_plot(), "p", PlotFormat::svg, 4, false);
    const std::string small = gnuplot_script(descent_plot(), "p", PlotFormat::svg, 4, true);
    CHECK(wide.find("set terminal svg size 800,600 dynamic noenhanced font \"Helvetica,14\"") != std::string::npos);
    CHECK(small.find("set terminal svg size 440,330 dynamic noenhanced font \"Helvetica,14\"") != std::string::npos);
    CHECK(wide.find("set key outside right top") != std::string::npos);
    CHECK(small.find("set key inside center top") != std::string::npos);
}
