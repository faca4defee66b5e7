// A plot as a gnuplot script and its data file, for a teacher to restyle: the script names its
// terminal, size, font and colours at the top and then reads the data; the data file holds
// only the record's numbers, one block per series.
#include "gnuplot_plot.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

#include "core/double_chars.hpp"
#include "latex_escape.hpp"
#include "number_format.hpp"
#include "user_text.hpp"

namespace nntrace {
namespace {

// The Okabe–Ito palette: told apart by colour-blind readers and on a projector; then a grey for
// the eighth series (a reference line after seven runs).
constexpr std::array<const char*, 8> palette = {"#0072b2", "#d55e00", "#009e73", "#cc79a7",
                                                "#e69f00", "#56b4e9", "#000000", "#888888"};

// A number in the data file. These are data, not display: the shortest text that reads back as
// the same double (shortest_text), so that the plot shows exactly the engine's numbers and a
// teacher who reuses the file loses nothing. A value that is not a number is written NaN, which
// gnuplot treats as missing.
std::string data_number(double v) {
    if (!std::isfinite(v)) return "NaN";
    return shortest_text(v);
}

// A series gnuplot can draw: some points, and for a grid exactly one z per grid point.
bool drawable(const Series& s) {
    if (s.kind == Series::Kind::grid) return !s.x.empty() && !s.y.empty() && s.z.size() == s.x.size() * s.y.size();
    return !s.x.empty() && !s.y.empty();
}

std::string comment_text(const std::string& text) { return one_line(text); }

// A label's text: a word as it is, a number through the one number formatter (its own decimals
// when the lesson set them, negative meaning trailing zeros dropped; else the record's digits).
std::string arg_text(const Arg& a, int digits) {
    if (!a.number) return a.text;
    const NumberStyle style = !a.decimals       ? NumberStyle{digits, Shape::trim_zeros, Minus::unicode}
                              : *a.decimals >= 0 ? NumberStyle{*a.decimals, Shape::fixed, Minus::unicode}
                                                 : NumberStyle{-*a.decimals, Shape::trim_zeros, Minus::unicode};
    return a.text + format_number(a.number->hand, style);
}

bool has_text(const Arg& a) { return a.number || !a.text.empty(); }

// The legend entry: the label, and "= value" when the series has one.
std::string legend_text(const Series& s, int digits) {
    if (!s.label_value) return s.label;
    return s.label + " = " + arg_text(*s.label_value, digits);
}

// Rows "x y", and for marks their number in the order visited (0 for the start); a path adds
// the next point, from which gnuplot draws the arrow (the last point has none: NaN).
std::string block_rows(const Series& s) {
    std::string out;
    const std::size_t n = std::min(s.x.size(), s.y.size());
    for (std::size_t i = 0; i < n; ++i) {
        out += data_number(s.x[i]) + " " + data_number(s.y[i]);
        if (s.kind == Series::Kind::path) {
            const bool next = i + 1 < n;
            out += " " + (next ? data_number(s.x[i + 1]) : "NaN") + " " + (next ? data_number(s.y[i + 1]) : "NaN");
        }
        if (s.kind != Series::Kind::line) out += " " + std::to_string(i);
        out += "\n";
    }
    return out;
}

// Rows "x y z", one scan per y (a blank line between scans), as splot reads a grid:
// z[j·nx + i] is the value at (x[i], y[j]), the record's row-by-row order.
std::string grid_rows(const Series& s) {
    std::string out;
    for (std::size_t j = 0; j < s.y.size(); ++j) {
        if (j > 0) out += "\n";
        for (std::size_t i = 0; i < s.x.size(); ++i)
            out += data_number(s.x[i]) + " " + data_number(s.y[j]) + " " + data_number(s.z[j * s.x.size() + i]) + "\n";
    }
    return out;
}

// The picture's height at 800 wide: 600, or less for a wide frame drawn at equal scales, which
// would otherwise sit in a band of white (the plot area is about 560 wide, with about 100 for the
// axes' text below and above).
int picture_height(const Plot& plot) {
    if (!plot.equal_scales || !plot.x_range || !plot.y_range) return 600;
    const double w = plot.x_range->second - plot.x_range->first, h = plot.y_range->second - plot.y_range->first;
    if (!(w > 0) || !(h > 0) || !std::isfinite(h / w)) return 600;
    return static_cast<int>(std::clamp(560 * h / w + 100, 300.0, 600.0));
}

std::string terminal_lines(const std::string& stem, PlotFormat format, int height) {
    switch (format) {
        case PlotFormat::svg:
            return "set terminal svg size 800," + std::to_string(height) +
                   " dynamic noenhanced font \"Helvetica,14\" background \"#ffffff\"\n"
                   "if (!exists(\"output_file\")) output_file = \"" + stem + ".svg\"\n";
        case PlotFormat::png:
            return "set terminal pngcairo size 1600," + std::to_string(2 * height) +
                   " noenhanced font \"Helvetica,28\" background \"#ffffff\"\n"
                   "if (!exists(\"output_file\")) output_file = \"" + stem + ".png\"\n";
        case PlotFormat::tikz:
            return "# For LaTeX slides: \\usepackage{gnuplot-lua-tikz} in the preamble, then \\input{" + stem + ".tex}.\n"
                   "# The labels are LaTeX; Chinese or other non-ASCII text needs xelatex (with ctex).\n"
                   "set terminal tikz color size 12cm,8cm\n"
                   "if (!exists(\"output_file\")) output_file = \"" + stem + ".tex\"\n";
    }
    return {};
}

// The frame the lesson chose (every point inside with a margin), equal scales where angles
// matter, and whole-number ticks on an axis that counts.
std::string frame_lines(const Plot& plot) {
    std::string out;
    // A frame that is not two numbers (a run that overflowed) is left to the tool.
    const auto range = [](const std::optional<std::pair<double, double>>& r) {
        return r && std::isfinite(r->first) && std::isfinite(r->second) && r->first < r->second;
    };
    if (range(plot.x_range)) out += "set xrange [" + data_number(plot.x_range->first) + ":" + data_number(plot.x_range->second) + "]\n";
    if (range(plot.y_range)) out += "set yrange [" + data_number(plot.y_range->first) + ":" + data_number(plot.y_range->second) + "]\n";
    if (plot.equal_scales) out += "set size ratio -1  # one unit as long on both axes: angles are true\n";
    if (plot.integer_x) {
        // At most about ten ticks, each on a whole number.
        const double width = plot.x_range ? plot.x_range->second - plot.x_range->first : 10;
        const double step = std::max(1.0, std::ceil(width / 10));
        out += "set xtics " + data_number(step) + "  # x counts: whole numbers only\nset mxtics 1\n";
    }
    return out;
}

// gnuplot sizes the legend by the bytes of its entries, so that superscripts (w⁽⁴⁾, three bytes
// each in UTF-8) make it far wider than its text: narrowed by a character for every three such
// bytes of the longest entry (the tikz terminal, which guesses wider letters, by two).
std::string key_width(const Plot& plot, PlotFormat format) {
    std::size_t extra = 0;
    for (const Series& s : plot.series)
        extra = std::max<std::size_t>(extra, std::count_if(s.label.begin(), s.label.end(), [](char c) {
                                          return (static_cast<unsigned char>(c) & 0xC0) == 0x80;  // a continuation byte
                                      }));
    const std::size_t narrower = (format == PlotFormat::tikz ? 2 * extra : extra) / 3;
    return narrower > 0 ? " width -" + std::to_string(narrower) : "";
}

std::string style_section(const Plot& plot, const std::string& stem, PlotFormat format) {
    std::string out = "# ---- Style: change these lines to restyle the plot --------------------------\n";
    out += "set encoding utf8\n" + terminal_lines(stem, format, picture_height(plot));
    out += "set output output_file\n";
    out += "data_file = \"" + stem + ".dat\"\n";
    for (std::size_t i = 0; i < plot.series.size(); ++i) {
        const Series& s = plot.series[i];
        out += "colour_" + std::to_string(i + 1) + " = \"" + palette[s.colour.value_or(i) % palette.size()] + "\"  # series " +
               std::to_string(i + 1) + " (" + std::string(series_kind_name(s.kind)) + "): " + comment_text(s.label) + "\n";
    }
    // gnuplot's svg terminal draws points about twice as large beside its text as the others do.
    out += std::string("line_width = 2\npoint_size = ") + (format == PlotFormat::svg ? "0.8" : "1.5") + "\n";
    // The legend stands beside the frame, where it never hides a line or a point.
    out += "set grid lc rgb \"#dddddd\"\nset key outside right top Left box opaque" + key_width(plot, format) + "\n";
    out += "set style textbox opaque noborder margins 1,1\n\n";
    out += "# ---- Axes -------------------------------------------------------------------\n";
    out += "set xlabel " + gnuplot_string(plot.x_label, format) + "\n";
    out += "set ylabel " + gnuplot_string(plot.y_label, format) + "\n";
    out += "# set title \"...\"  # the page shows the title under the figure; add one for a slide\n";
    return out + frame_lines(plot) + "\n";
}

// A grid is traced into contour lines first (a table of lines), which the plot then draws in
// two dimensions beside the other series.
std::string contour_table(const Series& s, std::size_t index, std::size_t block) {
    const std::string n = std::to_string(index + 1);
    std::string levels = "auto 10";
    if (!s.levels.empty()) {
        levels = "discrete ";
        for (std::size_t i = 0; i < s.levels.size(); ++i)
            levels += (i ? "," : "") + data_number(s.levels[i].value.number ? s.levels[i].value.number->hand : NAN);
    }
    return "# Contour lines of series " + n + " (" + comment_text(s.label) + "), traced from its grid\n"
           "set contour base\nunset surface\nset view map\nset cntrparam levels " + levels + "\n"
           "set table $contours_" + n + "\n"
           "splot data_file index " + std::to_string(block) + " using 1:2:3 with lines notitle\n"
           "unset table\nunset contour\n\n";
}

// The plot command's elements for one series, read from its block of the data file.
std::vector<std::string> plot_elements(const Series& s, std::size_t index, std::size_t block, PlotFormat format,
                                       int digits) {
    const std::string n = std::to_string(index + 1);
    const std::string from = "data_file index " + std::to_string(block);
    const std::string colour = " lc rgb colour_" + n;
    const std::string legend = legend_text(s, digits);
    const std::string title = legend.empty() ? " notitle" : " title " + gnuplot_string(legend, format);
    // The title comes before `with`, where gnuplot expects it; the style options follow.
    switch (s.kind) {
        case Series::Kind::line:
            return {from + " using 1:2" + title + " with lines lw line_width" + (s.dashed ? " dt 2" : "") + colour};
        case Series::Kind::grid: return {"$contours_" + n + " using 1:2" + title + " with lines lw 1" + colour};
        case Series::Kind::points: return {from + " using 1:2" + title + " with points pt 7 ps point_size" + colour};
        case Series::Kind::path:
            return {from + " using 1:2:($3-$1):($4-$2) notitle with vectors head filled size screen 0.012,20 lw line_width" +
                        colour,
                    from + " using 1:2" + title + " with points pt 7 ps point_size" + colour};
    }
    return {};
}

std::string at(double x, double y) { return " at " + data_number(x) + "," + data_number(y); }

// The texts the lesson put beside points and on contour lines, and the arrow that shows a line's
// positive side: labels and arrows in the series' colour, above the lines, each label on an
// opaque box so that a line under it does not strike it through.
std::string annotation_lines(const Series& s, std::size_t index, PlotFormat format, int digits) {
    const std::string n = std::to_string(index + 1);
    std::string out;
    const std::size_t points = std::min({s.marks.size(), s.x.size(), s.y.size()});
    for (std::size_t i = 0; i < points; ++i)
        if (has_text(s.marks[i]))
            out += "set label " + gnuplot_string(arg_text(s.marks[i], digits), format) + at(s.x[i], s.y[i]) +
                   " offset char 0.8,0.8 front boxed tc rgb colour_" + n + "\n";
    for (const Series::Level& level : s.levels)
        if (level.label_at && has_text(level.value))
            out += "set label " + gnuplot_string(arg_text(level.value, digits), format) +
                   at(level.label_at->first, level.label_at->second) + " center front boxed tc rgb colour_" + n + "\n";
    if (s.side_arrow) {
        const auto& a = *s.side_arrow;
        out += "set arrow from " + data_number(a[0]) + "," + data_number(a[1]) + " to " + data_number(a[2]) + "," +
               data_number(a[3]) + " head filled size screen 0.012,20 lw line_width lc rgb colour_" + n + " front\n";
        out += "set label \"+\"" + at(a[2], a[3]) + " offset char 0.6,0.6 front tc rgb colour_" + n + "\n";
    }
    if (out.empty()) return out;
    return "# Labels and arrows of series " + n + " (" + comment_text(s.label) + ")\n" + out + "\n";
}

}  // namespace

std::string gnuplot_string(const std::string& text, PlotFormat format) {
    const std::string plain = one_line(format == PlotFormat::tikz ? latex_escape(text) : text);
    std::string out = "\"";
    for (char c : plain) {
        if (c == '\\' || c == '"') out += '\\';
        out += c;
    }
    return out + "\"";
}

std::string gnuplot_data(const Plot& plot) {
    std::string out = "# nntrace: the data of the plot \"" + comment_text(plot.key) + "\", one block per series\n";
    std::size_t block = 0;
    for (std::size_t i = 0; i < plot.series.size(); ++i) {
        const Series& s = plot.series[i];
        if (!drawable(s)) continue;
        const bool grid = s.kind == Series::Kind::grid;
        const std::string columns = grid ? "x y z" : s.kind == Series::Kind::line ? "x y"
                                          : s.kind == Series::Kind::points ? "x y order" : "x y next_x next_y order";
        if (block++ > 0) out += "\n\n";
        out += "# index " + std::to_string(block - 1) + ": series " + std::to_string(i + 1) + " (" + std::string(series_kind_name(s.kind)) +
               ") " + comment_text(s.label) + "\n# " + columns + "\n";
        out += grid ? grid_rows(s) : block_rows(s);
    }
    return out;
}

std::string gnuplot_script(const Plot& plot, const std::string& stem, PlotFormat format, int digits) {
    std::string out = "# nntrace: the plot \"" + comment_text(plot.key) + "\". Draw it with: gnuplot " + stem + ".gp\n";
    out += "# It reads " + stem + ".dat (one index block per series) and writes the picture named below.\n\n";
    out += style_section(plot, stem, format);
    std::vector<std::string> elements;
    std::size_t block = 0;
    for (std::size_t i = 0; i < plot.series.size(); ++i) {
        const Series& s = plot.series[i];
        if (!drawable(s)) {
            out += "# series " + std::to_string(i + 1) + " is left out: it has no points, or a grid without one z per point\n";
            continue;
        }
        if (s.kind == Series::Kind::grid) out += contour_table(s, i, block);
        out += annotation_lines(s, i, format, digits);
        for (std::string& e : plot_elements(s, i, block, format, digits)) elements.push_back(std::move(e));
        ++block;
    }
    out += "# ---- The data ----------------------------------------------------------------\n";
    if (elements.empty()) return out + "plot [0:1] [0:1] NaN notitle  # nothing to draw\n";
    out += "plot ";
    for (std::size_t i = 0; i < elements.size(); ++i) out += (i ? ", \\\n     " : "") + elements[i];
    return out + "\n";
}

}  // namespace nntrace
