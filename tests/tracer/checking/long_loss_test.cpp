// A loss of many terms (issue 14, item 6): the checker's own walks over it keep a stack of
// their own, as the parser and builder do.
#include <catch2/catch.hpp>

#include <string>

#include "checking/problem_shape.hpp"
#include "problem/problem.hpp"

using namespace nntrace;

TEST_CASE("Problem shape: the terms of a 300,000-term loss are counted without recursion", "[check][limits]") {
    // issue 14, item 6: a left-deep chain as deep as it is long once overflowed the stack here.
    std::string loss = "w";
    for (int i = 1; i < 300000; ++i) loss += "+w";
    const Problem p = parse_problem("[params]\nw = 1\n[nodes]\nL = \"" + loss + "\"\n[loss]\nnode = \"L\"\n", "long.toml");
    CHECK(loss_terms(p) == 300000);
}
