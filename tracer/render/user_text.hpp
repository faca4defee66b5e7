// User text (a title, a name, a file name, a student's CSV cell) as it goes into an output.
// Every format escapes its own syntax (HTML in the templates, LaTeX in latex_escape, DOT in
// dot_html_escape); what all of them share lives here: one line where a line break would end a
// comment or start a heading, Markdown's syntax taken literally, and no raw control character
// or broken UTF-8 byte in a page that says it is UTF-8.
#pragma once

#include <string>

namespace nntrace {

// `text` on one line: every line break (LF, CR, VT, FF, NEL, U+2028, U+2029) becomes a space,
// so that it cannot end a comment (LaTeX %, DOT //, gnuplot #, a CSV title line) early.
std::string one_line(const std::string& text);

// `text` as literal Markdown inline text: on one line; & < > as entities (Markdown passes HTML
// through, so "<script>" would be live); \ ` * _ [ ] # | $ ~ backslash-escaped (no emphasis,
// code, link, image, table cell or math from user text); a leading "- ", "+ ", "1. " or a rule
// ("---", "===") escaped so that it cannot start a list or a heading. "-0.410" stays as it is.
std::string markdown_text(const std::string& text);

// A path as a link's target in Markdown or HTML: spaces, line breaks and other control
// characters, quotes, parentheses and angle brackets percent-encoded ("my figs/a.svg" →
// "my%20figs/a.svg"), so that a folder's name cannot end the link or the line.
std::string link_target(const std::string& path);

// A whole output made safe to write: a byte that is not UTF-8 and every control character
// except line feed and tab become U+FFFD (�), visible where the damage was.
std::string printable_output(const std::string& text);

}  // namespace nntrace
