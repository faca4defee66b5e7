// What a user types (a problem's title, a lesson's words, a student's name) reaches HTML,
// Markdown, LaTeX, CSV, JSON, DOT and gnuplot. Each format must keep it as text: no markup
// injected, no table broken, no string ended early.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "core/utf8.hpp"
#include "problem/problem.hpp"
#include "render/drawings.hpp"
#include "render/render.hpp"

using namespace nntrace;
using Catch::Matchers::Contains;

namespace {

const std::string hostile = "<script>alert(\"x\")</script> | $x$ 100% & {a} \\b #1 ~_^ 权重 w₁\nnext line";

RenderOptions options(const std::string& lang = "en") {
    RenderOptions o;
    o.lang = lang;
    o.messages_dir = std::string(NNTRACE_SOURCE_HOME) + "/templates/messages";
    o.templates_dir = std::string(NNTRACE_SOURCE_HOME) + "/templates";
    return o;
}

// A record whose every user-supplied string is hostile: title, step name, table and column
// titles, cell words, a note, a diagram node and a plot label.
Record hostile_record() {
    Record r;
    r.id = "hostile";
    r.title = Message{"user.title", {}};
    r.strings["user.title"] = {{"en", hostile}, {"zh", hostile}};
    Section s{"s", Message{"user.title", {}}, {}};
    s.items.emplace_back(Step{"s/v", hostile, {{hostile, Num::both(1)}, {" + 1", {}}}, Num::both(2), std::nullopt});
    Table t{"t", Message{"user.title", {}}, {Column{"c", Message{"user.title", {}}, {}}, Column{"n", Message{"user.title", {}}, 2}}, {}};
    t.rows.push_back({Cell{std::nullopt, Message{"user.title", {}}}, Cell{Num::both(-0.5), std::nullopt}});
    s.items.emplace_back(t);
    s.items.emplace_back(Note{"s/note", Note::Kind::warning, Message{"user.title", {}}});
    Diagram d;
    d.key = "graph";
    d.nodes.push_back(DiagramNode{"n0", hostile, "input", true, 0, Num::both(1), Num::both(1)});
    d.nodes.push_back(DiagramNode{"n1", "y", "mul", true, 1, Num::both(2), Num::both(1)});
    d.edges.push_back(DiagramEdge{"n0", "n1", hostile, Num::both(2), Num::both(2)});
    s.items.emplace_back(d);
    Plot p;
    p.key = "plot";
    p.x_label = hostile;
    p.y_label = hostile;
    p.series.push_back(Series{Series::Kind::points, hostile, {0, 1}, {1, 0}, {}});
    s.items.emplace_back(p);
    r.sections.push_back(std::move(s));
    return r;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const auto end = text.find('\n', pos);
        out.push_back(text.substr(pos, end - pos));
        pos = end == std::string::npos ? text.size() : end + 1;
    }
    return out;
}

}  // namespace

TEST_CASE("Escaping: HTML shows markup as text", "[hardening][escaping]") {
    const std::string html = render(hostile_record(), Format::html, options());
    CHECK(html.find("<script>alert") == std::string::npos);
    CHECK_THAT(html, Contains("&lt;script&gt;alert"));
}

TEST_CASE("Escaping: a Markdown table keeps its columns whatever a cell holds", "[hardening][escaping]") {
    const std::string md = render(hostile_record(), Format::md, options());
    // Every row of the pipe table has the same number of unescaped pipes as the header.
    std::size_t header_pipes = 0;
    bool in_table = false;
    std::size_t pos = 0;
    while (pos < md.size()) {
        const auto end = md.find('\n', pos);
        const std::string line = md.substr(pos, end - pos);
        pos = end == std::string::npos ? md.size() : end + 1;
        if (line.empty() || line[0] != '|') {
            in_table = false;
            continue;
        }
        std::size_t pipes = 0;
        for (std::size_t i = 0; i < line.size(); ++i)
            if (line[i] == '|' && (i == 0 || line[i - 1] != '\\')) ++pipes;
        if (!in_table) header_pipes = pipes;
        in_table = true;
        CHECK(pipes == header_pipes);
    }
    CHECK(header_pipes > 0);
}

TEST_CASE("Escaping: LaTeX tables escape every special character", "[hardening][escaping]") {
    const std::string tex = render(hostile_record(), Format::tex, options());
    CHECK_THAT(tex, Contains("\\%"));
    CHECK_THAT(tex, Contains("\\&"));
    CHECK_THAT(tex, Contains("\\$"));
    CHECK_THAT(tex, Contains("\\{$a$\\}"));  // the name inside is math
    CHECK_THAT(tex, Contains("\\#"));
    // Outside comment lines (the title is kept as a comment), no special character is bare.
    for (const std::string& line : lines_of(tex))
        if (!line.empty() && line[0] != '%') CHECK(line.find(" 100% ") == std::string::npos);
}

TEST_CASE("Escaping: CSV quotes a field with quotes, commas or newlines", "[hardening][escaping]") {
    Record r = hostile_record();
    r.strings["user.title"]["en"] = "a, \"b\"\nc";
    const std::string csv = render(r, Format::csv, options());
    CHECK_THAT(csv, Contains("\"a, \"\"b\"\"\nc\""));
}

TEST_CASE("Escaping: JSON carries the text exactly", "[hardening][escaping]") {
    const auto j = nlohmann::json::parse(render(hostile_record(), Format::json, options()));
    CHECK(j["title"]["text"] == hostile);
}

TEST_CASE("Escaping: DOT labels keep markup and quotes as text", "[hardening][escaping]") {
    const auto sources = drawing_sources(hostile_record());
    std::string dot;
    for (const auto& s : sources)
        if (s.tool == DrawingSource::Tool::dot) dot = s.script;
    REQUIRE_FALSE(dot.empty());
    CHECK(dot.find("<script>") == std::string::npos);
    CHECK(dot.find("alert(\"x\")") == std::string::npos);
    CHECK_THAT(dot, Contains("&lt;script&gt;"));
}

TEST_CASE("Escaping: DOT network labels keep a hostile neuron, weight or loss name as text", "[hardening][escaping]") {
    NetworkDiagram n;
    n.key = "network";
    n.backward = true;
    n.neurons.push_back(NetworkNeuron{"neuron_x", hostile, 0, hostile, Num::both(1), "", std::nullopt, Num::both(1), std::nullopt});
    n.neurons.push_back(NetworkNeuron{"neuron_y", "y", 1, "y", Num::both(2), hostile, Num::both(2), Num::both(1), Num::both(1)});
    n.weights.push_back(NetworkWeight{hostile, "neuron_x", "neuron_y", Num::both(2), Num::both(1)});
    n.loss = hostile;
    Record r;
    r.sections.push_back(Section{"s", Message{"t", {}}, {n}});
    const auto sources = drawing_sources(r);
    REQUIRE(sources.size() == 1);
    const std::string& dot = sources[0].script;
    CHECK(dot.find("<script>") == std::string::npos);
    CHECK(dot.find("alert(\"x\")") == std::string::npos);
    CHECK(dot.find("next line") != std::string::npos);  // the line break became a space
    CHECK(dot.find("\nnext line") == std::string::npos);
    CHECK_THAT(dot, Contains("&lt;script&gt;"));
}

TEST_CASE("Escaping: gnuplot strings cannot be ended early by a quote", "[hardening][escaping]") {
    const auto sources = drawing_sources(hostile_record());
    std::string gp;
    for (const auto& s : sources)
        if (s.tool == DrawingSource::Tool::gnuplot) gp = s.script;
    REQUIRE_FALSE(gp.empty());
    CHECK_THAT(gp, Contains("alert(\\\"x\\\")"));
    // In the code of every line (up to a comment outside a string) the quotes pair up: no
    // string was ended early by a quote of the label.
    for (const std::string& line : lines_of(gp)) {
        bool in_string = false;
        for (std::size_t i = 0; i < line.size(); ++i) {
            if (in_string && line[i] == '\\') ++i;
            else if (line[i] == '"') in_string = !in_string;
            else if (!in_string && line[i] == '#') break;
        }
        INFO(line);
        CHECK_FALSE(in_string);
    }
}

TEST_CASE("Escaping: a problem file's title reaches the page as text", "[hardening][escaping]") {
    const Problem p = parse_problem("title = '<img src=x onerror=alert(1)> {0} & 权重'\n[params]\nw = 2\n"
                                    "[nodes]\nL = \"w^2\"\n[loss]\nnode = \"L\"\n",
                                    "hostile.toml");
    const std::string html = render(run_problem(p, {}), Format::html, options("zh"));
    CHECK(html.find("<img src=x") == std::string::npos);
    CHECK_THAT(html, Contains("&lt;img src=x onerror=alert(1)&gt;"));
    CHECK_THAT(html, Contains("权重"));
}

namespace {

// A record whose title, table cells and note are `text`, with a plain column of numbers.
Record record_titled(const std::string& text) {
    Record r;
    r.id = "user";
    r.title = Message{"user.title", {}};
    r.strings["user.title"] = {{"en", text}, {"zh", text}};
    Section s{"s", Message{"user.title", {}}, {}};
    Table t{"t", Message{"user.title", {}}, {Column{"c", Message{"user.title", {}}, {}}, Column{"n", Message{"n", {}}, 3}}, {}};
    t.rows.push_back({Cell{std::nullopt, Message{"user.title", {}}}, Cell{Num::both(-0.41), std::nullopt}});
    s.items.emplace_back(t);
    s.items.emplace_back(Note{"s/note", Note::Kind::warning, Message{"user.title", {}}});
    r.sections.push_back(std::move(s));
    return r;
}

bool has_raw_control(const std::string& text) {
    for (char c : text) {
        const auto b = static_cast<unsigned char>(c);
        if ((b < 0x20 && c != '\n' && c != '\t') || b == 0x7F) return true;
    }
    return false;
}

}  // namespace

TEST_CASE("Escaping: Markdown shows HTML, links and emphasis from user text as text", "[hardening][escaping]") {
    const std::string md = render(record_titled("<img src=x onerror=alert(1)> <script>x</script> [x](javascript:alert(1)) *b* `c` $m$"),
                                  Format::md, options());
    CHECK(md.find("<img") == std::string::npos);
    CHECK(md.find("<script>") == std::string::npos);
    CHECK(md.find("[x](javascript") == std::string::npos);
    CHECK(md.find("*b*") == std::string::npos);
    CHECK(md.find("`c`") == std::string::npos);
    CHECK(md.find("$m$") == std::string::npos);
    CHECK_THAT(md, Contains("&lt;img src=x onerror=alert(1)&gt;"));
    CHECK_THAT(md, Contains("\\[x\\](javascript:alert(1))"));
}

TEST_CASE("Escaping: a line break in a Markdown title cannot start a heading or a list", "[hardening][escaping]") {
    const std::string md = render(record_titled("Title\n# injected\n- item\n1. item"), Format::md, options());
    for (const std::string& line : lines_of(md)) {
        INFO(line);
        CHECK(line.rfind("# injected", 0) != 0);
        CHECK(line.rfind("- item", 0) != 0);
        CHECK(line.rfind("1. item", 0) != 0);
    }
    CHECK_THAT(md, Contains("# Title \\# injected - item 1. item\n"));
}

TEST_CASE("Escaping: a line break in a name cannot end a comment", "[hardening][escaping]") {
    // LaTeX: a file name with a line break would make \input live after the % comment.
    Record r = record_titled("t\n\\input{x}\r\\input{y}\xE2\x80\xA8\\input{z}");
    r.id = "p\n\\input{/etc/passwd}";
    const std::string tex = render(r, Format::tex, options());
    for (const std::string& line : lines_of(tex)) {
        INFO(line);
        CHECK((line.rfind('%', 0) == 0 || line.find("\\input") == std::string::npos));
    }
    CHECK(tex.find('\r') == std::string::npos);
    // CSV: the title line before each table.
    r.sections[0].items.push_back(r.sections[0].items[0]);
    const std::string csv = render(r, Format::csv, options());
    CHECK_THAT(csv, Contains("# t \\input{x} \\input{y} \\input{z}\n"));
    // DOT and gnuplot comments carry keys and labels.
    Record drawn = hostile_record();
    for (Item& item : drawn.sections[0].items) {
        if (auto* d = std::get_if<Diagram>(&item)) d->key = "g\nnode [label=x]";
        if (auto* p = std::get_if<Plot>(&item)) {
            p->key = "p\nsystem('x')";
            p->series[0].label = "s\r\nsystem('y')";
        }
    }
    for (const auto& s : drawing_sources(drawn)) {
        for (const std::string& line : lines_of(s.script + "\n" + s.data)) {
            INFO(line);
            CHECK(line.rfind("node [label=x]", 0) != 0);
            CHECK(line.rfind("system(", 0) != 0);
        }
    }
}

TEST_CASE("Escaping: no output carries a raw control character or broken UTF-8", "[hardening][escaping]") {
    const std::string text = std::string("bad \x1b[31mred\x1b[0m \x07 nul:") + '\0' + " half:\xC3 end";
    const Record r = record_titled(text);
    for (const Format f : {Format::text, Format::md, Format::html, Format::csv, Format::tex, Format::json}) {
        const std::string out = render(r, f, options());
        INFO(static_cast<int>(f));
        CHECK_FALSE(has_raw_control(out));
        CHECK_FALSE(first_invalid_utf8(out).has_value());
        CHECK_THAT(out, Contains("end"));  // nothing cut at the NUL
    }
}

TEST_CASE("Escaping: a CSV text cell that a spreadsheet would run is neutralised, numbers are not", "[hardening][escaping]") {
    for (const std::string formula : {"=HYPERLINK(\"http://x\",\"y\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\tx"}) {
        const std::string csv = render(record_titled(formula), Format::csv, options());
        INFO(csv);
        for (const std::string& line : lines_of(csv)) {
            if (line.empty() || line[0] == '#') continue;
            const std::string first = line[0] == '"' ? line.substr(1) : line;
            CHECK(std::string("=+-@\t").find(first[0]) == std::string::npos);
        }
    }
    // A number stays a number, in a number cell and in a text cell alike.
    const std::string csv = render(record_titled("-0.410"), Format::csv, options());
    CHECK_THAT(csv, Contains("\n-0.410,-0.410\n"));
}
