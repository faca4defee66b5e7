#include "lessons/perceptron_items.hpp"

#include <cmath>

#include "lessons/perceptron_plot.hpp"

namespace nntrace {
namespace {

Message say(std::string id, std::vector<Arg> args = {}) { return Message{std::move(id), std::move(args)}; }
Arg word(std::string text) { return Arg{std::move(text), {}}; }
Arg number(const Num& n) { return Arg{{}, n}; }
Arg number(double v) { return Arg{{}, Num::both(v)}; }
Cell cell(const Num& n) { return Cell{n, {}}; }
Cell cell(Message m) { return Cell{{}, std::move(m)}; }

// Names as the textbook writes them: w1, w2 for the weights; x⁽¹⁾, x⁽²⁾ for a point's
// coordinates, since the source names the points themselves x1, x2, … (in a formula x₁ and x1
// would be the same x with index 1).
std::string weight(std::size_t i) { return "w" + std::to_string(i + 1); }
std::string superscript(std::size_t n) {
    static const char* const digits[] = {"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"};
    std::string out;
    for (char c : std::to_string(n)) out += digits[c - '0'];
    return out;
}
std::string coordinate(std::size_t i) { return "x⁽" + superscript(i + 1) + "⁾"; }

// A step that only states a value: "w1 = −3" (the formula repeats the name, so pages skip it).
Step value_step(std::string key, const std::string& name, const Num& v) {
    return Step{std::move(key), name, {{name, {}}}, v, {}};
}

Cell point_cell(const PerceptronPlan& plan, std::size_t i) { return cell(say("perceptron.point", {word(plan.points[i].name)})); }

Note order_note(const PerceptronPlan& plan, const std::string& key) {
    switch (plan.order) {
        case VisitOrder::listed: {
            std::string names;
            for (std::size_t i : plan.listed) names += (names.empty() ? "" : ", ") + plan.points[i].name;
            return Note{key + "/order", Note::Kind::info, say("perceptron.order.lecture", {word(names)})};
        }
        case VisitOrder::cyclic: return Note{key + "/order", Note::Kind::info, say("perceptron.order.cyclic")};
        case VisitOrder::restart: return Note{key + "/order", Note::Kind::info, say("perceptron.order.restart")};
    }
    return {};
}

Note ending_note(const PerceptronPlan& plan, const PerceptronRun& run, const std::string& key) {
    const std::string k = key + "/end";
    switch (run.end) {
        case PerceptronEnd::list_done:
            return Note{k, Note::Kind::info, say("perceptron.end.list_done", {number(run.updates)})};
        case PerceptronEnd::clean_sweep:
            return Note{k, Note::Kind::info, say("perceptron.end.clean_sweep", {number(run.updates), number(static_cast<double>(plan.points.size()))})};
        case PerceptronEnd::cycle: {
            const PerceptronCycle& c = *run.cycle;
            return Note{k, Note::Kind::warning, say("perceptron.end.cycle", {number(c.repeat_check), number(c.first_check), number(c.checks), number(c.updates)})};
        }
        case PerceptronEnd::capped:
            return Note{k, Note::Kind::warning, say("perceptron.end.capped", {number(plan.max_checks)})};
    }
    return {};
}

}  // namespace

std::vector<Item> perceptron_setup_items(const PerceptronPlan& plan, const std::string& key) {
    Table data{key + "-data", say("perceptron.table.data"), {{"point", say("perceptron.column.point"), {}}}, {}};
    const std::size_t dims = plan.w.size();
    for (std::size_t i = 0; i < dims; ++i)
        data.columns.push_back({"x" + std::to_string(i + 1), say("perceptron.column.name", {word(coordinate(i))}), {}});
    data.columns.push_back({"y", say("perceptron.column.label"), 0});
    for (std::size_t p = 0; p < plan.points.size(); ++p) {
        std::vector<Cell> row{point_cell(plan, p)};
        for (double x : plan.points[p].x) row.push_back(cell(Num::both(x)));
        row.push_back(cell(Num::both(plan.points[p].y)));
        data.rows.push_back(std::move(row));
    }
    std::vector<Item> out{data};
    for (std::size_t i = 0; i < dims; ++i) out.emplace_back(value_step(key + "/start/" + weight(i), weight(i), plan.w[i]));
    out.emplace_back(value_step(key + "/start/b", "b", plan.b));
    out.emplace_back(value_step(key + "/start/eta", "η", Num::both(plan.rate)));
    out.emplace_back(Note{key + "/rule", Note::Kind::convention, say("perceptron.rule")});
    out.emplace_back(order_note(plan, key));
    return out;
}

std::vector<Item> perceptron_check_items(const PerceptronPlan& plan, const PerceptronRun& run, const std::string& key) {
    Table t{key + "-checks", say("perceptron.table.checks"),
            {{"check", say("perceptron.column.check"), 0},
             {"point", say("perceptron.column.point"), {}},
             {"score", say("perceptron.column.score"), {}},
             {"margin", say("perceptron.column.margin"), {}},
             {"result", say("perceptron.column.result"), {}}},
            {}};
    for (std::size_t i = 0; i < plan.w.size(); ++i)
        t.columns.push_back({weight(i), say("perceptron.column.after", {word(weight(i))}), {}});
    t.columns.push_back({"b", say("perceptron.column.after", {word("b")}), {}});
    for (const PerceptronCheck& c : run.checks) {
        std::vector<Cell> row{cell(Num::both(c.number)), point_cell(plan, c.point), cell(c.score), cell(c.margin)};
        row.push_back(c.update ? cell(say("perceptron.result.updated", {number(c.update)}))
                               : cell(say("perceptron.result.correct")));
        for (const Num& w : c.w) row.push_back(cell(w));
        row.push_back(cell(c.b));
        t.rows.push_back(std::move(row));
    }
    return {t, ending_note(plan, run, key)};
}

std::vector<Item> perceptron_update_items(const PerceptronPlan& plan, const PerceptronRun& run, const std::string& key) {
    std::vector<Item> out;
    const Num rate = Num::both(plan.rate);
    for (const PerceptronCheck& c : run.checks) {
        if (!c.update) continue;
        const LabelledPoint& p = plan.points[c.point];
        const std::string prefix = key + "/update/" + std::to_string(c.update) + "/";
        const Num y = Num::both(p.y);
        for (std::size_t i = 0; i < c.w.size(); ++i) {
            // wᵢ ← wᵢ + η·y·xᵢ
            Formula f{{weight(i), c.w_before[i]}, {" + ", {}}, {"η", rate}, {"*", {}}, {"y", y}, {"*", {}},
                      {coordinate(i), Num::both(p.x[i])}};
            Step s{prefix + weight(i), weight(i), std::move(f), c.w[i], {}};
            if (i == 0) s.label = say("perceptron.update_label", {number(c.update), word(p.name), number(c.number)});
            out.emplace_back(std::move(s));
        }
        // b ← b + η·y
        out.emplace_back(Step{prefix + "b", "b", {{"b", c.b_before}, {" + ", {}}, {"η", rate}, {"*", {}}, {"y", y}}, c.b, {}});
    }
    if (out.empty()) out.emplace_back(Note{key + "/no_updates", Note::Kind::info, say("perceptron.no_updates")});
    return out;
}

std::vector<Item> perceptron_final_items(const PerceptronPlan& plan, const PerceptronRun& run, const std::string& key) {
    std::vector<Item> out;
    for (std::size_t i = 0; i < run.w.size(); ++i) out.emplace_back(value_step(key + "/final/" + weight(i), weight(i), run.w[i]));
    out.emplace_back(value_step(key + "/final/b", "b", run.b));
    if (run.w.size() == 2) {
        // f(x) = sign(w1·x⁽¹⁾ ± |w2|·x⁽²⁾ ± |b|): the signs as words, so the page never shows "+ −2".
        auto sign = [](const Num& v) { return word(v.hand < 0 ? "−" : "+"); };
        auto size = [](const Num& v) { return number(Num{std::fabs(v.exact), std::fabs(v.hand)}); };
        out.emplace_back(Note{key + "/final/model", Note::Kind::info,
                              say("perceptron.final_model", {number(run.w[0]), sign(run.w[1]), size(run.w[1]), sign(run.b), size(run.b)})});
    }
    for (std::size_t p = 0; p < plan.points.size(); ++p) {
        const LabelledPoint& pt = plan.points[p];
        Formula f{{"sign(", {}}};
        for (std::size_t i = 0; i < run.w.size(); ++i) {
            f.push_back({weight(i), run.w[i]});
            f.push_back({"*", {}});
            f.push_back({"", Num::both(pt.x[i])});
            f.push_back({" + ", {}});
        }
        f.push_back({"b", run.b});
        f.push_back({")", {}});
        const bool right = run.final_margins[p].hand > 0;
        out.emplace_back(Step{key + "/final/f/" + pt.name, "f(" + pt.name + ")", std::move(f),
                              Num::both(run.final_signs[p]),
                              say(right ? "perceptron.point_right" : "perceptron.point_wrong", {number(pt.y)})});
    }
    out.emplace_back(Note{key + "/final/verdict", run.separates ? Note::Kind::info : Note::Kind::warning,
                          say(run.separates ? "perceptron.separates" : "perceptron.does_not_separate")});
    return out;
}

std::vector<Item> perceptron_plot_items(const PerceptronPlan& plan, const PerceptronRun& run, const std::string& key) {
    if (plan.w.size() != 2) return {};
    std::vector<std::pair<double, double>> all, positive, negative;
    std::vector<Arg> positive_names, negative_names;
    for (const LabelledPoint& p : plan.points) {
        all.emplace_back(p.x[0], p.x[1]);
        (p.y > 0 ? positive : negative).emplace_back(p.x[0], p.x[1]);
        (p.y > 0 ? positive_names : negative_names).push_back(word(p.name));  // as the page names the points
    }
    const PlotBox box = box_around(all);
    Plot plot{key + "-plot", say("perceptron.plot_title"), coordinate(0), coordinate(1), {}};
    frame_plot(plot, box);
    plot.series.push_back(point_marks(positive, "y = +1"));
    plot.series.back().marks = positive_names;
    plot.series.push_back(point_marks(negative, "y = −1"));
    plot.series.back().marks = negative_names;
    std::vector<Item> notes;
    std::vector<const PerceptronCheck*> drawn;  // the updates whose line is drawn, in order
    for (const PerceptronCheck& c : run.checks) {
        if (!c.update) continue;
        // The line after update k, labelled as the source numbers its weights: w⁽ᵏ⁾, b⁽ᵏ⁾.
        const std::string k = superscript(static_cast<std::size_t>(c.update));
        std::string label = "w⁽" + k + "⁾, b⁽" + k + "⁾";
        // A line drawn before, again: dashed over it, and said in the legend and under the plot.
        const PerceptronCheck* same = nullptr;
        for (const PerceptronCheck* d : drawn)
            if (same_line({d->w[0].exact, d->w[1].exact, d->b.exact}, {c.w[0].exact, c.w[1].exact, c.b.exact})) same = d;
        if (same) {
            const std::string j = superscript(static_cast<std::size_t>(same->update));
            label += " = w⁽" + j + "⁾, b⁽" + j + "⁾";
            notes.emplace_back(Note{key + "-plot/same-line-" + std::to_string(c.update), Note::Kind::info,
                                    say("perceptron.plot_same_line", {number(c.update), number(same->update)})});
        }
        auto line = line_in_box(c.w[0].exact, c.w[1].exact, c.b.exact, box, label);
        if (!line) continue;
        line->dashed = same != nullptr;
        plot.series.push_back(*line);
        drawn.push_back(&c);
    }
    std::vector<Item> out{plot};
    for (Item& n : notes) out.push_back(std::move(n));
    return out;
}

}  // namespace nntrace
