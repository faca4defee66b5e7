// The requests of the interactive pages (issue 16), answered by the same engine, problem reader
// and renderers as the command line: a lesson or a problem file run with the panel's settings
// and rendered as its HTML page, or answers checked. JSON text in, JSON text out, so that the
// module for the browser (web/module.cpp) is one function and the tests call the same.
//
// Requests:
//   {"what":"lesson","lesson":"net-222","lang":"en","settings":[["w5","0.3"],["decimals","4"]]}
//   {"what":"problem","text":"<TOML>","name":"exercise-7.toml","lang":"en","settings":[...]}
//   {"what":"check","text":"<TOML>","name":"exercise-7.toml","lang":"en","answers":[["yhat","0.384"]]}
// A setting is applied as the command line applies it: decimals → --decimals N, exact ("1" or
// "true") → --exact, rounding → --rounding MODE, any other NAME → --set NAME=VALUE.
//
// Answers:
//   {"ok":true,"html":"<page>","figures":{"<img src in html>":"<DOT source>" | null}}
//     The page is the course's page (<course>/<id>/<lang>/index.html as `nntrace build` writes
//     it; a problem as `nntrace run FILE --format html` writes it), every drawing shown as its
//     picture. No tool runs here: a diagram comes with its DOT source for the page to lay out; a
//     plot (gnuplot) comes with null.
//   {"ok":true,"html":"<the check report's <main> content>","verdicts":[{"answer","given","verdict"}]}
//   {"ok":false,"errors":[{"setting":"w5","message":"--set w5=abc: …"}]}   a bad setting
//   {"ok":false,"errors":[{"line":3,"column":5,"message":"…"}]}            a bad problem file
//   {"ok":false,"errors":[{"answer":"yhat","message":"--answer yhat=x: …"}]} a bad answer
//   {"ok":false,"errors":[{"message":"…"}]}                               anything else
// Messages are the command line's, word for word.
#pragma once

#include <filesystem>
#include <string>

namespace nntrace {

// `home` holds lessons/ and templates/ (the module embeds them at /nntrace).
std::string render_request(const std::string& request_json, const std::filesystem::path& home);

}  // namespace nntrace
