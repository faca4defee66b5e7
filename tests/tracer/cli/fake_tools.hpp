// Scripts that stand in for Graphviz `dot` and gnuplot, so that the drawing tests need neither
// installed and can make a tool fail on one chosen file. They take the arguments nntrace passes:
//   dot -Tsvg SOURCE -o PICTURE
//   gnuplot -e "output_file='PICTURE'" SOURCE
// and write "picture of SOURCE" into the picture.
#pragma once

#include <filesystem>
#include <fstream>
#include <string>

inline void write_script(const std::filesystem::path& file, const std::string& text) {
    std::ofstream(file) << text;
    std::filesystem::permissions(file, std::filesystem::perms::owner_all);
}

// Writes `dot` and `gnuplot` into `dir`; each fails on a source whose name contains `fail_on`
// (never, when it is empty).
inline void write_fake_tools(const std::filesystem::path& dir, const std::string& fail_on = "") {
    const std::string fails = fail_on.empty() ? "never-fails" : fail_on;
    write_script(dir / "dot", "#!/bin/sh\n"
                              "case \"$2\" in *" + fails + "*) echo \"Error: $2: syntax error in line 1\" >&2; exit 1;; esac\n"
                              "echo \"picture of $2\" > \"$4\"\n");
    write_script(dir / "gnuplot", "#!/bin/sh\n"
                                  "out=\n"
                                  "while [ $# -gt 0 ]; do\n"
                                  "  case \"$1\" in\n"
                                  "    -e) case \"$2\" in output_file=*) out=\"${2#output_file=\\'}\"; out=\"${out%\\'}\";; esac; shift 2;;\n"
                                  "    *" + fails + "*) echo \"\\\"$1\\\" line 3: No data in plot\" >&2; exit 1;;\n"
                                  "    *) echo \"picture of $1\" > \"$out\"; shift;;\n"
                                  "  esac\n"
                                  "done\n");
}

inline std::string read_text(const std::filesystem::path& file) {
    std::ifstream in(file);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// How many times `needle` occurs in `text`.
inline int occurrences(const std::string& text, const std::string& needle) {
    int n = 0;
    for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + needle.size())) ++n;
    return n;
}
