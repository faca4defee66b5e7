// NameMap: the names' table of problems with up to millions of names.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/name_map.hpp"

using namespace nntrace;

TEST_CASE("Name table: a name put in is found with its value and an absent one is not", "[core][names]") {
    NameMap<std::string, int> names;
    names["w1"] = 1;
    names["w2"] = 2;
    REQUIRE(names.find("w1"));
    CHECK(*names.find("w1") == 1);
    CHECK(names.at("w2") == 2);
    CHECK_FALSE(names.find("w3"));
    CHECK_FALSE(names.count("w"));
    CHECK(names.size() == 2);
}

TEST_CASE("Name table: emplacing a name twice keeps the first value and says so", "[core][names]") {
    NameMap<std::string, int> names;
    CHECK(names.emplace("x", 1).second);
    const auto [value, made] = names.emplace("x", 2);
    CHECK_FALSE(made);
    CHECK(*value == 1);
    CHECK(names.size() == 1);
}

TEST_CASE("Name table: at() of an absent name throws instead of making one", "[core][names]") {
    NameMap<std::string, int> names;
    CHECK_THROWS_AS(names.at("b1"), std::out_of_range);
    CHECK(names.empty());
}

TEST_CASE("Name table: a table grown from empty to 100,000 names finds every one", "[core][names]") {
    // Growing re-places every entry many times over; names that share their start and their
    // length (w1…w99999) stress the hash's low bits.
    NameMap<std::string, int> names;
    for (int i = 0; i < 100000; ++i) names["w" + std::to_string(i)] = i;
    CHECK(names.size() == 100000);
    int wrong = 0;
    for (int i = 0; i < 100000; ++i) {
        const int* v = names.find("w" + std::to_string(i));
        if (!v || *v != i) ++wrong;
    }
    CHECK(wrong == 0);
    CHECK_FALSE(names.find("w100000"));
    CHECK_FALSE(names.find("x1"));
}

TEST_CASE("Name table: views as keys point into names that live elsewhere", "[core][names]") {
    const std::vector<std::string> defined = {"i1", "h1", "o1", ""};
    NameMap<std::string_view, std::size_t> index;
    index.reserve(defined.size());
    for (std::size_t i = 0; i < defined.size(); ++i) index[defined[i]] = i;
    CHECK(index.at("o1") == 2);
    CHECK(index.at("") == 3);  // the empty name is a name like any other
    CHECK_FALSE(index.count("h2"));
}
