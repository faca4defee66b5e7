#include <catch2/catch.hpp>

#include "sample_records.hpp"

using namespace nntrace;

namespace {

// A one-column table whose cells are words, with the given English texts.
Record words_record(const std::vector<std::string>& texts) {
    Record r = test::linear_record();
    Table t;
    t.key = "words";
    t.title = Message{"test.w", {}};
    t.columns = {test::column("w", "test.w", std::nullopt), test::column("n", "test.n", 2)};
    for (std::size_t i = 0; i < texts.size(); ++i) {
        const std::string id = "test.cell" + std::to_string(i);
        r.strings[id] = {{"en", texts[i]}};
        t.rows.push_back({Cell{std::nullopt, Message{id, {}}}, Cell{Num::both(-0.0625 * static_cast<double>(i + 1)), {}}});
    }
    r.strings["test.w"] = {{"en", "say, \"what\""}};
    r.strings["test.n"] = {{"en", "n"}};
    r.sections.push_back(Section{"w", Message{"test.w", {}}, {t}});
    return r;
}

std::string csv_of(const Record& r, std::optional<std::string> table) {
    RenderOptions o = test::options();
    o.table = std::move(table);
    return render(r, Format::csv, o);
}

}  // namespace

TEST_CASE("CSV: fields with a comma, a quote or a line break are quoted", "[render][csv]") {
    const std::string csv = csv_of(words_record({"plain", "a,b", "two\nlines"}), "words");
    CHECK(csv ==
          "\"say, \"\"what\"\"\",n\n"
          "plain,-0.06\n"   // −0.0625 rounds away from zero to −0.06 at 2 decimals
          "\"a,b\",-0.13\n"  // −0.125 → −0.13
          "\"two\nlines\",-0.19\n");  // −0.1875 → −0.19
}

TEST_CASE("CSV: numbers use the column's decimals and an ASCII minus", "[render][csv]") {
    const std::string csv = csv_of(test::linear_record(), "descent");
    CHECK(csv.rfind("round,x,J\n1,0.480000,0.230400\n", 0) == 0);
    CHECK(csv.find("\xE2\x88\x92") == std::string::npos);
}

TEST_CASE("CSV: several tables are separated by a blank line and a title line", "[render][csv]") {
    const std::string csv = csv_of(words_record({"plain"}), std::nullopt);
    CHECK(csv.rfind("# Descent on J = x²\nround,x,J\n", 0) == 0);
    CHECK(csv.find("0.000944\n\n# say, \"what\"\n\"say, \"\"what\"\"\",n\nplain,-0.06\n") != std::string::npos);
}
