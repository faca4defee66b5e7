#include "class_variants.hpp"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <sstream>

#include "checking/roster.hpp"
#include "core/errors.hpp"
#include "problem/random_variants.hpp"

namespace nntrace {

namespace fs = std::filesystem;

std::vector<ClassVariant> variants_from_folder(const fs::path& dir) {
    std::error_code error;
    if (!fs::is_directory(dir, error))
        throw InputError("--variants " + dir.string() + ": not a folder (give the folder nntrace variants wrote)");
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir, error))
        if (entry.is_directory(error) && fs::is_regular_file(entry.path() / "problem.toml", error))
            files.push_back(entry.path() / "problem.toml");
    if (files.empty())
        throw InputError("--variants " + dir.string() + ": no <id>/problem.toml in it (write them with nntrace variants)");
    std::sort(files.begin(), files.end());
    std::vector<ClassVariant> out;
    for (const auto& f : files) out.push_back({f.parent_path().filename().string(), read_problem(f)});
    return out;
}

std::vector<ClassVariant> variants_from_roster(const Problem& problem, std::uint64_t seed, const std::string& roster_file) {
    if (!problem.random)
        throw InputError("--seed: " + problem.file + " has no [random] table, so every student has the same problem; "
                         "grade without --seed and --roster");
    std::ifstream in(roster_file, std::ios::binary);
    if (!in) throw InputError("--roster " + roster_file + ": cannot read the file");
    std::ostringstream text;
    text << in.rdbuf();
    const Roster roster = read_roster(text.str(), roster_file);
    std::vector<ClassVariant> out;
    for (const auto& s : roster.students) out.push_back({s.id, draw_variant(problem, seed, s.id).problem});
    return out;
}

std::uint64_t seed_option(const std::string& text) {
    std::uint64_t seed = 0;
    const auto res = std::from_chars(text.data(), text.data() + text.size(), seed);
    if (text.empty() || res.ec != std::errc() || res.ptr != text.data() + text.size())
        throw InputError("--seed " + text + ": expected a whole number from 0 to 18446744073709551615");
    return seed;
}

}  // namespace nntrace
