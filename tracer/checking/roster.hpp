// A class list for `nntrace variants` (and grading by variant): a CSV file with a header that
// names an `id` and a `name` column; any other columns are kept as they are. Each id becomes a
// folder name, so it must be one on every system.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nntrace {

struct RosterStudent {
    int line = 0;                    // in the roster file, 1-based
    std::string id, name;
    std::vector<std::string> other;  // the other columns' cells, in Roster::other_columns order
};

struct Roster {
    std::vector<std::string> other_columns;  // the header's columns besides id and name, in order
    std::vector<RosterStudent> students;     // in file order
};

// What keeps `id` from being a folder name ("is empty", "contains '/'"), or nothing. Refused:
// an empty id, "." and "..", a leading or trailing space, the characters / \ : * ? " < > |
// (a folder name on Linux, macOS or Windows) and control characters.
std::optional<std::string> folder_name_problem(std::string_view id);

// Reads a roster (a leading UTF-8 byte order mark is skipped). Throws InputError(file, line, column, what) for text that is not UTF-8, faulty
// CSV, a header without id or name (or naming a column twice), a row with another number of
// cells than the header, an id that is not a folder name, an id given twice (letter case aside:
// "Ann" and "ann" are one folder on macOS and Windows), and a roster with no student.
Roster read_roster(std::string_view text, const std::string& file);

}  // namespace nntrace
