// The panel of an HTML lesson page (issue 16): the lesson's parameters for readers, with the
// values the run used, and the arithmetic; the parameters a lesson marks internal (caps,
// thresholds for zero) appear neither there nor on the setup line. Values and names come from
// the lesson files, never from the test.
#include "lesson_test_helpers.hpp"

#include "render/math.hpp"
#include "render/pages.hpp"

using namespace lesson_test;

namespace {

// The options of a course's page (as `nntrace build` sets them), with or without the module.
RenderOptions html_options(bool web_module, const std::string& lang = "en") {
    RenderOptions o;
    o.in_course = true;
    o.lang = lang;
    o.messages_dir = std::filesystem::path(NNTRACE_SOURCE_HOME) / "templates/messages";
    o.templates_dir = std::filesystem::path(NNTRACE_SOURCE_HOME) / "templates";
    o.web_module = web_module;
    return o;
}

std::string html_page(const Record& record, bool web_module = true, const std::string& lang = "en") {
    return render_lesson_page(record, Format::html, html_options(web_module, lang), {});
}

// The text between the first `open` and the `close` after it.
std::string between(const std::string& text, const std::string& open, const std::string& close) {
    const auto begin = text.find(open);
    REQUIRE(begin != std::string::npos);
    const auto end = text.find(close, begin);
    REQUIRE(end != std::string::npos);
    return text.substr(begin, end - begin);
}

std::string panel_of(const std::string& page) { return between(page, "<form class=\"panel\"", "</form>"); }
std::string setup_of(const std::string& page) { return between(page, "<section class=\"setup\">", "</section>"); }

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The field the panel gives a parameter, with its value and the lesson's value as its default.
std::string field(const std::string& name, const std::string& value) {
    return "name=\"" + name + "\" inputmode=\"decimal\" value=\"" + value + "\" data-default=\"" + value + "\"";
}

// Every parameter of a record that its lesson does not mark internal.
std::vector<std::string> for_readers(const Record& r) {
    std::vector<std::string> names;
    for (const auto& p : r.parameters)
        if (!r.internal.count(p.first)) names.push_back(p.first);
    return names;
}

}  // namespace

TEST_CASE("Panel: net-222 offers every weight and the rate with the lesson's values", "[panel]") {
    const Record& r = defaults("net-222");
    const std::string panel = panel_of(html_page(r));
    CHECK(has(panel, "data-lesson=\"net-222\""));
    CHECK(has(panel, field("w5", "0.25")));
    CHECK(has(panel, field("rate", "1")));
    CHECK(has(panel, field("rounds", "10")));
    for (const std::string& name : for_readers(r)) CHECK(has(panel, "name=\"" + name + "\""));
}

TEST_CASE("Panel: a parameter's value follows --set", "[panel]") {
    const std::string panel = panel_of(html_page(run_with("net-222", {{"w5", "-0.3"}})));
    CHECK(has(panel, field("w5", "-0.3")));
}

TEST_CASE("Panel: a text parameter is a field with its value", "[panel]") {
    const std::string panel = panel_of(html_page(defaults("perceptron")));
    CHECK(has(panel, "name=\"order\" value=\"lecture\" data-default=\"lecture\""));
}

TEST_CASE("Panel: the arithmetic fields hold the lesson's convention", "[panel]") {
    const Record& hand = defaults("homework-q7");
    REQUIRE(hand.arithmetic.is_hand());
    const std::string decimals = std::to_string(hand.arithmetic.decimals);
    CHECK(has(panel_of(html_page(hand)), "name=\"decimals\" inputmode=\"numeric\" value=\"" + decimals + "\""));
    const std::string exact = panel_of(html_page(defaults("gd-2d")));
    CHECK(has(exact, "name=\"decimals\" inputmode=\"numeric\" value=\"\""));
    CHECK(has(exact, "data-default=\"1\" checked"));
}

TEST_CASE("Panel: the lesson files mark the run's caps and thresholds internal", "[panel]") {
    CHECK(defaults("perceptron").internal.count("max_checks") == 1);
    CHECK(defaults("one-bean").internal.count("flat") == 1);
    CHECK(defaults("one-bean").internal.count("eta_bottom") == 1);
    CHECK(defaults("net-222").internal.empty());
}

TEST_CASE("Panel: internal parameters are neither in the panel nor on the setup line", "[panel]") {
    for (const char* id : {"perceptron", "one-bean", "gd-1d", "black-box", "nonlinear-backprop"}) {
        const Record& r = defaults(id);
        REQUIRE_FALSE(r.internal.empty());
        for (const char* lang : {"en", "zh"}) {
            const std::string page = html_page(r, true, lang);
            const std::string panel = panel_of(page), setup = setup_of(page);
            const std::string text = render(r, Format::text, html_options(false, lang));
            for (const std::string& name : for_readers(r)) CHECK(has(setup, latex_name(name) + " = "));
            for (const std::string& name : r.internal) {
                INFO(id << " " << lang << " " << name);
                CHECK_FALSE(has(panel, "name=\"" + name + "\""));
                CHECK_FALSE(has(setup, latex_name(name) + " = "));
                CHECK_FALSE(has(text.substr(0, text.find("\n\n")), name + " ="));
            }
        }
    }
}

TEST_CASE("Panel: the labels are in the page's language", "[panel]") {
    CHECK(has(panel_of(html_page(defaults("gd-2d"), true, "zh")), "小数位数"));
    CHECK(has(panel_of(html_page(defaults("gd-2d"), true, "en")), "Decimals"));
}

TEST_CASE("Panel: without the module a page has no panel and loads no script for it", "[panel]") {
    const std::string page = html_page(defaults("gd-2d"), false);
    CHECK_FALSE(has(page, "<form class=\"panel\""));
    CHECK_FALSE(has(page, "interactive.js"));
    CHECK_FALSE(has(page, "nntrace-web.js"));
    CHECK(has(page, "class=\"panel-absent\""));
}

TEST_CASE("Panel: a page outside a course says nothing of a module it never had", "[panel]") {
    // `nntrace run --format html`, a student's handout or solution: no panel, no note.
    RenderOptions outside = html_options(false);
    outside.in_course = false;
    const std::string page = render_lesson_page(defaults("gd-2d"), Format::html, outside, {});
    CHECK_FALSE(has(page, "<form class=\"panel\""));
    CHECK_FALSE(has(page, "class=\"panel-absent\""));
    CHECK_FALSE(has(page, "interactive module"));
}

TEST_CASE("Panel: with the module a page loads the module and its script", "[panel]") {
    const std::string page = html_page(defaults("gd-2d"), true);
    CHECK(has(page, "web/nntrace-web.js"));
    CHECK(has(page, "web/viz-standalone.js"));
    CHECK(has(page, "interactive.js"));
}
