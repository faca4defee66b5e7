#include <catch2/catch.hpp>

#include "support.hpp"

using nntrace::InputError;
using nntrace::parse_problem;
using nntrace::Problem;
using nntrace::read_problem;
using nntrace::Rounding;
namespace test = nntrace::test;

namespace {

std::vector<std::string> node_names(const Problem& p) {
    std::vector<std::string> out;
    for (const auto& n : p.nodes) out.push_back(n.name);
    return out;
}

}  // namespace

TEST_CASE("Problem reader: a title string serves both languages", "[problem][reader]") {
    const Problem p = parse_problem("title = \"One weight\"\n", "t.toml");
    CHECK(p.title_en == "One weight");
    CHECK(p.title_zh == "One weight");
}

TEST_CASE("Problem reader: a title table gives each language its own title", "[problem][reader]") {
    const Problem p = parse_problem("[title]\nzh = \"练习 7\"\nen = \"Exercise 7\"\n", "t.toml");
    CHECK(p.title_en == "Exercise 7");
    CHECK(p.title_zh == "练习 7");
}

TEST_CASE("Problem reader: without a title the file's stem is the title and the id", "[problem][reader]") {
    const Problem p = parse_problem("", "dir/homework-3.toml");
    CHECK(p.id == "homework-3");
    CHECK(p.title_en == "homework-3");
}

TEST_CASE("Problem reader: decimals and rounding", "[problem][reader]") {
    const Problem p = parse_problem("decimals = 4\nrounding = \"truncate\"\n", "t.toml");
    REQUIRE(p.decimals);
    CHECK(*p.decimals == 4);
    CHECK(p.rounding == Rounding::truncate);
}

TEST_CASE("Problem reader: without decimals the arithmetic is exact and rounding half up", "[problem][reader]") {
    const Problem p = parse_problem("", "t.toml");
    CHECK_FALSE(p.decimals);
    CHECK(p.rounding == Rounding::half_up);
}

TEST_CASE("Problem reader: functions keep their body and its position", "[problem][reader]") {
    const Problem p = parse_problem("[functions]\ns = \"x^2\"\n", "t.toml");
    REQUIRE(p.functions.size() == 1);
    CHECK(p.functions[0].name == "s");
    CHECK(p.functions[0].body.text == "x^2");
    CHECK(p.functions[0].body.at(1).line == 2);
    CHECK(p.functions[0].body.at(1).column == 6);  // just after the opening quote
}

TEST_CASE("Problem reader: inputs and params keep file order and accept integers", "[problem][reader]") {
    const Problem p = parse_problem("[inputs]\nz = 1\na = -0.5\n[params]\nw2 = 3\nw1 = 1e-3\n", "t.toml");
    REQUIRE(p.inputs.size() == 2);
    CHECK(p.inputs[0].name == "z");
    CHECK(p.inputs[0].value == 1.0);
    CHECK(p.inputs[1].value == -0.5);
    REQUIRE(p.params.size() == 2);
    CHECK(p.params[0].name == "w2");
    CHECK(p.params[1].value == 0.001);
}

TEST_CASE("Problem reader: nodes are parsed expressions with their text", "[problem][reader]") {
    const Problem p = parse_problem("[inputs]\nx = 1\n[nodes]\nz = \"2*x + 1\"\n", "t.toml");
    REQUIRE(p.nodes.size() == 1);
    CHECK(p.nodes[0].source.text == "2*x + 1");
    CHECK(p.nodes[0].expr.kind == nntrace::Expr::Kind::binary);
    CHECK(p.nodes[0].expr.op == '+');
}

TEST_CASE("Problem reader: nodes out of order are sorted after what they read", "[problem][reader]") {
    const Problem p = read_problem(test::data_file("out-of-order.toml"));
    // k reads only c, so it keeps its file position relative to z, the other ready node.
    CHECK(node_names(p) == std::vector<std::string>{"k", "z", "h", "L"});
}

TEST_CASE("Problem reader: independent nodes keep file order", "[problem][reader]") {
    const Problem p = parse_problem("[inputs]\nx = 1\n[nodes]\nc = \"x\"\na = \"x\"\nb = \"x\"\n", "t.toml");
    CHECK(node_names(p) == std::vector<std::string>{"c", "a", "b"});
}

TEST_CASE("Problem reader: loss node and wrt", "[problem][reader]") {
    const Problem p = parse_problem(
        "[params]\nw1 = 1\nw2 = 2\n[nodes]\nL = \"w1*w2\"\n[loss]\nnode = \"L\"\nwrt = [\"w2\"]\n", "t.toml");
    REQUIRE(p.loss);
    CHECK(p.loss->name == "L");
    REQUIRE(p.wrt.size() == 1);
    CHECK(p.wrt[0].name == "w2");
}

TEST_CASE("Problem reader: wrt defaults to every param in file order", "[problem][reader]") {
    const Problem p = parse_problem("[params]\nb = 1\na = 2\n[nodes]\nL = \"a*b\"\n[loss]\nnode = \"L\"\n", "t.toml");
    REQUIRE(p.wrt.size() == 2);
    CHECK(p.wrt[0].name == "b");
    CHECK(p.wrt[1].name == "a");
}

TEST_CASE("Problem reader: train settings, with update defaulting to wrt", "[problem][reader]") {
    const Problem p = read_problem(test::data_file("train-tiny.toml"));
    REQUIRE(p.train);
    CHECK(p.train->rate == 0.333);
    CHECK(p.train->rounds == 2);
    REQUIRE(p.train->update.size() == 2);
    CHECK(p.train->update[0].name == "w");
    CHECK(p.train->update[1].name == "b");
}

TEST_CASE("Problem reader: train update may not name an input", "[problem][reader]") {
    try {
        parse_problem("[inputs]\nx = 1\n[nodes]\nL = \"(x - 4)^2\"\n[loss]\nnode = \"L\"\nwrt = [\"x\"]\n"
                      "[train]\nrate = 0.1\nupdate = [\"x\"]\n", "t.toml");
        FAIL("an input in update was accepted");
    } catch (const InputError& e) {
        CHECK(e.line() == 10);
        CHECK(e.column() == 11);
        CHECK_THAT(e.message(), Catch::Contains("'x', which is an input"));
    }
}

TEST_CASE("Problem reader: by default train updates the params among wrt, not its inputs", "[problem][reader]") {
    const Problem p = parse_problem(
        "[inputs]\nx = 1\n[params]\nw = 2\n[nodes]\nL = \"(w*x - 4)^2\"\n[loss]\nnode = \"L\"\nwrt = [\"x\", \"w\"]\n"
        "[train]\nrate = 0.1\n", "t.toml");
    REQUIRE(p.train);
    REQUIRE(p.train->update.size() == 1);
    CHECK(p.train->update[0].name == "w");
}

TEST_CASE("Problem reader: answers keep their text, trailing zeros included", "[problem][reader]") {
    const Problem p = parse_problem("[answers]\nyhat = \"0.380\"\n\"dL/dw7\" = -0.410\n", "t.toml");
    REQUIRE(p.answers.size() == 2);
    CHECK(p.answers[0].name == "yhat");
    CHECK(p.answers[0].text == "0.380");
    CHECK(p.answers[1].name == "dL/dw7");
    CHECK(p.answers[1].text == "-0.410");  // a bare number is taken as written
}

TEST_CASE("Problem reader: the exercise-7 example reads completely", "[problem][reader][example]") {
    const Problem p = read_problem(test::example_file("exercise-7.toml"));
    CHECK(p.id == "exercise-7");
    CHECK(p.title_zh.find("练习 7") == 0);
    CHECK(p.inputs.size() == 3);
    CHECK(p.params.size() == 14);
    CHECK(p.nodes.size() == 10);
    CHECK(p.answers.size() == 3);
}
