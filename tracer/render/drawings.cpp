// The record's drawings, in order, as the texts of their tool's sources (dot.cpp, dot_network.cpp,
// gnuplot.cpp).
#include "drawings.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>

#include "dot_diagram.hpp"
#include "gnuplot_plot.hpp"
#include "tikz_network.hpp"
#include "user_text.hpp"

namespace nntrace {
namespace {

bool is_safe(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
           c == '.';
}

// FNV-1a: a fixed, documented hash, so that a stem is the same on every machine and in every run.
std::string short_hash(const std::string& text) {
    std::uint32_t h = 2166136261u;
    for (unsigned char c : text) h = (h ^ c) * 16777619u;
    char buf[9];
    std::snprintf(buf, sizeof buf, "%08x", static_cast<unsigned>(h));
    return buf;
}

}  // namespace

// Letters, digits, '_', '-' and '.' stay; '/' becomes '-' ("iterate/b" → "iterate-b"). Where
// anything else had to go (spaces, non-ASCII, a leading dot that would hide the file, an empty
// or very long key), a hash of the whole key is appended, so that two such keys still differ.
std::string drawing_stem(const std::string& key) {
    constexpr std::size_t max_length = 80;
    std::string stem;
    bool lossy = key.empty() || key.size() > max_length || key.front() == '.' || key.front() == '-' || key.front() == '/';
    for (char c : key) {
        if (is_safe(c)) stem += c;
        else if (c == '/') stem += '-';
        else if (!stem.empty() && stem.back() != '-') { stem += '-'; lossy = true; }
        else lossy = true;
    }
    // A leading '.' hides the file; a leading '-' reads as an option to the tools.
    while (!stem.empty() && (stem.front() == '.' || stem.front() == '-')) stem.erase(stem.begin());
    if (stem.size() > max_length) stem.resize(max_length);
    if (!lossy) return stem;
    if (!stem.empty() && stem.back() != '-') stem += '-';
    return (stem.empty() ? std::string("drawing-") : stem) + short_hash(key);
}

std::vector<bool> small_multiples(const Section& section) {
    constexpr std::size_t fewest = 3;
    const auto& items = section.items;
    std::vector<bool> small(items.size(), false);
    for (std::size_t begin = 0; begin < items.size();) {
        const auto* first = std::get_if<Plot>(&items[begin]);
        std::size_t end = begin + 1;
        while (first && end < items.size()) {
            const auto* next = std::get_if<Plot>(&items[end]);
            if (!next || next->title.id != first->title.id) break;
            ++end;
        }
        if (first && end - begin >= fewest) std::fill(small.begin() + begin, small.begin() + end, true);
        begin = end;
    }
    return small;
}

std::vector<DrawingSource> drawing_sources(const Record& record, PlotFormat format, bool plot_texts) {
    std::vector<DrawingSource> out;
    for (const Section& section : record.sections) {
        const std::vector<bool> small = small_multiples(section);
        for (std::size_t i = 0; i < section.items.size(); ++i) {
            const Item& item = section.items[i];
            if (const auto* d = std::get_if<Diagram>(&item)) {
                const std::string stem = drawing_stem(d->key);
                out.push_back({d->key, stem, DrawingSource::Tool::dot, diagram_dot(*d, stem, record.digits), {}, {}});
            } else if (const auto* n = std::get_if<NetworkDiagram>(&item)) {
                const std::string stem = drawing_stem(n->key);
                out.push_back({n->key, stem, DrawingSource::Tool::dot, network_dot(*n, stem, record.digits), {},
                               format == PlotFormat::tikz ? network_tikz(*n, stem, record.digits) : std::string()});
            } else if (const auto* p = std::get_if<Plot>(&item)) {
                const std::string stem = drawing_stem(p->key);
                if (!plot_texts) out.push_back({p->key, stem, DrawingSource::Tool::gnuplot, {}, {}, {}});
                else
                    out.push_back({p->key, stem, DrawingSource::Tool::gnuplot,
                                   gnuplot_script(*p, stem, format, record.digits, small[i]), gnuplot_data(*p), {}});
            }
        }
    }
    // A label is user text: no broken byte or raw control character in a file Graphviz or
    // gnuplot reads as UTF-8.
    for (DrawingSource& source : out) {
        source.script = printable_output(source.script);
        source.data = printable_output(source.data);
        source.tikz = printable_output(source.tikz);
    }
    return out;
}

}  // namespace nntrace
