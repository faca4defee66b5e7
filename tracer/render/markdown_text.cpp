#include "markdown_text.hpp"

#include <sstream>

namespace nntrace {
namespace {

bool starts_with(const std::string& s, const std::string& head) { return s.rfind(head, 0) == 0; }

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return "";
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

int heading_level(const std::string& line) {
    std::size_t n = 0;
    while (n < line.size() && line[n] == '#') ++n;
    return n >= 1 && n <= 6 && n < line.size() && line[n] == ' ' ? static_cast<int>(n) : 0;
}

// "- item", "* item", "+ item" → bullets; "3. item" → numbered. `rest` gets the item's text.
bool list_item(const std::string& line, Block::Kind& kind, std::string& rest) {
    const std::string t = trim(line);
    if (t.size() > 2 && (t[0] == '-' || t[0] == '*' || t[0] == '+') && t[1] == ' ') {
        kind = Block::Kind::bullets;
        rest = trim(t.substr(2));
        return true;
    }
    std::size_t d = 0;
    while (d < t.size() && t[d] >= '0' && t[d] <= '9') ++d;
    if (d > 0 && d + 1 < t.size() && t[d] == '.' && t[d + 1] == ' ') {
        kind = Block::Kind::numbered;
        rest = trim(t.substr(d + 2));
        return true;
    }
    return false;
}

// Where the span that starts at `from` with `mark` closes, or npos. Emphasis marks must hug
// their text ("*a*", not "a * b"), and '_' only opens at a word's start, so names such as
// out_h1 stay as written.
std::size_t closing(const std::string& s, std::size_t from, const std::string& mark) {
    const std::size_t open_end = from + mark.size();
    if (open_end >= s.size()) return std::string::npos;
    const bool emphasis = mark[0] == '*' || mark[0] == '_';
    if (emphasis && s[open_end] == ' ') return std::string::npos;
    if (mark[0] == '_' && from > 0 && s[from - 1] != ' ' && s[from - 1] != '(') return std::string::npos;
    for (std::size_t at = s.find(mark, open_end); at != std::string::npos; at = s.find(mark, at + 1)) {
        if (at == open_end) continue;
        if (emphasis && s[at - 1] == ' ') continue;
        if (mark[0] == '_' && at + 1 < s.size() && s[at + 1] != ' ' && std::string(".,;:!?)").find(s[at + 1]) == std::string::npos) continue;
        return at;
    }
    return std::string::npos;
}

struct Marker {
    const char* mark;
    Span::Kind kind;
};
const Marker markers[] = {{"`", Span::Kind::code},      {"$$", Span::Kind::math},      {"$", Span::Kind::math},
                          {"**", Span::Kind::strong},   {"__", Span::Kind::strong},    {"*", Span::Kind::emphasis},
                          {"_", Span::Kind::emphasis}};

void add_text(Spans& spans, const std::string& text) {
    if (text.empty()) return;
    if (!spans.empty() && spans.back().kind == Span::Kind::text) spans.back().text += text;
    else spans.push_back({Span::Kind::text, text});
}

// Reads a fenced block (``` … ```) or display math ($$ … $$) starting at line i.
Block fenced(const std::vector<std::string>& lines, std::size_t& i, const std::string& fence, Block::Kind kind) {
    std::string body = trim(lines[i]).substr(fence.size());
    if (kind == Block::Kind::code) body.clear();  // the info string ("```text") is not content
    bool closed = kind == Block::Kind::math && body.size() >= fence.size() &&
                  body.compare(body.size() - fence.size(), fence.size(), fence) == 0;
    if (closed) body.erase(body.size() - fence.size());
    while (!closed && ++i < lines.size()) {
        const std::string t = kind == Block::Kind::code ? lines[i] : trim(lines[i]);
        if (trim(t).size() >= fence.size() && trim(t).compare(trim(t).size() - fence.size(), fence.size(), fence) == 0) {
            const std::string last = trim(t);
            body += (body.empty() ? "" : "\n") + last.substr(0, last.size() - fence.size());
            closed = true;
        } else {
            body += (body.empty() ? "" : "\n") + t;
        }
    }
    ++i;
    return Block{kind, 0, {Spans{Span{kind == Block::Kind::math ? Span::Kind::math : Span::Kind::code, trim(body)}}}};
}

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        lines.push_back(line);
    }
    return lines;
}

// Whether the UTF-8 character starting at s[i] is Chinese or Japanese text: CJK ideographs and
// punctuation (U+2E80–U+9FFF) or full-width forms (U+FF00–U+FFEF), all three bytes long.
bool is_cjk_at(const std::string& s, std::size_t i) {
    if (i + 2 >= s.size()) return false;
    const auto c0 = static_cast<unsigned char>(s[i]);
    const auto c1 = static_cast<unsigned char>(s[i + 1]);
    if (c0 == 0xE2) return c1 >= 0xBA;
    if (c0 >= 0xE3 && c0 <= 0xE9) return true;
    return c0 == 0xEF && c1 >= 0xBC;
}

// The index of the first byte of the last UTF-8 character of a non-empty string.
std::size_t last_character(const std::string& s) {
    std::size_t i = s.size() - 1;
    while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
    return i;
}

// A line break inside a paragraph becomes a space, except between two CJK characters: Chinese
// has no spaces between words, so "输出" + "层" wrapped in the source must read "输出层".
bool needs_space_between(const std::string& before, const std::string& after) {
    if (before.empty() || after.empty()) return false;
    return !(is_cjk_at(before, last_character(before)) && is_cjk_at(after, 0));
}

}  // namespace

Spans parse_spans(const std::string& s) {
    Spans spans;
    std::string text;
    for (std::size_t i = 0; i < s.size();) {
        if (s[i] == '\\' && i + 1 < s.size() && std::string("\\`*_$#[]-").find(s[i + 1]) != std::string::npos) {
            text += s[i + 1];
            i += 2;
            continue;
        }
        bool matched = false;
        for (const Marker& m : markers) {
            const std::string mark = m.mark;
            if (s.compare(i, mark.size(), mark) != 0) continue;
            const std::size_t end = closing(s, i, mark);
            if (end == std::string::npos) break;
            add_text(spans, text);
            text.clear();
            spans.push_back({m.kind, s.substr(i + mark.size(), end - i - mark.size())});
            i = end + mark.size();
            matched = true;
            break;
        }
        if (!matched) text += s[i++];
    }
    add_text(spans, text);
    return spans;
}

Spans math_spans(const std::string& s) {
    Spans spans;
    std::size_t at = 0;
    for (std::size_t open = s.find('$'); open != std::string::npos; open = s.find('$', at)) {
        const std::size_t close = s.find('$', open + 1);
        if (close == std::string::npos) break;  // a lone dollar is text
        if (open > at) spans.push_back({Span::Kind::text, s.substr(at, open - at)});
        spans.push_back({Span::Kind::math, s.substr(open + 1, close - open - 1)});
        at = close + 1;
    }
    if (at < s.size()) spans.push_back({Span::Kind::text, s.substr(at)});
    return spans;
}

std::vector<Block> parse_markdown(const std::string& text) {
    const std::vector<std::string> lines = split_lines(text);
    std::vector<Block> blocks;
    std::string pending;  // the paragraph or list item being read; later lines continue it
    auto flush = [&]() {
        if (!pending.empty()) blocks.back().lines.push_back(parse_spans(pending));
        pending.clear();
    };
    for (std::size_t i = 0; i < lines.size();) {
        const std::string t = trim(lines[i]);
        Block::Kind kind;
        std::string rest;
        if (t.empty()) {
            flush();
            ++i;
        } else if (starts_with(t, "```") || starts_with(t, "$$")) {
            flush();
            const bool math = starts_with(t, "$$");
            blocks.push_back(fenced(lines, i, math ? "$$" : "```", math ? Block::Kind::math : Block::Kind::code));
        } else if (const int level = heading_level(t)) {
            flush();
            blocks.push_back(Block{Block::Kind::heading, level, {parse_spans(trim(t.substr(level)))}});
            ++i;
        } else if (list_item(lines[i], kind, rest)) {
            flush();
            // Items of one list may be separated by blank lines; anything else starts a new list.
            if (blocks.empty() || blocks.back().kind != kind) blocks.push_back(Block{kind, 0, {}});
            pending = rest;
            ++i;
        } else {
            if (pending.empty()) blocks.push_back(Block{Block::Kind::paragraph, 0, {}});
            pending += (pending.empty() || !needs_space_between(pending, t) ? "" : " ") + t;
            ++i;
        }
    }
    flush();
    return blocks;
}

std::vector<Block> nest_blocks(std::vector<Block> blocks, int level) {
    if (!blocks.empty() && blocks.front().kind == Block::Kind::heading && blocks.front().level == 1)
        blocks.erase(blocks.begin());
    for (Block& b : blocks)
        if (b.kind == Block::Kind::heading) b.level = std::max(1, std::min(6, b.level - 2 + level));
    return blocks;
}

std::string nest_markdown(const std::string& text, int level) {
    std::string out;
    bool first = true, in_code = false;
    for (const std::string& line : split_lines(text)) {
        if (starts_with(trim(line), "```")) in_code = !in_code;
        const int h = in_code ? 0 : heading_level(line);
        if (first && h == 1) { first = false; continue; }
        if (!trim(line).empty()) first = false;
        out += h ? std::string(std::max(1, std::min(6, h - 2 + level)), '#') + line.substr(h) : line;
        out += "\n";
    }
    const auto start = out.find_first_not_of('\n');
    return start == std::string::npos ? "" : out.substr(start);
}

}  // namespace nntrace
