#include "matrices.hpp"

#include <functional>

#include "algorithms/training.hpp"
#include "core/recording.hpp"
#include "problem/run_parts.hpp"

namespace nntrace {
namespace {

// A group laid out as written: the entries' names, then one number per entry of each row.
Table laid_out(const MatrixGroup& group, const std::string& key, Message title,
               const std::function<Num(const std::string& name)>& number_of) {
    Table t{key, std::move(title), {Column{"entries", words("problem.column.entries"), std::nullopt}}, {}};
    for (std::size_t j = 0; j < group.rows.front().size(); ++j)
        t.columns.push_back(Column{std::to_string(j + 1),
                                   words("problem.column.matrix_column", {number(static_cast<double>(j + 1))}), std::nullopt});
    for (const auto& row : group.rows) {
        std::string names;
        for (const auto& entry : row) names += (names.empty() ? "" : ", ") + entry.name;
        std::vector<Cell> cells{Cell{std::nullopt, words("problem.name", {text(names)})}};
        for (const auto& entry : row) cells.push_back(Cell{number_of(entry.name), std::nullopt});
        t.rows.push_back(std::move(cells));
    }
    return t;
}

}  // namespace

std::vector<Item> gradient_matrices(const Problem& problem, const Tape& tape, const Gradients& g) {
    std::vector<Item> out;
    const std::string& loss = display_name(tape, g.root);
    for (const MatrixGroup& group : problem.matrices) {
        out.emplace_back(laid_out(group, "d" + loss + "_d" + group.name,
                                  words("problem.table.gradient_matrix", {text(loss), text(group.name)}),
                                  [&](const std::string& name) {
                                      // The gradient's own step: a zero reached through a zero factor reads 0, not −0.
                                      return gradient_step(tape, g, *tape.find(name), "").value;
                                  }));
    }
    return out;
}

std::vector<Item> updated_matrices(const Problem& problem, const std::map<std::string, Num>& after,
                                   const std::map<std::string, Num>& values) {
    std::vector<Item> out;
    for (const MatrixGroup& group : problem.matrices) {
        out.emplace_back(laid_out(group, group.name + "+", words("problem.table.updated_matrix", {text(group.name)}),
                                  [&](const std::string& name) {
                                      const auto it = after.find(name);
                                      return it != after.end() ? it->second : values.at(name);
                                  }));
    }
    return out;
}

}  // namespace nntrace
