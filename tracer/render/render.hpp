// Turns a record into text for people and programs. Renderers only read the record: every
// number is formatted here, by format_number, and nothing is computed.
#pragma once

#include <filesystem>
#include <optional>
#include <set>
#include <string>

#include "core/record.hpp"

namespace nntrace {

enum class Format {
    json,  // everything, for programs
    text,  // a terminal
    md,    // a Markdown page (math as $…$)
    csv,   // the tables, for a spreadsheet
    html,  // a web page (math through KaTeX)
    tex,   // the tables as LaTeX (booktabs), for a Beamer frame
};

struct RenderOptions {
    std::string lang = "en";              // "en" or "zh"
    std::optional<std::string> table;     // only this table (its key), for text/md/csv
    std::filesystem::path messages_dir;   // templates/messages: the message catalogs (*.toml)
    std::filesystem::path templates_dir;  // templates: the Mustache page templates (md, html)

    // Pages only. Where the page finds the lesson's drawings ("../figures") and the shared
    // assets such as KaTeX ("../../assets"), and which drawings exist as SVG (by file stem, see
    // drawing_stem); a drawing that is not drawn is linked as its .dot or .gp source instead.
    std::string figures_href = "figures";
    std::string assets_href = "assets";
    std::set<std::string> drawn;
    // HTML pages only: whether the course holds the engine as a WebAssembly module
    // (assets/web/nntrace-web.js). Then a page shows a panel of its parameters and loads the
    // script that recomputes it; else a course page says that this copy of the course has no
    // module, and any other page (`nntrace run`, a handout, a solution) says nothing of it.
    bool web_module = false;
    bool in_course = false;  // a page of a course that `nntrace build` writes
};

// The whole record in one format. Throws InputError if `table` names no table of the record.
std::string render(const Record& record, Format format, const RenderOptions& options);

}  // namespace nntrace
