// [grading] → Grading: points are positive numbers, the two shares are from 0 to 1.
#include "problem/grading_read.hpp"

#include <cmath>

#include "problem/checks.hpp"
#include "problem/suggest.hpp"
#include "problem/toml_order.hpp"

namespace nntrace {
namespace {

template <typename Source>
FilePosition grading_position(const Source& s) {
    return {static_cast<int>(s.source().begin.line), static_cast<int>(s.source().begin.column)};
}

double grading_number(const Problem& problem, const toml::node& node, const std::string& what) {
    double v = 0;
    if (node.is_integer()) v = static_cast<double>(node.as_integer()->get());
    else if (node.is_floating_point()) v = node.as_floating_point()->get();
    else fail_at(problem, grading_position(node), what + " must be a number");
    if (!std::isfinite(v)) fail_at(problem, grading_position(node), what + " must be a finite number");
    return v;
}

double points_value(const Problem& problem, const toml::node& node, const std::string& what) {
    const double v = grading_number(problem, node, what);
    if (v <= 0) fail_at(problem, grading_position(node), what + " must be more than 0");
    return v;
}

double share_value(const Problem& problem, const toml::node& node, const std::string& what) {
    const double v = grading_number(problem, node, what);
    if (v < 0 || v > 1)
        fail_at(problem, grading_position(node), what + " is a share of the answer's points: a number from 0 to 1");
    return v;
}

void read_points(const Problem& problem, const toml::node& node, Grading& grading) {
    if (!node.is_table()) {
        if (!node.is_integer() && !node.is_floating_point())
            fail_at(problem, grading_position(node),
                    "[grading] points must be a number (every answer) or a table like { yhat = 2, \"dL/dw7\" = 3 }");
        grading.default_points = points_value(problem, node, "[grading] points");
        return;
    }
    for (const auto& [name, value] : in_file_order(*node.as_table())) {
        const std::string answer(name->str());
        grading.points.push_back({answer, points_value(problem, *value, "the points of " + answer), grading_position(*name)});
    }
}

}  // namespace

Grading read_grading(const toml::node& node, const Problem& problem) {
    if (!node.is_table()) fail_at(problem, grading_position(node), "'grading' must be a table ([grading])");
    Grading grading;
    for (const auto& [k, value] : in_file_order(*node.as_table())) {
        const std::string name(k->str());
        if (name == "points") read_points(problem, *value, grading);
        else if (name == "last_digit") grading.last_digit = share_value(problem, *value, "[grading] last_digit");
        else if (name == "carried") grading.carried = share_value(problem, *value, "[grading] carried");
        else {
            const std::vector<std::string> names = {"carried", "last_digit", "points"};
            std::string what = "unknown key '" + name + "' in [grading]";
            if (auto guess = closest_name(name, names)) what += "; did you mean '" + *guess + "'?";
            else what += " (expected one of: carried, last_digit, points)";
            fail_at(problem, grading_position(*k), what);
        }
    }
    return grading;
}

}  // namespace nntrace
