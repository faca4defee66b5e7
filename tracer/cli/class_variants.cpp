#include "class_variants.hpp"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <sstream>

#include "checking/roster.hpp"
#include "job_pool.hpp"
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
    // Read on every core (a class of 10⁴ is 10⁴ files to parse); an error is the first file's.
    std::vector<ClassVariant> out(files.size());
    parallel_for(files.size(), default_worker_count(), [&](std::size_t i) {
        out[i] = {files[i].parent_path().filename().string(), read_problem(files[i])};
    });
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
    // Each student's draw is independent of the others': drawn on every core, in roster order
    // in the result; an error is the first student's.
    std::vector<ClassVariant> out(roster.students.size());
    parallel_for(out.size(), default_worker_count(), [&](std::size_t i) {
        out[i] = {roster.students[i].id, draw_variant(problem, seed, roster.students[i].id).problem};
    });
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
