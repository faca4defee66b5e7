#include "record.hpp"

#include <cstdlib>

namespace nntrace {

std::string_view series_kind_name(Series::Kind kind) {
    switch (kind) {
        case Series::Kind::line: return "line";
        case Series::Kind::points: return "points";
        case Series::Kind::path: return "path";
        case Series::Kind::grid: return "grid";
    }
    return "line";
}

const Table* Record::find_table(const std::string& key) const {
    for (const auto& s : sections)
        for (const auto& item : s.items)
            if (const auto* t = std::get_if<Table>(&item); t && t->key == key) return t;
    return nullptr;
}

std::optional<Num> Record::find(const std::string& key) const {
    for (const auto& s : sections)
        for (const auto& item : s.items) {
            if (const auto* st = std::get_if<Step>(&item); st && st->key == key) return st->value;
            if (const auto* u = std::get_if<Update>(&item); u && u->key == key) return u->after;
            if (const auto* c = std::get_if<ChainLine>(&item); c && c->key == key) return c->contribution;
            if (const auto* g = std::get_if<GradientSum>(&item); g && g->key == key) return g->total;
            if (const auto* n = std::get_if<NamedChain>(&item); n && n->key == key) return n->value;
        }
    if (const auto cell = find_cell(key)) return cell;
    for (const auto& elsewhere : find_elsewhere)
        if (const auto v = elsewhere(key)) return v;
    return std::nullopt;
}

std::optional<Num> Record::find_cell(const std::string& key) const {
    const auto first = key.find('/');
    const auto last = key.rfind('/');
    if (first == std::string::npos || first == last) return std::nullopt;
    const Table* t = find_table(key.substr(0, first));
    if (!t) return std::nullopt;
    const std::string row_text = key.substr(first + 1, last - first - 1);
    char* end = nullptr;
    const long row = std::strtol(row_text.c_str(), &end, 10);
    if (end == row_text.c_str() || *end != '\0' || row < 1 || static_cast<std::size_t>(row) > t->rows.size())
        return std::nullopt;
    const std::string column = key.substr(last + 1);
    for (std::size_t c = 0; c < t->columns.size(); ++c)
        if (t->columns[c].key == column) return t->rows[static_cast<std::size_t>(row - 1)].at(c).number;
    return std::nullopt;
}

}  // namespace nntrace
