#include <catch2/catch.hpp>

#include "core/errors.hpp"
#include "page.hpp"
#include "sample_records.hpp"

using namespace nntrace;

namespace {

std::string error_for(const Record& r, Format f, const std::string& table) {
    RenderOptions o = test::options();
    o.table = table;
    try {
        render(r, f, o);
    } catch (const InputError& e) {
        return e.what();
    }
    return "no error";
}

}  // namespace

TEST_CASE("Render: --table with an unknown name lists the tables", "[render][table]") {
    Record r = test::linear_record();
    Table second = test::descent_table();
    second.key = "again";
    r.sections[2].items.push_back(second);
    CHECK(error_for(r, Format::text, "nope") == "--table nope: no such table; tables: descent, again");
}

TEST_CASE("Render: --table is checked for every format", "[render][table]") {
    for (Format f : {Format::json, Format::text, Format::md, Format::csv})
        CHECK(error_for(test::linear_record(), f, "nope").rfind("--table nope: no such table", 0) == 0);
}

TEST_CASE("Render: --table on a record without tables says so", "[render][table]") {
    CHECK(error_for(test::hand_record(), Format::csv, "x") == "--table x: no such table; this page has no tables");
}

TEST_CASE("Natural order: runs of digits compare as numbers", "[render][order]") {
    CHECK(natural_less("w2", "w10"));
    CHECK_FALSE(natural_less("w10", "w2"));
    CHECK(natural_less("w1", "w2"));
    CHECK(natural_less("b2", "w1"));
    CHECK(natural_less("x", "x1"));
    CHECK(natural_less("w9_b", "w10_a"));
    CHECK_FALSE(natural_less("w1", "w1"));
}
