// Records and options for the page tests: the renderer tests' samples with the pieces only
// pages show (comparisons, drawings), and the templates of the source tree.
#pragma once

#include "pages.hpp"
#include "sample_records.hpp"

namespace nntrace::test {

inline RenderOptions page_options(const std::string& lang = "en") {
    RenderOptions o = options(lang);
    o.templates_dir = NNTRACE_SOURCE_HOME "/templates";
    return o;
}

// x = 18 as printed: one figure matches, one differs in the last digit, one differs.
inline Record compared_record() {
    Record r = linear_record();
    Comparison match{"x", "x", "18", 0, Num::both(18), Comparison::Verdict::matches, std::nullopt};
    Comparison near{"x", "x (rounded)", "18.1", 1, Num::both(18), Comparison::Verdict::last_digit,
                    Message{"reason.last_digit_unexplained", {}}};
    Comparison differs{"x", "x | y", "17", 0, Num::both(18), Comparison::Verdict::differs, std::nullopt};
    r.comparisons = {match, near, differs};
    return r;
}

// A convention in the lesson's own words with a formula in $…$; a convention that carries user
// text (a name with dollars and markup in it) as its argument; a warning that quotes user text.
inline Record noted_record() {
    Record r = linear_record();
    r.sections[0].items.push_back(Note{"lesson", Note::Kind::convention, Message{"test.lesson_note", {}}});
    r.sections[0].items.push_back(Note{"user", Note::Kind::convention, Message{"test.user_note", {Arg{"$a$ <b>*x*", {}}}}});
    r.sections[0].items.push_back(Note{"quote", Note::Kind::warning, Message{"test.user_title", {}}});
    r.strings["test.lesson_note"] = {{"en", "a unit $h_j = s(z_j)$ each"}};
    r.strings["test.user_note"] = {{"en", "named {0}"}};
    r.strings["test.user_title"] = {{"en", "title $t$"}};
    return r;
}

inline Record drawn_record() {
    Record r = linear_record();
    Diagram d;
    d.key = "graph/main";
    d.title = Message{"test.graph", {}};
    Plot p;
    p.key = "descent/plot";
    p.title = Message{"test.plot", {}};
    r.sections[0].items.push_back(d);
    r.sections[0].items.push_back(p);
    r.strings["test.graph"] = {{"en", "The graph"}};
    r.strings["test.plot"] = {{"en", "The descent"}};
    return r;
}

}  // namespace nntrace::test
