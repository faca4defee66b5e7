// What a user types (a problem's title, a lesson's words, a student's name) reaches HTML,
// Markdown, LaTeX, CSV, JSON, DOT and gnuplot. Each format must keep it as text: no markup
// injected, no table broken, no string ended early.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

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
    CHECK_THAT(tex, Contains("\\{a\\}"));
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
