// Where `nntrace grade` finds each student's own variant: the folders `nntrace variants` wrote
// (--variants DIR: DIR/<id>/problem.toml), or the same variants drawn again from the problem
// file, the seed and the roster (--seed S --roster ROSTER.csv).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "checking/grade_by_variant.hpp"

namespace nntrace {

// Every DIR/<id>/problem.toml, by id in name order. Throws InputError naming --variants for a
// DIR that is not a folder or holds no variant, and at the file position of a variant file
// that is not a valid problem.
std::vector<ClassVariant> variants_from_folder(const std::filesystem::path& dir);

// The variant of every student of the roster, as nntrace variants draws it. Throws InputError
// for a problem without [random] (naming --seed), and as read_roster does for a bad roster.
std::vector<ClassVariant> variants_from_roster(const Problem& problem, std::uint64_t seed,
                                               const std::string& roster_file);

// --seed S: a whole number from 0 to 2^64 − 1 in decimal, as nntrace variants reads it.
std::uint64_t seed_option(const std::string& text);

}  // namespace nntrace
