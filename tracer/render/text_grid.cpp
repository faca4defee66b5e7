#include "text_grid.hpp"

#include <algorithm>

namespace nntrace {
namespace {

constexpr const char* column_gap = "  ";

// The code point starting at s[i]; advances i past it. Bytes that are not valid UTF-8 count
// as one character each, so a broken string still lays out.
char32_t next_code_point(const std::string& s, std::size_t& i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char lead = byte(i);
    const int extra = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : 0;
    if (extra > 0 && i + static_cast<std::size_t>(extra) >= s.size()) {
        ++i;
        return lead;
    }
    char32_t cp = extra == 0 ? lead : lead & (0x3F >> extra);
    for (int k = 1; k <= extra; ++k) cp = (cp << 6) | (byte(i + static_cast<std::size_t>(k)) & 0x3F);
    i += static_cast<std::size_t>(extra) + 1;
    return cp;
}

// East Asian wide and full-width ranges (Hangul, CJK, punctuation such as "，" and "：").
bool is_wide(char32_t cp) {
    return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F) ||
           (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
           (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
           (cp >= 0xFFE0 && cp <= 0xFFE6);
}

bool is_combining(char32_t cp) { return cp >= 0x0300 && cp <= 0x036F; }

std::string pad(const std::string& text, std::size_t width, Align align) {
    const std::string fill(width - std::min(width, display_width(text)), ' ');
    return align == Align::right ? fill + text : text + fill;
}

void trim_right(std::string& line) {
    while (!line.empty() && line.back() == ' ') line.pop_back();
}

}  // namespace

std::size_t display_width(const std::string& utf8) {
    std::size_t width = 0;
    for (std::size_t i = 0; i < utf8.size();) {
        const char32_t cp = next_code_point(utf8, i);
        if (!is_combining(cp)) width += is_wide(cp) ? 2 : 1;
    }
    return width;
}

std::string layout_grid(const std::vector<std::string>& header,
                        const std::vector<std::vector<GridCell>>& rows, const std::string& indent) {
    std::vector<std::size_t> width(header.size(), 0);
    std::vector<Align> header_align(header.size(), Align::left);
    for (std::size_t c = 0; c < header.size(); ++c) width[c] = display_width(header[c]);
    for (const auto& row : rows)
        for (std::size_t c = 0; c < row.size() && c < width.size(); ++c) {
            width[c] = std::max(width[c], display_width(row[c].text));
            if (row[c].align == Align::right) header_align[c] = Align::right;
        }

    const auto line = [&](const auto& cell_text, const auto& cell_align) {
        std::string out = indent;
        for (std::size_t c = 0; c < width.size(); ++c) {
            if (c) out += column_gap;
            out += pad(cell_text(c), width[c], cell_align(c));
        }
        trim_right(out);
        return out + "\n";
    };
    std::string out = line([&](std::size_t c) { return header[c]; }, [&](std::size_t c) { return header_align[c]; });
    out += line([&](std::size_t c) { return std::string(width[c], '-'); }, [](std::size_t) { return Align::left; });
    for (const auto& row : rows) {
        const auto text = [&](std::size_t c) { return c < row.size() ? row[c].text : std::string(); };
        const auto align = [&](std::size_t c) { return c < row.size() ? row[c].align : Align::left; };
        out += line(text, align);
    }
    return out;
}

}  // namespace nntrace
