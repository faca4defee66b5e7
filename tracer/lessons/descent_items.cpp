#include "lessons/descent_items.hpp"

#include <algorithm>
#include <cmath>

namespace nntrace {
namespace {

Arg word(std::string t) { return {std::move(t), std::nullopt}; }
Arg number(double v) { return {{}, Num::both(v)}; }
Cell cell(const Num& n) { return Cell{n, std::nullopt}; }
Cell count_cell(double v) { return Cell{Num::both(v), std::nullopt}; }

Column column(std::string key, Message title, std::optional<int> decimals = std::nullopt) {
    return {std::move(key), std::move(title), decimals};
}

std::vector<Column> point_columns(const DescentPlan& plan, bool past_stop) {
    const std::string& j = plan.graph.output;
    const std::vector<std::string> vars = moving_variables(plan);
    std::vector<Column> cols{column("point", {"descent.column.point", {}}, 0)};
    for (const auto& v : vars) cols.push_back(column(v, {"seek.column.name", {word(v)}}));
    cols.push_back(column(j, {"seek.column.name", {word(j)}}));
    for (const auto& v : vars) cols.push_back(column("d" + j + "_d" + v, {"seek.column.factor", {word(j), word(v)}}));
    for (const auto& v : vars) cols.push_back(column("step_" + v, {"descent.column.step", {word(v)}}));
    if (past_stop) cols.push_back(column("past_stop", {"descent.column.past_stop", {}}));
    return cols;
}

// Two values the same up to the last bits a double keeps through different but equal formulas.
bool same(double a, double b) { return std::fabs(a - b) <= 1e-12 * std::max({1.0, std::fabs(a), std::fabs(b)}); }

}  // namespace

Table descent_table(const DescentPlan& plan, const DescentRun& run, const std::string& key,
                    const Message& title, int first_index, std::optional<std::size_t> past_stop_from) {
    Table t{key, title, point_columns(plan, past_stop_from.has_value()), {}};
    const std::size_t vars = moving_variables(plan).size();
    for (std::size_t r = 0; r < run.points.size(); ++r) {
        const DescentPoint& p = run.points[r];
        std::vector<Cell> row{count_cell(p.index + first_index)};
        for (const Num& x : p.at) row.push_back(cell(x));
        row.push_back(cell(p.loss));
        for (const Num& g : p.gradient) row.push_back(cell(g));
        for (std::size_t i = 0; i < vars; ++i) row.push_back(i < p.step.size() ? cell(p.step[i]) : Cell{});
        if (past_stop_from)
            row.push_back(r >= *past_stop_from ? Cell{std::nullopt, Message{"descent.past_stop_cell", {}}} : Cell{});
        t.rows.push_back(std::move(row));
    }
    return t;
}

Note descent_ending(const DescentPlan& plan, const DescentRun& run, const std::string& key, int first_index) {
    const int last = run.points.empty() ? first_index : run.points.back().index + first_index;
    const Arg j = word(plan.graph.output);
    switch (run.end) {
        case DescentEnd::stopped:
            if (plan.stop_below && !run.points.empty() && run.points.back().loss.hand < *plan.stop_below)
                return Note{key, Note::Kind::info, {"descent.end.below", {j, number(*plan.stop_below), number(last)}}};
            return Note{key, Note::Kind::info, {"descent.end.flat", {j, number(plan.stop_gradient_below.value_or(0)), number(last)}}};
        case DescentEnd::capped:
            return Note{key, Note::Kind::info, {"descent.end.capped", {number(plan.max_points), number(last)}}};
        case DescentEnd::diverged: break;
    }
    return Note{key, Note::Kind::warning, {"descent.end.diverged", {number(last)}}};
}

Note past_stop_note(const std::string& key, int stop_point, int last_point) {
    return Note{key, Note::Kind::warning, {"descent.past_stop", {number(stop_point), number(last_point)}}};
}

Message verdict_words(DescentBehaviour b) {
    switch (b) {
        case DescentBehaviour::diverges: return {"descent.verdict.diverges", {}};
        case DescentBehaviour::bounces: return {"descent.verdict.bounces", {}};
        case DescentBehaviour::oscillates_converging: return {"descent.verdict.oscillates", {}};
        case DescentBehaviour::converges: return {"descent.verdict.converges", {}};
        case DescentBehaviour::too_slow: break;
    }
    return {"descent.verdict.too_slow", {}};
}

std::string rate_symbol(const LabelledRun& run) { return run.label.rfind("alpha", 0) == 0 ? "α" : "η"; }

Table runs_table(const std::vector<LabelledRun>& runs, const std::string& key, const Message& title, int first_index) {
    Table t{key, title, {column("point", {"descent.column.point", {}}, 0)}, {}};
    std::size_t longest = 0;
    for (std::size_t i = 0; i < runs.size(); ++i) {
        const std::string n = "_" + std::to_string(i + 1);
        const Arg rate = number(runs[i].plan.rate);
        for (const auto& v : moving_variables(runs[i].plan))
            t.columns.push_back(column(v + n, {"descent.column.run_value", {word(v), word(rate_symbol(runs[i])), rate}}));
        const std::string& j = runs[i].plan.graph.output;
        t.columns.push_back(column(j + n, {"descent.column.run_value", {word(j), word(rate_symbol(runs[i])), rate}}));
        longest = std::max(longest, runs[i].run.points.size());
    }
    for (std::size_t r = 0; r < longest; ++r) {
        std::vector<Cell> row{count_cell(static_cast<double>(r) + first_index)};
        for (const auto& lr : runs) {
            const std::size_t width = moving_variables(lr.plan).size() + 1;
            if (r >= lr.run.points.size()) {
                row.insert(row.end(), width, Cell{});
                continue;
            }
            for (const Num& x : lr.run.points[r].at) row.push_back(cell(x));
            row.push_back(cell(lr.run.points[r].loss));
        }
        t.rows.push_back(std::move(row));
    }
    return t;
}

Table verdict_table(const std::vector<LabelledRun>& runs, const std::string& key) {
    Table t{key, {"descent.verdicts", {}},
            {column("rate", {"descent.column.rate", {}}),
             column("points", {"descent.column.points", {}}, 0), column("last", {"descent.column.last", {}}),
             column("verdict", {"descent.column.verdict", {}})},
            {}};
    for (const auto& lr : runs) {
        const Cell last = lr.run.points.empty() ? Cell{} : cell(lr.run.points.back().at.at(0));
        // A run is known to the reader by its rate; its label is the lesson's name for that rate.
        t.rows.push_back({count_cell(lr.plan.rate),
                          count_cell(static_cast<double>(lr.run.points.size())), last,
                          Cell{std::nullopt, verdict_words(classify_descent(lr.run))}});
    }
    return t;
}

Note sameness_note(const std::vector<LabelledRun>& runs, const std::string& key, int first_index) {
    std::size_t shortest = runs.empty() ? 0 : runs.front().run.points.size();
    for (const auto& lr : runs) shortest = std::min(shortest, lr.run.points.size());
    for (std::size_t r = 0; r < shortest; ++r)
        for (const auto& lr : runs)
            for (std::size_t i = 0; i < lr.run.points[r].at.size(); ++i)
                if (!same(lr.run.points[r].at[i].hand, runs.front().run.points[r].at.at(i).hand))
                    return Note{key, Note::Kind::warning, {"descent.runs_part", {number(static_cast<double>(r) + first_index)}}};
    return Note{key, Note::Kind::info, {"descent.runs_same", {number(static_cast<double>(shortest))}}};
}

}  // namespace nntrace
