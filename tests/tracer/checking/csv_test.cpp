// RFC 4180 reading, and the faults reported by line.
#include <catch2/catch.hpp>

#include "checking/csv.hpp"

using namespace nntrace;

TEST_CASE("Csv: plain fields and CRLF records", "[csv]") {
    const CsvText c = read_csv("a,b\r\n1,2\r\n");
    REQUIRE(c.records.size() == 2);
    CHECK(c.records[1].fields == std::vector<std::string>{"1", "2"});
    CHECK(c.records[1].line == 2);
    CHECK(c.faults.empty());
}

TEST_CASE("Csv: quoted fields hold commas, doubled quotes and line breaks", "[csv]") {
    const CsvText c = read_csv("\"Li, Wei\",\"say \"\"hi\"\"\",\"two\nlines\"\nnext,1,2\n");
    REQUIRE(c.records.size() == 2);
    CHECK(c.records[0].fields == std::vector<std::string>{"Li, Wei", "say \"hi\"", "two\nlines"});
    CHECK(c.records[1].line == 3);
}

TEST_CASE("Csv: an unbalanced quote is reported at its line and the next lines are read", "[csv]") {
    const CsvText c = read_csv("h,a\n\"Ann,1\nBob,2\n");
    REQUIRE(c.faults.size() == 1);
    CHECK(c.faults[0].line == 2);
    CHECK(c.faults[0].what == "unbalanced quote");
    REQUIRE(c.records.size() == 2);
    CHECK(c.records[1].fields == std::vector<std::string>{"Bob", "2"});
    CHECK(c.records[1].line == 3);
}

TEST_CASE("Csv: text after a closing quote or a quote inside a field is a fault", "[csv]") {
    const CsvText c = read_csv("\"a\"b,1\nc\"d,2\nok,3\n");
    REQUIRE(c.faults.size() == 2);
    CHECK(c.faults[0].line == 1);
    CHECK(c.faults[1].line == 2);
    REQUIRE(c.records.size() == 1);
    CHECK(c.records[0].line == 3);
}

TEST_CASE("Csv: blank lines are not records and a byte order mark is dropped", "[csv]") {
    const CsvText c = read_csv("\xEF\xBB\xBFstudent,yhat\n\n  \nAnn,1\n");
    REQUIRE(c.records.size() == 2);
    CHECK(c.records[0].fields[0] == "student");
    CHECK(c.records[1].line == 4);
}

TEST_CASE("Csv: every field knows its column, counted in characters", "[csv][hardening]") {
    const CsvText c = read_csv("student,yhat\n\xE6\x9D\x8E\xE9\x9B\xB7,\"0.384\",x\n");
    REQUIRE(c.records.size() == 2);
    CHECK(c.records[0].columns == std::vector<int>{1, 9});
    CHECK(c.records[1].columns == std::vector<int>{1, 4, 12});  // 李雷 is two characters
}

TEST_CASE("Csv: a fault names its column", "[csv][hardening]") {
    const CsvText c = read_csv("a,b\nok,\"x\"y\nab\"c,1\nok,\"open\n");
    REQUIRE(c.faults.size() == 3);
    CHECK(c.faults[0].line == 2);
    CHECK(c.faults[0].column == 7);  // the y after the closing quote
    CHECK(c.faults[1].column == 3);  // the stray quote
    CHECK(c.faults[2].line == 4);
    CHECK(c.faults[2].column == 4);  // the quote that opens and never closes
}
