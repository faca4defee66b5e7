#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "sample_records.hpp"

using namespace nntrace;
using nlohmann::json;

namespace {

json parsed(const Record& r, RenderOptions o = test::options()) {
    return json::parse(render(r, Format::json, o));
}

const json& first_item(const json& j, std::size_t section) { return j["sections"][section]["items"][0]; }

}  // namespace

TEST_CASE("JSON: a step carries its pieces, its formula and its substituted formula", "[render][json]") {
    const json step = first_item(parsed(test::linear_record()), 0);
    CHECK(step["kind"] == "step");
    CHECK(step["formula"] == "2·w + 3·b");
    CHECK(step["substituted"] == "2·3 + 3·4");
    CHECK(step["pieces"].size() == 7);
    CHECK(step["pieces"][2]["text"] == "w");
    CHECK(step["pieces"][2]["value"]["value"] == 3.0);
    CHECK(!step["pieces"][1].contains("value"));
}

TEST_CASE("JSON: a number carries its exact value, the value used and the shown figure", "[render][json]") {
    const json value = first_item(parsed(test::hand_record()), 0)["value"];
    CHECK(value["exact"].get<double>() == 0.85 * 0.85);
    CHECK(value["value"].get<double>() == 0.723);
    CHECK(value["shown"] == "0.723");
}

TEST_CASE("JSON: doubles round-trip exactly", "[render][json]") {
    Record r = test::linear_record();
    r.parameters["third"] = Num{1.0 / 3.0, 0.1 + 0.2};
    const json p = parsed(r)["parameters"]["third"];
    CHECK(p["exact"].get<double>() == 1.0 / 3.0);
    CHECK(p["value"].get<double>() == 0.1 + 0.2);
}

TEST_CASE("JSON: items are tagged with their kind", "[render][json]") {
    Record r = test::linear_record();
    r.sections[0].items.push_back(Note{"n", Note::Kind::warning, Message{"test.note", {}}});
    const json j = parsed(r);
    CHECK(j["sections"][0]["items"][1]["kind"] == "note");
    CHECK(j["sections"][0]["items"][1]["level"] == "warning");
    const json& backward = j["sections"][1]["items"];
    CHECK(backward[0]["kind"] == "chain");
    CHECK(backward[1]["kind"] == "sum");
    CHECK(backward[2]["kind"] == "update");
    CHECK(j["sections"][2]["items"][0]["kind"] == "table");
}

TEST_CASE("JSON: a chain line's local formula is written out with its value", "[render][json]") {
    const json chain = first_item(parsed(test::linear_record()), 1);
    CHECK(chain["local_formula"]["formula"] == "y");
    CHECK(chain["local_formula"]["substituted"] == "9");
    CHECK(chain["contribution"]["value"] == 9.0);
    CHECK(chain["rule"] == "∂(u·v)/∂u = v");
}

TEST_CASE("JSON: a table cell's shown figure uses its column's decimals", "[render][json]") {
    const json table = first_item(parsed(test::linear_record()), 2);
    CHECK(table["columns"][1]["decimals"] == 6);
    CHECK(table["rows"][0][0]["number"]["shown"] == "1");
    CHECK(table["rows"][0][1]["number"]["shown"] == "0.480000");  // 1.2 − 0.3·2·1.2
    CHECK(table["title"]["text"] == "Descent on J = x²");
}

TEST_CASE("JSON: messages carry their id and their text in the chosen language", "[render][json]") {
    const json zh = parsed(test::linear_record(), test::options("zh"));
    CHECK(zh["title"]["id"] == "test.title");
    CHECK(zh["title"]["text"] == "线性反向传播");
    CHECK(zh["arithmetic"]["rounding"] == "exact");
    CHECK(zh["arithmetic"]["convention"]["text"] == "精确计算，结果显示到小数点后 4 位");
}

TEST_CASE("JSON: comparisons carry verdict names and reasons", "[render][json]") {
    Record r = test::hand_record();
    Comparison ok{"a", "a", "0.723", 3, Num{0.85 * 0.85, 0.723}, Comparison::Verdict::matches, std::nullopt};
    Comparison near{"a", "a", "0.722", 3, Num{0.85 * 0.85, 0.723}, Comparison::Verdict::last_digit,
                    Message{"reason.truncated", {}}};
    Comparison gone{"q", "q", "1.5", 1, Num{}, Comparison::Verdict::missing, Message{"reason.not_computed", {}}};
    r.comparisons = {ok, near, gone};
    const json c = parsed(r)["comparisons"];
    CHECK(c[0]["verdict"] == "matches");
    CHECK(c[0]["reason"].is_null());
    CHECK(c[1]["verdict"] == "last_digit");
    CHECK(c[1]["reason"]["id"] == "reason.truncated");
    CHECK(c[2]["verdict"] == "missing");
    CHECK(c[2]["computed"].is_null());
}

TEST_CASE("JSON: a missing catalog folder is not an error", "[render][json]") {
    RenderOptions o = test::options();
    o.messages_dir = std::filesystem::path(NNTRACE_TEST_SCRATCH) / "no-catalog-here";
    const json j = parsed(test::linear_record(), o);
    CHECK(j["title"]["text"] == "Linear backpropagation");  // the record's own strings
    CHECK(j["arithmetic"]["convention"]["text"] == "render.arithmetic.exact");
}

TEST_CASE("JSON: a plot carries its frame, marks and contour levels as its picture shows them", "[render][json]") {
    Series grid{Series::Kind::grid, "J", {0, 1}, {0, 1}, {0, 1, 1, 2}};
    grid.levels = {{Arg{"", Num::both(0.01), -6}, std::make_pair(0.1, 0.0)}};
    Series path{Series::Kind::path, "x", {0, 1}, {0, 1}, {}};
    path.marks = {Arg{"", Num::both(1), 0}, Arg{}};
    Plot p{"p", Message{"t", {}}, "x", "y", {grid, path}};
    p.x_range = std::make_pair(-0.5, 1.5);
    p.equal_scales = true;
    Record r = test::linear_record();
    r.sections.push_back(Section{"plots", Message{"t", {}}, {p}});
    const json j = parsed(r)["sections"].back()["items"][0];
    CHECK(j["x_range"] == json::array({-0.5, 1.5}));
    CHECK(!j.contains("y_range"));
    CHECK(j["equal_scales"] == true);
    CHECK(j["series"][0]["levels"][0]["shown"] == "0.01");
    CHECK(j["series"][1]["marks"][0]["shown"] == "1");
    CHECK(j["series"][1]["marks"][1] == "");
}
