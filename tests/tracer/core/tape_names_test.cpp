// Names, labels and formulas live beside the tape's nodes, not in them: what the side tables
// give back must be what each node was given, whatever order the nodes were named in.
#include <catch2/catch.hpp>

#include <cstring>

#include "core/page_allocator.hpp"
#include "core/tape.hpp"

using namespace nntrace;

TEST_CASE("Tape names: a label replaced by the user's name keeps only the name", "[tape][names]") {
    Tape tape;
    const NodeId x = tape.input("x", 2.0);
    const NodeId y = tape.apply(Op::mul, {x, x});
    tape.label(y, "x*x");
    tape.name(y, "y", {{"x", x}, {"*", {}}, {"x", x}});
    CHECK(tape.name(y) == "y");
    CHECK(tape.is_named(y));
    CHECK(tape.formula(y).size() == 3);
    CHECK(tape.name(x) == "x");
}

TEST_CASE("Tape names: a node named after later nodes keeps its own name and formula", "[tape][names]") {
    Tape tape;
    const NodeId a = tape.input("a", 1.0);
    const NodeId b = tape.apply(Op::exp, {a});
    const NodeId c = tape.apply(Op::sin, {b});
    tape.name(c, "c", {{"sin(", {}}, {"b", b}, {")", {}}});
    tape.name(b, "b", {{"exp(", {}}, {"a", a}, {")", {}}});
    CHECK(tape.name(b) == "b");
    CHECK(tape.name(c) == "c");
    REQUIRE(tape.formula(b).size() == 3);
    CHECK(tape.formula(b)[1].node == a);
    REQUIRE(tape.formula(c).size() == 3);
    CHECK(tape.formula(c)[1].node == b);
}

TEST_CASE("Tape names: an anonymous operation has no name, no label and no formula", "[tape][names]") {
    Tape tape;
    const NodeId x = tape.parameter("x", 0.5);
    const NodeId t = tape.apply(Op::tanh, {x});
    CHECK(tape.name(t).empty());
    CHECK_FALSE(tape.is_named(t));
    CHECK(tape.formula(t).empty());
}

TEST_CASE("Tape names: find gives the last node the user named so and not a label", "[tape][names]") {
    Tape tape;
    const NodeId first = tape.input("v", 1.0);
    const NodeId labelled = tape.apply(Op::neg, {first});
    tape.label(labelled, "w");
    const NodeId second = tape.apply(Op::exp, {first});
    tape.name(second, "v", {});
    CHECK(tape.find("v") == second);
    CHECK_FALSE(tape.find("w").has_value());
}

TEST_CASE("Tape names: a node's own name given back as its label survives", "[tape][names]") {
    Tape tape;
    const NodeId x = tape.input("x", 1.0);
    const NodeId y = tape.apply(Op::neg, {x});
    tape.label(y, "-x");
    tape.label(y, tape.name(y));
    CHECK(tape.name(y) == "-x");
}

TEST_CASE("Page allocator: a big block given back holds its place for the next of its size", "[tape][pages]") {
    constexpr std::size_t bytes = std::size_t{4} << 20;
    auto* first = static_cast<char*>(allocate_pages(bytes));
    std::memset(first, 7, bytes);
    release_pages(first, bytes);
    auto* second = static_cast<char*>(allocate_pages(bytes));
#if defined(__linux__)  // elsewhere big blocks come from operator new
    CHECK(second == first);         // no fresh mapping (and no page faults) for the same size again
    CHECK(second[bytes - 1] == 7);  // the same pages, already faulted in
#endif
    second[bytes - 1] = 1;
    release_pages(second, bytes);
}
