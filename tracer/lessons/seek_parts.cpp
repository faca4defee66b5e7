// The verbs of target seeking and of the graph itself: forward, gradient, adjust, iterate.
//
//   do = "forward"                             the graph's forward pass at the start
//   do = "gradient"                            wrt = ["w", "b"] (default every variable),
//                                              terms = true (chain-rule lines), forward = false,
//                                              diagram = true (the graph with its gradients)
//   do = "adjust" | "iterate"                  move = ["w", "b"]: each an equal share of Δout,
//                                              or [{ variable = "x", share = 1, via = ["b", "a"] }]
//   target = "target"                          adjust, iterate: the parameter holding the target
//   tolerance = "tolerance", max_rounds = "max_rounds", factors = "fixed" | "recomputed"  (iterate)
//   floor = [{ variable = "x", below = "x_floor", reset_to = "x_reset" }]  (adjust, iterate)
#include <cmath>

#include "core/backward.hpp"
#include "core/recording.hpp"
#include "lessons/part_verbs.hpp"
#include "lessons/seek_items.hpp"

namespace nntrace {
namespace {

constexpr int largest_round_cap = 10000;  // a longer table helps no reader

void append(Section& s, std::vector<Item> items) {
    s.items.insert(s.items.end(), std::make_move_iterator(items.begin()), std::make_move_iterator(items.end()));
}

BuiltGraph built(const PartContext& c) { return build_graph(c.graph(), c.start(c.graph()), c.arithmetic()); }

void forward_part(const PartContext& c, Section& s) { append(s, forward_steps(built(c).tape, c.part().key + "/")); }

std::vector<std::string> wrt_of(const PartContext& c) {
    std::vector<std::string> wrt = c.fields().strings("wrt");
    for (const auto& v : wrt) {
        bool known = false;
        for (const auto& gv : c.graph().variables) known = known || gv == v;
        if (!known) throw c.error("wrt", "'" + v + "' is not a variable of the graph");
    }
    return wrt.empty() ? c.graph().variables : wrt;
}

void gradient_part(const PartContext& c, Section& s) {
    const std::vector<std::string> wrt = wrt_of(c);
    const BuiltGraph g = built(c);
    const std::string& prefix = c.part().key + "/";
    if (c.fields().optional_bool("forward").value_or(false)) append(s, forward_steps(g.tape, prefix));
    append(s, gradient_items(g, c.graph().output, wrt, prefix, c.fields().optional_bool("terms").value_or(true)));
    if (c.fields().optional_bool("diagram").value_or(true)) s.items.emplace_back(gradient_diagram(g, c.graph().output, prefix + "diagram"));
}

Mover read_mover(const PartContext& c, const toml::node& item, double equal_share) {
    if (item.is_string()) return Mover{item.as_string()->get(), equal_share, {}};
    if (!item.is_table()) throw c.fields().error(item, "each entry of 'move' must be a variable's name or a table");
    const Fields m(*item.as_table(), c.fields().file());
    m.only({"variable", "share", "via"});
    return Mover{m.string("variable"), m.optional_number("share").value_or(equal_share), m.strings("via")};
}

std::vector<Reset> read_floors(const PartContext& c) {
    std::vector<Reset> out;
    const toml::array* floors = c.fields().optional_array("floor");
    if (!floors) return out;
    for (const toml::node& item : *floors) {
        if (!item.is_table()) throw c.fields().error(item, "each floor is { variable = …, below = …, reset_to = … }");
        const Fields f(*item.as_table(), c.fields().file());
        f.only({"variable", "below", "reset_to"});
        out.push_back({f.string("variable"), c.number_in(f, "below"), c.number_in(f, "reset_to")});
    }
    return out;
}

SeekPlan make_plan(const PartContext& c) {
    const toml::array* move = c.fields().optional_array("move");
    if (!move || move->empty()) throw c.error("move", "this part needs 'move': the variables to adjust");
    SeekPlan plan{c.graph(), c.start(c.graph()), c.number("target", "target"), {}, FactorMode::fixed, c.arithmetic(), read_floors(c)};
    for (const toml::node& item : *move) plan.movers.push_back(read_mover(c, item, 1.0 / static_cast<double>(move->size())));
    const std::string factors = c.fields().optional_string("factors").value_or("fixed");
    if (factors != "fixed" && factors != "recomputed") throw c.error("factors", "'factors' must be \"fixed\" or \"recomputed\"");
    plan.factors = factors == "fixed" ? FactorMode::fixed : FactorMode::recomputed;
    try {
        if (auto problem = plan_problem(plan)) throw c.error("move", *problem);
    } catch (const NumericFault&) {
        // the start gives a value that is not a number: the run shows where
    }
    return plan;
}

void adjust_part(const PartContext& c, Section& s) {
    const SeekPlan plan = make_plan(c);
    const SeekRun result = seek_once(plan);
    append(s, adjustment_items(plan, result, c.part().key + "/"));
    if (auto note = ending_note(plan, result, c.part().key + "/end")) s.items.emplace_back(*note);
}

void iterate_part(const PartContext& c, Section& s) {
    const SeekPlan plan = make_plan(c);
    const std::string tolerance_name = c.parameter_name("tolerance", "tolerance");
    const double tolerance = c.number("tolerance", "tolerance");
    if (!(tolerance > 0)) throw c.run().parameters.bad_value(tolerance_name, "the tolerance must be above 0");
    const int cap = c.whole_number("max_rounds", "max_rounds", 1, largest_round_cap);
    const SeekRun result = seek_until(plan, tolerance, cap);
    s.items.emplace_back(iteration_table(plan, result, c.part().key, s.title));
    if (auto note = ending_note(plan, result, c.part().key + "/end")) s.items.emplace_back(*note);
}

}  // namespace

std::vector<PartVerb> seek_part_verbs() {
    return {
        {"forward", {"start"}, forward_part},
        {"gradient", {"start", "wrt", "terms", "forward", "diagram"}, gradient_part},
        {"adjust", {"start", "move", "target", "floor"}, adjust_part},
        {"iterate", {"start", "move", "target", "floor", "factors", "tolerance", "max_rounds"}, iterate_part},
    };
}

}  // namespace nntrace
