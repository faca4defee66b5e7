// The textbook chain (NamedChain) in each format: JSON as data, text and pages as equations,
// the elementary steps folded after it.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "page_samples.hpp"
#include "sample_records.hpp"

using namespace nntrace;
using nlohmann::json;

namespace {

ChainFactor local(std::string of, std::string wrt, Formula f, double v) {
    ChainFactor c;
    c.of = std::move(of);
    c.wrt = std::move(wrt);
    c.formula = std::move(f);
    c.value = Num::both(v);
    return c;
}

// ∂z/∂b = ∂z/∂x·∂x/∂b + ∂z/∂y·∂y/∂b = 9·3 + 18·2 = 63, for z = x·y, x = 2w + 3b, y = 2b + 1.
NamedChain dz_db() {
    const double x = 18, y = 9;
    ChainFactor sum;
    sum.of = "z";
    sum.wrt = "b";
    ChainPath via_x{{"z", "x", "b"}, "", {local("z", "x", {{"y", Num::both(y)}}, y), local("x", "b", {{"", Num::both(3)}}, 3)},
                    Num::both(3 * y)};
    ChainPath via_y{{"z", "y", "b"}, "", {local("z", "y", {{"x", Num::both(x)}}, x), local("y", "b", {{"", Num::both(2)}}, 2)},
                    Num::both(2 * x)};
    sum.paths = {via_x, via_y};
    sum.value = Num::both(3 * y + 2 * x);
    NamedChain c;
    c.key = "dz/db/chain";
    c.of = "z";
    c.wrt = "b";
    c.factors = {sum};
    c.value = c.tape = sum.value;
    return c;
}

Record chain_record() {
    Record r = test::linear_record();
    r.sections[1].items.insert(r.sections[1].items.begin(), dz_db());
    Section steps{"backward-steps", Message{"test.backward", {}}, {test::chain_z_x()}};
    steps.folded = true;
    r.sections.insert(r.sections.begin() + 2, steps);
    return r;
}

}  // namespace

TEST_CASE("Named chain render: JSON gives the routes, their factors and formulas", "[render][json][named-chain]") {
    const json j = json::parse(render(chain_record(), Format::json, test::options()));
    const json& c = j["sections"][1]["items"][0];
    CHECK(c["kind"] == "named_chain");
    CHECK(c["key"] == "dz/db/chain");
    REQUIRE(c["factors"].size() == 1);
    const json& routes = c["factors"][0]["paths"];
    REQUIRE(routes.size() == 2);
    CHECK(routes[0]["through"] == json::array({"z", "x", "b"}));
    CHECK(routes[0]["factors"][0]["formula"]["formula"] == "y");
    CHECK(routes[0]["factors"][0]["formula"]["substituted"] == "9");
    CHECK(c["value"]["value"] == 63.0);
    CHECK(c["agrees"] == true);
    CHECK(j["sections"][2]["folded"] == true);
}

TEST_CASE("Named chain render: text writes the sum of routes in one line", "[render][text][named-chain]") {
    const std::string text = render(chain_record(), Format::text, test::options());
    INFO(text);
    CHECK(text.find("∂z/∂b = ∂z/∂x·∂x/∂b + ∂z/∂y·∂y/∂b = 9·3 + 18·2 = 63\n") != std::string::npos);
    CHECK(text.find("∂z/∂x = y = 9\n") != std::string::npos);
}

TEST_CASE("Named chain render: HTML folds the elementary steps into a details element", "[render][html][named-chain]") {
    const std::string html = render(chain_record(), Format::html, test::page_options());
    CHECK(html.find("<details class=\"part folded\"") != std::string::npos);
    CHECK(html.find("class=\"named-chain\"") != std::string::npos);
    CHECK(html.find("\\frac{\\partial z}{\\partial b}") != std::string::npos);
}

TEST_CASE("Named chain render: Markdown writes the elementary steps as a subsection", "[render][markdown][named-chain]") {
    const std::string md = render(chain_record(), Format::md, test::page_options());
    CHECK(md.find("\n### ") != std::string::npos);
}
