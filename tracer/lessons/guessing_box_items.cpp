// The black box in the record. Symbols: x the input, y the box's output, t the target, d the
// difference y − t the learner is told, η the rate of the adjustment.
#include <cmath>

#include "lessons/guessing_items.hpp"
#include "lessons/plot_marks.hpp"

namespace nntrace {
namespace {

using namespace guessing;

Num size_of(const Num& n) { return {std::fabs(n.exact), std::fabs(n.hand)}; }
Num count(std::size_t k) { return whole(static_cast<long long>(k)); }

Section setup_section(const BoxPlan& plan) {
    Section s{"setup", message("guessing.section.setup"), {}};
    s.items.emplace_back(Note{"setup/rules", Note::Kind::info, message("guessing.box.setup")});
    s.items.emplace_back(Step{"setup/target", "t", {}, Num::both(plan.target), std::nullopt});
    s.items.emplace_back(Step{"setup/rate", "η", {}, Num::both(plan.rate), std::nullopt});
    return s;
}

// What the learner hears: which side of the target the output is on, and how far.
Note told_note(const BoxRound& r, const std::string& p) {
    const bool below = r.difference.hand < 0;
    return {p + "told", Note::Kind::info,
            message(below ? "guessing.box.told.below" : "guessing.box.told.above", {number_arg(size_of(r.difference))})};
}

// Steps of one round, each labelled with the word of training it illustrates.
void round_steps(const BoxPlan& plan, const BoxRound& r, std::size_t k, Section& s) {
    const std::string p = s.key + "/";
    if (k == 1) s.items.emplace_back(Step{p + "x", "x", {}, r.x, word_label(TrainingWord::initialisation)});
    // The rule stays inside the box: the step shows only that the box was asked.
    s.items.emplace_back(Step{p + "y", "y", {text("box("), symbol("x", r.x), text(")")}, r.y,
                              word_label(TrainingWord::forward)});
    s.items.emplace_back(Step{p + "difference", "d", {symbol("y", r.y), text(" − "), symbol("t", Num::both(plan.target))},
                              r.difference, word_label(TrainingWord::loss)});
    if (!r.next) return;
    // What travels back is d itself: its sign (which way to move) and its size (how far).
    const double sign = r.difference.hand > 0 ? 1 : r.difference.hand < 0 ? -1 : 0;
    s.items.emplace_back(Step{p + "sign", "sign(d)", {text("sign("), symbol("d", r.difference), text(")")},
                              Num::both(sign), word_label(TrainingWord::backward)});
    s.items.emplace_back(Step{p + "size", "|d|", {text("|"), symbol("d", r.difference), text("|")},
                              size_of(r.difference), word_label(TrainingWord::backward)});
    s.items.emplace_back(told_note(r, p));
    s.items.emplace_back(Step{p + "next_x", "x",
                              {symbol("x", r.x), text(" − "), symbol("η", Num::both(plan.rate)), text(" · "),
                               symbol("d", r.difference)},
                              *r.next, word_label(TrainingWord::descent)});
}

const char* divergence_message(Divergence d) {
    switch (d) {
        case Divergence::overshooting: return "guessing.box.diverged.overshooting";
        case Divergence::wrong_way: return "guessing.box.diverged.wrong_way";
        case Divergence::unclear: return "guessing.box.diverged";
    }
    return "guessing.box.diverged";
}

Note ending_note(const BoxPlan& plan, const BoxRun& run, const std::string& key) {
    switch (run.end) {
        case BoxEnd::converged:
            return {key, Note::Kind::info, message("guessing.box.converged", {number_arg(Num::both(plan.tolerance))})};
        case BoxEnd::capped:
            return {key, Note::Kind::warning, message("guessing.box.capped", {number_arg(count(run.rounds.size()))})};
        case BoxEnd::stalled: return {key, Note::Kind::warning, message("guessing.box.stalled")};
        case BoxEnd::diverged: {
            const Num& next = *run.rounds.back().next;
            if (!std::isfinite(next.hand) || !std::isfinite(next.exact))
                return {key, Note::Kind::warning, message("guessing.box.not_finite")};
            return {key, Note::Kind::warning,
                    message(divergence_message(run.divergence), {number_arg(Num::both(plan.runaway))})};
        }
        case BoxEnd::fault:
            return {key, Note::Kind::fault, message("guessing.box.fault", {number_arg(*run.fault_input)})};
    }
    return {key, Note::Kind::fault, message("guessing.box.not_finite")};  // not reached: every end is handled
}

std::vector<Section> round_sections(const BoxPlan& plan, const BoxRun& run) {
    std::vector<Section> out;
    for (std::size_t k = 1; k <= run.rounds.size(); ++k) {
        out.push_back(round_section(k));
        round_steps(plan, run.rounds[k - 1], k, out.back());
    }
    // A box that gave no number: the round that tried it shows only its input and why it stops.
    if (run.end == BoxEnd::fault) {
        out.push_back(round_section(run.rounds.size() + 1));
        if (run.rounds.empty())
            out.back().items.emplace_back(Step{"round/1/x", "x", {}, *run.fault_input, word_label(TrainingWord::initialisation)});
    }
    out.back().items.emplace_back(ending_note(plan, run, out.back().key + "/end"));
    return out;
}

Column column(std::string key, Message title) { return {std::move(key), std::move(title), std::nullopt}; }
Message name_title(const char* name) { return message("guessing.column.name", {{name, std::nullopt}}); }

Table summary_table(const BoxRun& run) {
    Table t{"summary", message("guessing.table.rounds"),
            {{"round", message("guessing.column.round"), 0}, column("x", name_title("x")), column("y", name_title("y")),
             column("d", name_title("d")), column("step", name_title("η · d")),
             column("next_x", message("guessing.column.next", {{"x", std::nullopt}}))},
            {}};
    for (std::size_t k = 1; k <= run.rounds.size(); ++k) {
        const BoxRound& r = run.rounds[k - 1];
        // A round that made no move leaves its last two cells empty.
        t.rows.push_back({Cell{count(k), std::nullopt}, Cell{r.x, std::nullopt}, Cell{r.y, std::nullopt},
                          Cell{r.difference, std::nullopt}, r.step ? Cell{*r.step, std::nullopt} : Cell{},
                          r.next ? Cell{*r.next, std::nullopt} : Cell{}});
    }
    return t;
}

// The output against the round, with the target as a level line: the curve should settle on it.
Plot output_plot(const BoxPlan& plan, const BoxRun& run) {
    Series outputs{Series::Kind::line, "y", {}, {}, {}};
    for (std::size_t k = 1; k <= run.rounds.size(); ++k) {
        outputs.x.push_back(static_cast<double>(k));
        outputs.y.push_back(run.rounds[k - 1].y.hand);
    }
    const double last = static_cast<double>(run.rounds.size());
    Series target{Series::Kind::line, "t", {1, last}, {plan.target, plan.target}, {}};
    target.label_value = Arg{"", Num::both(plan.target), -6};
    target.dashed = true;
    std::vector<double> heights = outputs.y;
    heights.push_back(plan.target);
    Plot p{"summary/plot", message("guessing.box.plot"), "k", "y", {outputs, target}};
    // Every output and the target inside the frame, off its edges; the rounds are whole numbers.
    p.x_range = Range{1, std::max(2.0, last)};
    p.y_range = plot_range(std::nullopt, heights);
    p.integer_x = true;
    return p;
}

Section summary_section(const BoxPlan& plan, const BoxRun& run) {
    Section s{"summary", message("guessing.section.summary"), {}};
    if (!run.rounds.empty()) {
        s.items.emplace_back(summary_table(run));
        s.items.emplace_back(output_plot(plan, run));
    }
    s.items.emplace_back(Note{"summary/inside", Note::Kind::info, message("guessing.box.inside", {{plan.source, std::nullopt}})});
    return s;
}

}  // namespace

std::vector<Section> black_box_sections(const BoxPlan& plan, const BoxRun& run) {
    std::vector<Section> out{setup_section(plan)};
    for (auto& s : round_sections(plan, run)) out.push_back(std::move(s));
    out.push_back(summary_section(plan, run));
    out.push_back(words_section("box", {{number_arg(plan.first_input)}, {}, {number_arg(Num::both(plan.target))}, {},
                                        {number_arg(Num::both(plan.rate))}}));
    return out;
}

}  // namespace nntrace
