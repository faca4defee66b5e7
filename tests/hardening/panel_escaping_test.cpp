// The interactive pages (issue 16) put user text in new places: a lesson's parameter names and
// text settings become form fields and attributes of the panel, and the playground holds a whole
// problem file in its text area. Each must stay text: no attribute ended early, no element
// opened, no text area closed by the file it holds.
#include <catch2/catch.hpp>

#include "render/pages.hpp"

using namespace nntrace;
using Catch::Matchers::Contains;

namespace {

const std::string hostile = "\"><script>alert('x')</script><textarea>";

RenderOptions module_options() {
    RenderOptions o;
    o.messages_dir = std::string(NNTRACE_SOURCE_HOME) + "/templates/messages";
    o.templates_dir = std::string(NNTRACE_SOURCE_HOME) + "/templates";
    o.web_module = true;
    return o;
}

std::size_t count(const std::string& text, const std::string& part) {
    std::size_t n = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
    return n;
}

}  // namespace

// The panel's record with `name` as a parameter's name, a text setting's name and its value.
std::string panel_page(const std::string& name) {
    Record r;
    r.id = name;
    r.title = Message{"user.title", {}};
    r.strings["user.title"] = {{"en", "title"}, {"zh", "title"}};
    r.parameters[name] = Num::both(1);
    r.settings["order"] = name;
    r.settings[name] = "cyclic";
    return render_lesson_page(r, Format::html, module_options(), {});
}

TEST_CASE("Escaping: the panel shows hostile parameter names and settings as text", "[hardening][escaping]") {
    const std::string html = panel_page(hostile);
    CHECK(html.find("<script>alert") == std::string::npos);
    // An attribute ended early by the name would add a `"><` that the page with a plain name lacks
    // (the page's own `<script src="…"></script>` tags have some of their own).
    CHECK(count(html, "\"><") == count(panel_page("w"), "\"><"));
    CHECK(count(html, "<textarea") == 0);
    CHECK_THAT(html, Contains("&lt;script&gt;alert"));
}

TEST_CASE("Escaping: the playground holds a hostile problem file as text", "[hardening][escaping]") {
    const std::string file = "title = \"x\"\n" + hostile + "</textarea><script>alert(1)</script>\n";
    const std::string html = render_playground(file, module_options());
    CHECK(count(html, "</textarea>") == 1);
    CHECK(html.find("<script>alert") == std::string::npos);
    CHECK_THAT(html, Contains("&lt;/textarea&gt;&lt;script&gt;alert(1)"));
}
