// The course's plots, checked from their data and their gnuplot scripts: what a teacher would
// otherwise find wrong on the projector (numbering, legends, frames, colliding labels). Every
// expected value is read from the record (its tables, parameters and points), not copied from
// the output.
#include "lesson_test_helpers.hpp"

#include <cmath>

#include "render/drawings.hpp"

using namespace lesson_test;

namespace {

std::vector<const Plot*> plots_of(const Record& r) {
    std::vector<const Plot*> out;
    for (const Section& s : r.sections)
        for (const Item& i : s.items)
            if (const auto* p = std::get_if<Plot>(&i)) out.push_back(p);
    return out;
}

const Plot& plot(const Record& r, const std::string& key) {
    for (const Plot* p : plots_of(r))
        if (p->key == key) return *p;
    FAIL("no plot " << key);
    throw;
}

std::string script(const Record& r, const std::string& key) {
    for (const DrawingSource& s : drawing_sources(r))
        if (s.key == key) return s.script;
    FAIL("no drawing " << key);
    return {};
}

// Every point of every series (but a grid's samples) inside the frame, off its edges.
void check_frame(const Plot& p) {
    REQUIRE(p.x_range);
    REQUIRE(p.y_range);
    const double mx = 0.01 * (p.x_range->second - p.x_range->first), my = 0.01 * (p.y_range->second - p.y_range->first);
    for (const Series& s : p.series) {
        if (s.kind == Series::Kind::grid || s.kind == Series::Kind::line) continue;
        for (std::size_t i = 0; i < s.x.size(); ++i) {
            INFO(p.key << ": " << s.label << " point " << i + 1 << " (" << s.x[i] << ", " << s.y[i] << ")");
            CHECK(s.x[i] > p.x_range->first + mx);
            CHECK(s.x[i] < p.x_range->second - mx);
            CHECK(s.y[i] > p.y_range->first + my);
            CHECK(s.y[i] < p.y_range->second - my);
        }
    }
}

// The labelled points, as (x, y) in shares of the frame's width.
std::vector<std::pair<double, double>> labelled(const Plot& p, const Series& s) {
    std::vector<std::pair<double, double>> out;
    const double w = p.x_range->second - p.x_range->first, h = p.y_range->second - p.y_range->first;
    const double ratio = p.equal_scales ? h / w : 0.75;
    for (std::size_t i = 0; i < s.marks.size(); ++i)
        if (s.marks[i].number || !s.marks[i].text.empty())
            out.emplace_back((s.x[i] - p.x_range->first) / w, (s.y[i] - p.y_range->first) / h * ratio);
    return out;
}

// No two labels closer than a label's size (a number of two digits is about 4% of the width).
void check_apart(const std::vector<std::pair<double, double>>& at) {
    for (std::size_t i = 0; i < at.size(); ++i)
        for (std::size_t j = i + 1; j < at.size(); ++j) {
            INFO("labels " << i << " and " << j);
            CHECK((std::fabs(at[i].first - at[j].first) >= 0.04 || std::fabs(at[i].second - at[j].second) >= 0.025));
        }
}

}  // namespace

TEST_CASE("Lesson plots: gd-2d numbers its points as the table does and labels only those apart", "[lesson][plot][gd-2d]") {
    const Record& r = defaults("gd-2d");
    const Plot& p = plot(r, "descent/plot");
    const Series& path = p.series.back();
    REQUIRE(path.marks.size() == path.x.size());
    const Table* t = r.find_table("descent");
    REQUIRE(t);
    REQUIRE(t->rows.size() == path.x.size());
    // The table's first column numbers the rows; each label is its row's number.
    for (std::size_t i = 0; i < path.marks.size(); ++i)
        if (path.marks[i].number) {
            INFO("point " << i);
            REQUIRE(t->rows[i].front().number);
            CHECK(path.marks[i].number->hand == t->rows[i].front().number->hand);
        }
    CHECK(path.marks.front().number);  // the start
    CHECK(path.marks.back().number);   // where the descent stops
    check_apart(labelled(p, path));
    check_frame(p);
    CHECK(p.equal_scales);
    CHECK(script(r, "descent/plot").find("set size ratio -1") != std::string::npos);
}

TEST_CASE("Lesson plots: gd-2d's contours reach down to the stop level, each labelled with its value", "[lesson][plot][gd-2d]") {
    const Record& r = defaults("gd-2d");
    const Plot& p = plot(r, "descent/plot");
    const Series& grid = p.series.front();
    REQUIRE(grid.kind == Series::Kind::grid);
    REQUIRE(!grid.levels.empty());
    CHECK(grid.levels.front().value.number->hand == r.parameters.at("stop_below").hand);
    CHECK(grid.levels.front().label_at);
    // Each label stands on its line: J there is the level.
    const std::string s = script(r, "descent/plot");
    for (const Series::Level& l : grid.levels) {
        const double c = l.value.number->hand;
        INFO("level " << c);
        CHECK(c >= r.parameters.at("stop_below").hand);
        if (!l.label_at) continue;
        // Between two neighbouring samples of the grid's row, one below the level and one above.
        const double x = l.label_at->first, y = l.label_at->second, dx = grid.x[1] - grid.x[0];
        auto j = [&](double at) { return at * at + std::sin(y) * std::sin(y); };
        CHECK((j(x - dx) - c) * (j(x + dx) - c) <= 0);
    }
    CHECK(s.find("set cntrparam levels discrete") != std::string::npos);
    CHECK(s.find("set label \"0.01\"") != std::string::npos);
}

TEST_CASE("Lesson plots: learning-rate's legend reads η = each rate and the bottom is drawn", "[lesson][plot][learning-rate]") {
    const Record& r = defaults("learning-rate");
    const Plot& p = plot(r, "rates/plot");
    const std::string s = script(r, "rates/plot");
    for (int i = 1; i <= 7; ++i) {
        const double rate = r.parameters.at("eta" + std::to_string(i)).hand;
        const Series& line = p.series.at(static_cast<std::size_t>(i - 1));
        CHECK(line.label == "η");
        REQUIRE(line.label_value);
        CHECK(line.label_value->number->hand == rate);
    }
    CHECK(s.find("title \"η = 1.1\"") != std::string::npos);
    CHECK(s.find("eta1") == std::string::npos);
    CHECK(s.find("set key outside") != std::string::npos);
    const Series& bottom = p.series.back();
    CHECK(bottom.y == std::vector<double>{1, 1});
    CHECK(p.integer_x);
    CHECK(p.x_range->first == 0);
}

TEST_CASE("Lesson plots: learning-rate's step axis reads step k in both languages", "[lesson][plot][learning-rate]") {
    const Record& r = defaults("learning-rate");
    // One drawing serves the English and the Chinese page: its axis names the steps in both.
    for (const char* key : {"rates/plot", "rates/plot-converging"}) {
        INFO(key);
        CHECK(plot(r, key).x_label == "step k / 步数 k");
        CHECK(script(r, key).find("set xlabel \"step k / 步数 k\"") != std::string::npos);
    }
}

TEST_CASE("Lesson plots: learning-rate's valleys are small multiples and its rate plots are not", "[lesson][plot][learning-rate]") {
    const Record& r = defaults("learning-rate");
    const Section* rates = find_section(r, "rates");
    REQUIRE(rates);
    const std::vector<bool> small = small_multiples(*rates);
    std::size_t valleys = 0;
    for (std::size_t i = 0; i < rates->items.size(); ++i) {
        const auto* p = std::get_if<Plot>(&rates->items[i]);
        if (!p) continue;
        INFO(p->key);
        const bool valley = p->key.find("/valley-") != std::string::npos;
        valleys += valley ? 1 : 0;
        CHECK(small[i] == valley);
        CHECK((script(r, p->key).find("set terminal svg size 440,") != std::string::npos) == valley);
    }
    // One valley for each rate the lesson compares.
    std::size_t rates_compared = 0;
    for (const auto& [name, value] : r.parameters) rates_compared += name.rfind("eta", 0) == 0 ? 1 : 0;
    CHECK(valleys == rates_compared);
}

TEST_CASE("Lesson plots: learning-rate zooms on the converging rates", "[lesson][plot][learning-rate]") {
    const Record& r = defaults("learning-rate");
    const Plot& all = plot(r, "rates/plot");
    const Plot& calm = plot(r, "rates/plot-converging");
    // The verdicts table says which runs diverge or bounce; the zoom has the others and the bottom.
    const Table* verdicts = r.find_table("rates-verdicts");
    REQUIRE(verdicts);
    std::size_t converging = 0;
    for (const auto& row : verdicts->rows)
        if (row.back().words->id != "descent.verdict.diverges" && row.back().words->id != "descent.verdict.bounces") ++converging;
    CHECK(calm.series.size() == converging + 1);
    // Each rate keeps its colour from the full plot.
    for (const Series& s : calm.series)
        for (const Series& t : all.series)
            if (s.label_value && t.label_value && s.label == t.label &&
                s.label_value->number->hand == t.label_value->number->hand)
                CHECK(s.colour == t.colour);
    CHECK(calm.y_range->second - calm.y_range->first < (all.y_range->second - all.y_range->first) / 4);
    for (const Series& s : calm.series)
        for (double y : s.y) CHECK((y > calm.y_range->first && y < calm.y_range->second));
}

TEST_CASE("Lesson plots: learning-rate shows each rate's steps on the parabola", "[lesson][plot][learning-rate]") {
    const Record& r = defaults("learning-rate");
    for (int i = 1; i <= 7; ++i) {
        const Plot& p = plot(r, "rates/valley-" + std::to_string(i));
        REQUIRE(p.series.size() == 2);
        const Series& steps = p.series[1];
        CHECK(steps.kind == Series::Kind::path);
        // The steps are the table's x column for this rate, and lie on J = (x − 1)² + 0.1.
        for (std::size_t k = 0; k < steps.x.size(); ++k) {
            CHECK(steps.x[k] == value(r, "rates/" + std::to_string(k + 1) + "/x_" + std::to_string(i)));
            CHECK(steps.y[k] == Approx((steps.x[k] - 1) * (steps.x[k] - 1) + 0.1));
        }
        check_frame(p);
        check_apart(labelled(p, steps));
    }
}

TEST_CASE("Lesson plots: the perceptron's points carry their names and each line an arrow to its positive side", "[lesson][plot][perceptron]") {
    const Record& r = defaults("perceptron");
    const auto plots = plots_of(r);
    REQUIRE(plots.size() == 1);
    const Plot& p = *plots[0];
    check_frame(p);
    CHECK(p.equal_scales);
    const Table* data = r.find_table("train-data");
    REQUIRE(data);
    std::vector<std::string> names;
    for (const auto& row : data->rows) names.push_back(row.front().words->args.at(0).text);
    std::vector<std::string> marked;
    for (std::size_t s = 0; s < 2; ++s)
        for (const Arg& a : p.series[s].marks) marked.push_back(a.text);
    std::sort(names.begin(), names.end());
    std::sort(marked.begin(), marked.end());
    CHECK(marked == names);
    // The last line separates: the positive point on the arrow's side, the negative ones not.
    const Series& last = p.series.back();
    REQUIRE(last.side_arrow);
    const auto& a = *last.side_arrow;
    const double dx = a[2] - a[0], dy = a[3] - a[1];
    CHECK(dx * (last.x[1] - last.x[0]) + dy * (last.y[1] - last.y[0]) == Approx(0).margin(1e-9));  // square to the line
    for (std::size_t s = 0; s < 2; ++s)
        for (std::size_t i = 0; i < p.series[s].x.size(); ++i) {
            const double side = (p.series[s].x[i] - a[0]) * dx + (p.series[s].y[i] - a[1]) * dy;
            CHECK((s == 0 ? side > 0 : side < 0));
        }
    CHECK(script(r, p.key).find("set arrow from") != std::string::npos);
}

TEST_CASE("Lesson plots: the perceptron says when a line coincides with an earlier one", "[lesson][plot][perceptron]") {
    const Record& r = defaults("perceptron");
    const Plot& p = *plots_of(r).at(0);
    std::size_t dashed = 0;
    for (const Series& s : p.series)
        if (s.dashed) {
            ++dashed;
            // Drawn over an earlier line with the same ends.
            bool over = false;
            for (const Series& t : p.series)
                if (&t != &s && !t.dashed && t.kind == Series::Kind::line && t.x == s.x && t.y == s.y) over = true;
            CHECK(over);
        }
    CHECK(dashed == 1);
    std::size_t notes = 0;
    for (const Section& s : r.sections)
        for (const Item& i : s.items)
            if (const auto* n = std::get_if<Note>(&i); n && n->message.id == "perceptron.plot_same_line") ++notes;
    CHECK(notes == dashed);
}

TEST_CASE("Lesson plots: or-gate's points are off the frame and carry names, never a series index", "[lesson][plot][or-gate]") {
    const Record& r = defaults("or-gate");
    for (const Plot* p : plots_of(r)) {
        check_frame(*p);
        for (const Series& s : p->series)
            for (const Arg& a : s.marks) {
                CHECK(!a.number);
                CHECK(!a.text.empty());
            }
        CHECK(script(r, p->key).find("with labels") == std::string::npos);
    }
}

TEST_CASE("Lesson plots: black-box's target is inside the frame and the rounds tick at whole numbers", "[lesson][plot][black-box]") {
    const Record& r = defaults("black-box");
    const Plot& p = *plots_of(r).at(0);
    REQUIRE(p.y_range);
    const double target = p.series.at(1).y.at(0);
    const double margin = 0.02 * (p.y_range->second - p.y_range->first);
    CHECK(target < p.y_range->second - margin);
    for (double y : p.series.at(0).y) CHECK((y > p.y_range->first + margin && y < p.y_range->second - margin));
    CHECK(p.integer_x);
    const std::string s = script(r, p.key);
    CHECK(s.find("set xtics 1") != std::string::npos);
}

TEST_CASE("Lesson plots: one-bean's descent labels only points that stand apart", "[lesson][plot][one-bean]") {
    const Record& r = defaults("one-bean");
    for (const Plot* p : plots_of(r)) {
        for (const Series& s : p->series)
            if (!s.marks.empty()) check_apart(labelled(*p, s));
        if (p->series.size() > 1) check_frame(*p);
    }
}
