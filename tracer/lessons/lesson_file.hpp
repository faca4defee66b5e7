// The parts of lesson.toml every lesson has, whatever its kind:
//
//   id = "linear-backprop"          # the folder's name
//   kind = "target-seeking"         # which adapter runs it (see kinds.hpp)
//   section = "2.2"                 # course order
//   source = "000_… §2.2"           # where its figures come from
//   title = { en = "…", zh = "…" }
//   summary = { en = "…", zh = "…" }
//   digits = 9                      # decimals shown in an exact run (default 6)
//   [arithmetic]                    # the default; leave out for exact arithmetic
//   decimals = 4
//   rounding = "half-up"            # or "truncate"
//   [parameters]                    # defaults, each changeable with --set; type from the default
//   w = 3
//   secret = ["box"]                # text parameters the setup line must not show: the page
//                                   # reveals them itself (the rule inside the black box)
//   internal = ["max_checks"]       # parameters that steer the run, not the lesson (a cap, a
//                                   # threshold for zero): still --set-able, but off the setup
//                                   # line and the page's panel, which are for readers
//   [strings.<name>]                # texts the lesson's record brings: en = "…", zh = "…"
//   [[published]]                   # a figure the source prints
//   key = "adjust/w/delta_w"        # the record key it is compared with
//   value = "0.6667"                # as printed, as a string (trailing zeros count)
//   label = "Δw"                    # how the source names it: a name, or words in both
//                                   # languages: { en = "x after one step", zh = "…" }
//
// Everything else belongs to the lesson's kind. Internal to the lessons library.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <toml++/toml.h>

#include "core/arithmetic.hpp"
#include "core/record.hpp"
#include "lessons/lessons.hpp"
#include "lessons/parameters.hpp"

namespace nntrace {

struct PublishedFigure {
    std::string key;
    std::string value;
    std::string label;  // the name as printed, or the message id of the label's words
};

struct LessonFile {
    LessonInfo info;
    std::string path;          // the lesson.toml, as errors name it
    std::string kind;
    std::vector<int> section;  // "2.2" → {2, 2}; empty when the lesson has none
    Arithmetic arithmetic;     // the lesson's default
    std::optional<int> exact_digits;  // `digits`: decimals shown in an exact run (the source's)
    Parameters parameters;
    std::vector<std::string> secret;  // text parameters left out of the record's settings
    std::set<std::string> internal;   // parameters the setup line and the panel leave out
    std::map<std::string, std::map<std::string, std::string>> strings;  // local name → lang → text
    std::vector<PublishedFigure> published;
    toml::table root;          // the whole file, for the kind's own keys
};

// Reads dir/lesson.toml. Throws InputError at the position of anything wrong, including a key
// that neither every lesson nor the lesson's kind knows.
LessonFile load_lesson_file(const std::filesystem::path& dir);

// The record's id for one of the lesson's strings: "linear-backprop.forward".
std::string lesson_message_id(const LessonFile& lesson, const std::string& local_name);

}  // namespace nntrace
