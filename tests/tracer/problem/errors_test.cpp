// Every bad file is reported at FILE:LINE:COLUMN, the column counted inside the file.
#include <catch2/catch.hpp>

#include "support.hpp"

using nntrace::InputError;
using Catch::Matchers::Contains;
namespace test = nntrace::test;

namespace {

// A loss over one param, to which each test adds the line it is about.
const std::string base = "[params]\nw = 1\n[nodes]\nL = \"w^2\"\n[loss]\nnode = \"L\"\n";

void check_at(const InputError& e, int line, int column) {
    INFO(e.what());
    CHECK(e.line() == line);
    CHECK(e.column() == column);
}

InputError read_error(const std::string& data_file) {
    try {
        nntrace::read_problem(test::data_file(data_file));
    } catch (const InputError& e) {
        return e;
    }
    throw std::logic_error("expected an InputError");
}

}  // namespace

TEST_CASE("Problem errors: a TOML syntax error keeps toml++'s line and column", "[problem][errors]") {
    const InputError e = test::parse_error("[inputs]\nx = = 1\n");
    check_at(e, 2, 5);
    CHECK(e.file() == "bad.toml");
    CHECK_THAT(e.what(), Contains("bad.toml:2:5: "));
}

TEST_CASE("Problem errors: a misspelt table is not ignored", "[problem][errors]") {
    const InputError e = read_error("misspelt-table.toml");
    check_at(e, 4, 2);
    CHECK_THAT(e.message(), Contains("unknown table [param]") && Contains("did you mean 'params'"));
}

TEST_CASE("Problem errors: an unknown top-level key", "[problem][errors]") {
    const InputError e = test::parse_error("decimal = 3\n");
    check_at(e, 1, 1);
    CHECK_THAT(e.message(), Contains("unknown key 'decimal'"));
}

TEST_CASE("Problem errors: an unknown key inside [loss]", "[problem][errors]") {
    const InputError e = test::parse_error(base + "wr = [\"w\"]\n");
    check_at(e, 7, 1);
    CHECK_THAT(e.message(), Contains("in [loss]") && Contains("'wrt'"));
}

TEST_CASE("Problem errors: a name starting with a digit", "[problem][errors]") {
    const InputError e = test::parse_error("[inputs]\nx = 1\n\"2x\" = 1\n");
    check_at(e, 3, 1);
    CHECK_THAT(e.message(), Contains("'2x' is not a valid name"));
}

TEST_CASE("Problem errors: a name defined in two tables", "[problem][errors]") {
    const InputError e = test::parse_error("[inputs]\nw = 1\n[params]\nw = 2\n");
    check_at(e, 4, 1);
    CHECK_THAT(e.message(), Contains("already defined in [inputs] at line 2"));
}

TEST_CASE("Problem errors: a name equal to a built-in function", "[problem][errors]") {
    const InputError e = test::parse_error("[params]\nexp = 1\n");
    check_at(e, 2, 1);
    CHECK_THAT(e.message(), Contains("name of a function"));
}

TEST_CASE("Problem errors: a name equal to a user function", "[problem][errors]") {
    const InputError e = test::parse_error("[functions]\ns = \"x^2\"\n[inputs]\ns = 1\n");
    check_at(e, 4, 1);
}

TEST_CASE("Problem errors: an unknown name is reported at its column in the file", "[problem][errors]") {
    const InputError e = test::parse_error("[inputs]\nx = 1\n[nodes]\nz = \"2*x + w\"\n");
    check_at(e, 4, 12);
    CHECK_THAT(e.message(), Contains("unknown name 'w'") && Contains("node z"));
}

TEST_CASE("Problem errors: an unknown function", "[problem][errors]") {
    const InputError e = test::parse_error("[inputs]\nx = 1\n[nodes]\nz = \"sigmod(x)\"\n");
    check_at(e, 4, 6);
    CHECK_THAT(e.message(), Contains("unknown function 'sigmod'"));
}

TEST_CASE("Problem errors: an expression syntax error", "[problem][errors]") {
    const InputError e = test::parse_error("[inputs]\nx = 1\n[nodes]\nz = \"2*x +\"\n");
    check_at(e, 4, 11);  // the end of the expression: its closing quote
    CHECK_THAT(e.message(), Contains("expected"));
}

TEST_CASE("Problem errors: an escape sequence before the error moves the column", "[problem][errors]") {
    // \u0032 is "2": six characters in the file for one in the expression.
    const InputError e = test::parse_error("[inputs]\nx = 1\n[nodes]\nz = \"\\u0032*x + w\"\n");
    check_at(e, 4, 17);
}

TEST_CASE("Problem errors: a literal string is counted the same way", "[problem][errors]") {
    const InputError e = test::parse_error("[inputs]\nx = 1\n[nodes]\nz = '2*x + w'\n");
    check_at(e, 4, 12);
}

TEST_CASE("Problem errors: a cycle among nodes is named", "[problem][errors]") {
    const InputError e = read_error("cycle.toml");
    check_at(e, 7, 9);  // z2 = "2*z1": the use of z1 that closes the cycle
    CHECK_THAT(e.message(), Contains("z1 → h1 → z2 → z1"));
}

TEST_CASE("Problem errors: a node that reads itself", "[problem][errors]") {
    const InputError e = test::parse_error("[nodes]\na = \"a + 1\"\n");
    check_at(e, 2, 6);
    CHECK_THAT(e.message(), Contains("a → a"));
}

TEST_CASE("Problem errors: a loss that is not a node", "[problem][errors]") {
    const InputError e = test::parse_error("[inputs]\nx = 1\n[nodes]\nL = \"x^2\"\n[loss]\nnode = \"x\"\n");
    check_at(e, 6, 8);
    CHECK_THAT(e.message(), Contains("'x' is an input, not a node"));
}

TEST_CASE("Problem errors: a wrt name that is not a param or input", "[problem][errors]") {
    const InputError e = test::parse_error(base + "wrt = [\"w\", \"L\"]\n");
    check_at(e, 7, 13);
    CHECK_THAT(e.message(), Contains("'L', which is not a param or an input"));
}

TEST_CASE("Problem errors: a wrt name given twice", "[problem][errors]") {
    const InputError e = test::parse_error(base + "wrt = [\"w\", \"w\"]\n");
    check_at(e, 7, 13);
}

TEST_CASE("Problem errors: an update name that is not a param or input", "[problem][errors]") {
    const InputError e = test::parse_error(base + "[train]\nrate = 0.1\nupdate = [\"v\"]\n");
    check_at(e, 9, 11);
    CHECK_THAT(e.message(), Contains("[train] update"));
}

TEST_CASE("Problem errors: decimals outside 0..12", "[problem][errors]") {
    const InputError e = test::parse_error("decimals = 13\n");
    check_at(e, 1, 12);
    CHECK_THAT(e.message(), Contains("from 0 to 12"));
}

TEST_CASE("Problem errors: decimals that are not an integer", "[problem][errors]") {
    check_at(test::parse_error("decimals = 2.5\n"), 1, 12);
}

TEST_CASE("Problem errors: an unknown rounding", "[problem][errors]") {
    const InputError e = test::parse_error("rounding = \"up\"\n");
    check_at(e, 1, 12);
    CHECK_THAT(e.message(), Contains("\"half-up\" or \"truncate\""));
}

TEST_CASE("Problem errors: a rate that is not a number", "[problem][errors]") {
    const InputError e = test::parse_error(base + "[train]\nrate = \"fast\"\n");
    check_at(e, 8, 8);
}

TEST_CASE("Problem errors: rounds that are not a positive integer", "[problem][errors]") {
    const InputError e = test::parse_error(base + "[train]\nrate = 0.1\nrounds = 0\n");
    check_at(e, 9, 10);
}

TEST_CASE("Problem errors: training without a loss", "[problem][errors]") {
    const InputError e = test::parse_error("[params]\nw = 1\n[train]\nrate = 0.1\n");
    check_at(e, 3, 2);
}

TEST_CASE("Problem errors: a value that is not a number", "[problem][errors]") {
    const InputError e = test::parse_error("[params]\nw = \"0.5\"\n");
    check_at(e, 2, 5);
    CHECK_THAT(e.message(), Contains("must be a number"));
}

TEST_CASE("Problem errors: a table given as a plain value", "[problem][errors]") {
    check_at(test::parse_error("nodes = 3\n"), 1, 9);
}

TEST_CASE("Problem errors: a function body that uses another name than x", "[problem][errors]") {
    const InputError e = test::parse_error("[functions]\ns = \"x^2 + y\"\n");
    check_at(e, 2, 12);
    CHECK_THAT(e.message(), Contains("function s"));
}

TEST_CASE("Problem errors: an answer that is not a number", "[problem][errors]") {
    const InputError e = test::parse_error("[answers]\nyhat = \"about 0.4\"\n");
    check_at(e, 2, 8);
}

TEST_CASE("Problem errors: a missing file names the file", "[problem][errors]") {
    try {
        nntrace::read_problem(test::data_file("no-such-file.toml"));
        FAIL("expected an InputError");
    } catch (const InputError& e) {
        CHECK_THAT(e.what(), Contains("no-such-file.toml"));
    }
}

TEST_CASE("Problem errors: ln of a negative number while running", "[problem][errors][run]") {
    const nntrace::Problem p = nntrace::read_problem(test::data_file("ln-of-negative.toml"));
    try {
        nntrace::run_problem(p, {});
        FAIL("expected an InputError");
    } catch (const InputError& e) {
        check_at(e, 5, 6);
        CHECK(e.message() == "ln of -2 in node b");
    }
}

TEST_CASE("Problem errors: a division by zero while running", "[problem][errors][run]") {
    const InputError e = test::run_error("[inputs]\nx = 0\n[nodes]\nq = \"1/x\"\n");
    check_at(e, 4, 6);
    CHECK(e.message() == "division by zero (1 / 0) in node q");
}

TEST_CASE("Problem errors: a derivative that is not finite", "[problem][errors][run]") {
    const InputError e = test::run_error("[params]\nw = 0\n[nodes]\nr = \"sqrt(w)\"\n[loss]\nnode = \"r\"\n");
    check_at(e, 4, 6);
    CHECK_THAT(e.message(), Contains("derivative of sqrt") && Contains("node r"));
}
