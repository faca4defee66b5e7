#include "suggest.hpp"

#include <algorithm>

namespace nntrace {
namespace {

constexpr std::size_t max_edits = 2;

// Levenshtein distance, one row at a time.
std::size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

}  // namespace

std::optional<std::string> closest_name(const std::string& name, const std::vector<std::string>& known) {
    std::optional<std::string> best;
    std::size_t best_distance = max_edits + 1;
    for (const auto& k : known) {
        const std::size_t d = edit_distance(name, k);
        // Fewer edits than the name has letters: any one-letter name is one edit from "x".
        if (d < best_distance && d < name.size()) best = k, best_distance = d;
    }
    return best;
}

}  // namespace nntrace
