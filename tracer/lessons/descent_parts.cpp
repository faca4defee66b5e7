// The verbs of gradient descent (algorithms/descent.hpp).
//
//   do = "descend"   one descent, a table with one row per point. Fields: rate = "rate",
//                    max_points = "max_points" (parameters), stop_below = "…" and
//                    stop_gradient_below = "…" (parameters; each stop rule only when given),
//                    step = "gradient" | "unit", vary = ["w"] (default every variable),
//                    start = { x = "x0" }, first_index = 0 (how the source numbers the start),
//                    verdict = false (the steps' behaviour in words), plot = false, range = [a, b], range_y = [c, d], samples = 101.
//                    When the lesson publishes rows of this table past the point where the stop
//                    rule holds, the table goes on to them and says so.
//   do = "rates"     the same start with several rates: rates = ["eta1", "eta2"] (parameters),
//                    or runs = [{ rate = "eta", graph = "halved" }]; max_points, step, vary,
//                    start and first_index as above; layout = "one" | "each"; plot = "x" | "J" |
//                    "none" (against the point number); verdicts = true (a table of verdicts);
//                    same = true adds whether all runs
//                    visit the same points; bottom = 1 (where the valley's bottom is: a line
//                    on the plot, the valleys' centre); valleys = true (each run's steps on its
//                    curve J(x), one plot per rate).
//   do = "curve"     the graph's output sampled along one variable: over = "w", range = [a, b],
//                    samples = 101, start (the other variables' values).
#include <algorithm>
#include <cmath>

#include "lessons/descent_items.hpp"
#include "lessons/descent_plots.hpp"
#include "lessons/part_verbs.hpp"

namespace nntrace {
namespace {

constexpr int largest_point_cap = 10000;
constexpr int largest_sample_count = 1001;

std::vector<std::string> vary_of(const PartContext& c, const Graph& g) {
    const std::vector<std::string> vary = c.fields().strings("vary");
    for (const auto& v : vary)
        if (std::find(g.variables.begin(), g.variables.end(), v) == g.variables.end())
            throw c.error("vary", "'" + v + "' is not a variable of the graph");
    return vary;
}

StepRule step_rule(const PartContext& c) {
    const std::string step = c.fields().optional_string("step").value_or("gradient");
    if (step != "gradient" && step != "unit") throw c.error("step", "'step' must be \"gradient\" or \"unit\"");
    return step == "unit" ? StepRule::unit_sign : StepRule::gradient;
}

DescentPlan plan_for(const PartContext& c, const Graph& g, double rate) {
    DescentPlan plan;
    plan.graph = g;
    plan.start = c.start(g);
    plan.rate = rate;
    plan.step = step_rule(c);
    plan.stop_below = c.optional_number("stop_below");
    plan.stop_gradient_below = c.optional_number("stop_gradient_below");
    plan.max_points = c.whole_number("max_points", "max_points", 1, largest_point_cap);
    plan.vary = vary_of(c, g);
    plan.arithmetic = c.arithmetic();
    return plan;
}

int first_index(const PartContext& c) {
    const auto k = c.fields().optional_integer("first_index").value_or(0);
    if (k < 0 || k > 1) throw c.error("first_index", "'first_index' is 0 or 1: how the source numbers the start");
    return static_cast<int>(k);
}

std::optional<Range> range_field(const PartContext& c, std::string_view field) {
    const toml::array* a = c.fields().optional_array(field);
    if (!a) return std::nullopt;
    if (a->size() != 2 || !(*a)[0].is_number() || !(*a)[1].is_number())
        throw c.error(field, "a range is two numbers, [from, to]");
    const double lo = (*a)[0].value<double>().value_or(0), hi = (*a)[1].value<double>().value_or(0);
    if (!(lo < hi)) throw c.error(field, "a range runs from a smaller number to a larger one");
    return Range{lo, hi};
}

int samples_of(const PartContext& c) {
    const auto n = c.fields().optional_integer("samples").value_or(101);
    if (n < 2 || n > largest_sample_count) throw c.error("samples", "'samples' must be from 2 to 1001");
    return static_cast<int>(n);
}

// The last row of this table the lesson publishes a figure for ("key/row/column"), 1-based.
std::size_t last_published_row(const PartContext& c) {
    std::size_t last = 0;
    const std::string prefix = c.part().key + "/";
    for (const auto& p : c.run().lesson.published) {
        if (p.key.compare(0, prefix.size(), prefix) != 0) continue;
        const std::string rest = p.key.substr(prefix.size());
        const auto slash = rest.find('/');
        if (slash == std::string::npos || slash == 0) continue;
        if (rest.find_first_not_of("0123456789") != slash) continue;
        last = std::max(last, static_cast<std::size_t>(std::stoul(rest.substr(0, slash))));
    }
    return last;
}

void descend_part(const PartContext& c, Section& s) {
    DescentPlan plan = plan_for(c, c.graph(), c.number("rate", "rate"));
    const int first = first_index(c);
    DescentRun run = descend(plan);
    const Note ending = descent_ending(plan, run, c.part().key + "/end", first);
    std::optional<std::size_t> past_stop_from;
    const std::size_t wanted = last_published_row(c);
    // The stop rule decides; published rows beyond it are still shown (and marked) to compare them.
    if (run.end == DescentEnd::stopped && wanted > run.points.size() && wanted <= largest_point_cap) {
        past_stop_from = run.points.size();
        DescentPlan longer = plan;
        longer.stop_below.reset();
        longer.stop_gradient_below.reset();
        longer.max_points = static_cast<int>(wanted);
        run = descend(longer);
    }
    s.items.emplace_back(descent_table(plan, run, c.part().key, s.title, first, past_stop_from));
    s.items.emplace_back(ending);
    if (past_stop_from)
        s.items.emplace_back(past_stop_note(c.part().key + "/past_stop", static_cast<int>(*past_stop_from) - 1 + first,
                                            static_cast<int>(run.points.size()) - 1 + first));
    // The behaviour of the steps in words (a bounce, a divergence), when the part asks for it.
    if (c.fields().optional_bool("verdict").value_or(false))
        s.items.emplace_back(Note{c.part().key + "/verdict", Note::Kind::info, verdict_words(classify_descent(run))});
    if (!c.fields().optional_bool("plot").value_or(false)) return;
    const std::size_t moving = moving_variables(plan).size();
    if (moving == 1)
        s.items.emplace_back(descent_curve_plot(plan, run, c.part().key + "/plot", range_field(c, "range"), samples_of(c), first));
    if (moving == 2)
        s.items.emplace_back(descent_contour_plot(plan, run, c.part().key + "/plot", range_field(c, "range"),
                                                  range_field(c, "range_y"), std::min(samples_of(c), 61), first));
}

std::vector<LabelledRun> read_runs(const PartContext& c) {
    std::vector<LabelledRun> runs;
    for (const auto& name : c.fields().strings("rates")) {
        runs.push_back({name, plan_for(c, c.graph(), c.named_number(name, "rates")), {}});
    }
    if (const toml::array* list = c.fields().optional_array("runs"))
        for (const toml::node& item : *list) {
            if (!item.is_table()) throw c.fields().error(item, "each run is { rate = \"a parameter\", graph = \"a graph\" }");
            const Fields f(*item.as_table(), c.fields().file());
            f.only({"rate", "graph"});
            const std::string graph = f.optional_string("graph").value_or(c.part().graph);
            runs.push_back({f.string("rate"), plan_for(c, c.graph(graph), c.number_in(f, "rate")), {}});
        }
    if (runs.empty()) throw c.error("rates", "this part needs 'rates' or 'runs': the rates to compare");
    for (auto& r : runs) r.run = descend(r.plan);
    return runs;
}

void rates_part(const PartContext& c, Section& s) {
    const std::vector<LabelledRun> runs = read_runs(c);
    const int first = first_index(c);
    const std::string& key = c.part().key;
    const std::string layout = c.fields().optional_string("layout").value_or("one");
    if (layout != "one" && layout != "each") throw c.error("layout", "'layout' must be \"one\" or \"each\"");
    if (layout == "one") s.items.emplace_back(runs_table(runs, key, s.title, first));
    for (std::size_t i = 0; layout == "each" && i < runs.size(); ++i) {
        const std::string k = key + "-" + std::to_string(i + 1);
        s.items.emplace_back(descent_table(runs[i].plan, runs[i].run, k, {"descent.run_title", {{rate_symbol(runs[i]), std::nullopt}, {{}, Num::both(runs[i].plan.rate)}}}, first, std::nullopt));
        s.items.emplace_back(descent_ending(runs[i].plan, runs[i].run, k + "/end", first));
    }
    if (c.fields().optional_bool("verdicts").value_or(true)) s.items.emplace_back(verdict_table(runs, key + "-verdicts"));
    if (c.fields().optional_bool("same").value_or(false)) s.items.emplace_back(sameness_note(runs, key + "/same", first));
    const std::string plot = c.fields().optional_string("plot").value_or("x");
    if (plot != "x" && plot != "J" && plot != "none") throw c.error("plot", "'plot' must be \"x\", \"J\" or \"none\"");
    const std::optional<double> bottom = c.fields().optional_number("bottom");
    // The axis of the steps in the lesson's words, else the bare index.
    const auto axis = c.fields().optional_string("step_axis");
    const std::string step_axis = axis ? c.both_languages(*axis, "step_axis") : "k";
    if (plot != "none")
        for (Plot& p : rates_plots(runs, key + "/plot", plot == "J", first, bottom, step_axis))
            s.items.emplace_back(std::move(p));
    if (c.fields().optional_bool("valleys").value_or(false))
        for (std::size_t i = 0; i < runs.size(); ++i)
            s.items.emplace_back(valley_plot(runs[i], key + "/valley-" + std::to_string(i + 1), first, bottom));
}

void curve_part(const PartContext& c, Section& s) {
    const Graph& g = c.graph();
    const std::string over = c.fields().optional_string("over").value_or(g.variables.at(0));
    if (std::find(g.variables.begin(), g.variables.end(), over) == g.variables.end())
        throw c.error("over", "'" + over + "' is not a variable of the graph");
    const auto range = range_field(c, "range");
    if (!range) throw c.error("range", "a curve needs 'range = [from, to]'");
    Plot p{c.part().key + "/plot", {"descent.plot.function", {{g.output, std::nullopt}, {over, std::nullopt}}}, over, g.output, {}};
    p.series.push_back(curve_series(g, c.start(g), over, *range, samples_of(c)));
    s.items.emplace_back(std::move(p));
}

}  // namespace

std::vector<PartVerb> descent_part_verbs() {
    const std::vector<std::string_view> common = {"start", "rate", "max_points", "stop_below", "stop_gradient_below",
                                                  "step", "vary", "first_index"};
    std::vector<std::string_view> descend_keys = common, rates_keys = common;
    descend_keys.insert(descend_keys.end(), {"verdict", "plot", "range", "range_y", "samples"});
    rates_keys.insert(rates_keys.end(), {"rates", "runs", "layout", "plot", "same", "verdicts", "bottom", "valleys",
                                          "step_axis"});
    return {
        {"descend", descend_keys, descend_part},
        {"rates", rates_keys, rates_part},
        {"curve", {"start", "over", "range", "samples"}, curve_part},
    };
}

}  // namespace nntrace
