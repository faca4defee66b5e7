#include "lessons/guessing_kind.hpp"

#include <cmath>

#include "algorithms/guessing.hpp"
#include "lessons/guessing_items.hpp"
#include "lessons/toml_fields.hpp"

namespace nntrace {
namespace {

constexpr int largest_round_cap = 1000;  // a longer run helps no reader

// The lesson's `game`, checked; errors about a missing parameter point at it.
struct Game {
    std::string name;
    const toml::node* where = nullptr;
};

Game read_game(const LessonFile& lesson) {
    const Fields f(lesson.root, lesson.path);
    Game g{f.string("game"), f.find("game")};
    if (g.name != "number" && g.name != "box")
        throw f.error(*g.where, "'game' must be \"number\" (guess a hidden number) or \"box\" (the black box)");
    return g;
}

const Parameter& required(const LessonRun& run, const Game& game, const std::string& name, Parameter::Type type) {
    if (!run.parameters.has(name))
        throw error_at(run.lesson.path, *game.where,
                       "the game \"" + game.name + "\" needs a parameter '" + name + "' in [parameters]");
    const Parameter& p = run.parameters.at(name);
    if (p.type != type)
        throw run.parameters.bad_value(name, name + (type == Parameter::Type::text ? " must be a string" : " must be a number"));
    return p;
}

double number(const LessonRun& run, const Game& game, const std::string& name) {
    return required(run, game, name, Parameter::Type::number).number;
}

long long whole_number(const LessonRun& run, const Game& game, const std::string& name) {
    const double v = number(run, game, name);
    if (v != std::floor(v) || std::fabs(v) > 1e15) throw run.parameters.bad_value(name, name + " must be a whole number");
    return static_cast<long long>(v);
}

// ---- the number game ----

// The parameter to blame for a bad range: the one the user changed, if either.
std::string range_end(const LessonRun& run) {
    return run.parameters.at("low").set_by_user ? "low" : "high";
}

NumberGame number_game_of(const LessonRun& run, const Game& g) {
    const NumberGame game{whole_number(run, g, "low"), whole_number(run, g, "high"), whole_number(run, g, "hidden"),
                          whole_number(run, g, "first_guess")};
    if (game.low > game.high) throw run.parameters.bad_value(range_end(run), "the range from low to high is empty");
    if (game.hidden < game.low || game.hidden > game.high)
        throw run.parameters.bad_value("hidden", "the hidden number must lie in the range from low to high");
    if (game.first_guess < game.low || game.first_guess > game.high)
        throw run.parameters.bad_value("first_guess", "the first guess must lie in the range from low to high");
    if (auto problem = number_game_problem(game)) throw run.parameters.bad_value(range_end(run), *problem);
    return game;
}

// ---- the black box ----

// A rule that cannot be built: at its column in the --set option, or in lesson.toml.
InputError rule_error(const LessonRun& run, const ExpressionError& e) {
    if (run.parameters.at("box").set_by_user)
        return run.parameters.bad_value("box", "column " + std::to_string(e.column()) + " of the box's rule: " + e.what());
    const toml::node* at = run.lesson.root["parameters"]["box"].node();
    return error_in_string(run.lesson.path, *at, e.column() - 1, e.what());
}

void check_box_numbers(const LessonRun& run, const BoxPlan& plan, double cap) {
    if (!(plan.rate > 0)) throw run.parameters.bad_value("rate", "the rate must be above 0");
    if (!(plan.tolerance > 0)) throw run.parameters.bad_value("tolerance", "the tolerance must be above 0");
    if (!(plan.runaway > 0)) throw run.parameters.bad_value("runaway", "runaway must be above 0");
    if (cap < 1 || cap > largest_round_cap || cap != std::floor(cap))
        throw run.parameters.bad_value("max_rounds", "max_rounds must be a whole number from 1 to " +
                                                         std::to_string(largest_round_cap));
}

BoxPlan box_plan_of(const LessonRun& run, const Game& g) {
    BoxPlan plan;
    plan.source = required(run, g, "box", Parameter::Type::text).text;
    plan.target = number(run, g, "target");
    plan.first_input = Num::both(number(run, g, "first_input"));
    plan.rate = number(run, g, "rate");
    plan.tolerance = number(run, g, "tolerance");
    plan.runaway = number(run, g, "runaway");
    const double cap = number(run, g, "max_rounds");
    check_box_numbers(run, plan, cap);
    plan.max_rounds = static_cast<int>(cap);
    plan.arithmetic = run.arithmetic;
    try {
        plan.rule = parse_expression(plan.source);
        check_box_rule(plan);
    } catch (const ExpressionError& e) {
        throw rule_error(run, e);
    }
    return plan;
}

}  // namespace

std::vector<std::string_view> guessing_keys() { return {"game"}; }

std::vector<Section> run_guessing(const LessonRun& run) {
    const Game game = read_game(run.lesson);
    if (game.name == "number") {
        const NumberGame g = number_game_of(run, game);
        return number_game_sections(g, play_number_game(g));
    }
    const BoxPlan plan = box_plan_of(run, game);
    return black_box_sections(plan, play_black_box(plan));
}

}  // namespace nntrace
