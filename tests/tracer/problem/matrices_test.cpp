// [matrices]: params the source writes as one matrix or vector are shown as one, laid out as
// written; every expected figure is the record's own gradient of that entry.
#include <catch2/catch.hpp>

#include "support.hpp"

using Catch::Matchers::Contains;
using nntrace::InputError;
namespace test = nntrace::test;

namespace {

// y = V·ReLU(W·x) with a 2×2 W and a 2-vector V, L = ½(y − t)².
const std::string relu_net = R"toml(
[inputs]
x0 = 1
x1 = -1
t = 1
[params]
W00 = 1
W01 = -1
W10 = 0
W11 = 2
V0 = -1
V1 = 1
[nodes]
s0 = "W00*x0 + W01*x1"
s1 = "W10*x0 + W11*x1"
y = "V0*relu(s0) + V1*relu(s1)"
L = "0.5*(y - t)^2"
[loss]
node = "L"
[matrices]
W = [["W00", "W01"], ["W10", "W11"]]
V = ["V0", "V1"]
)toml";

void matrices_check_at(const InputError& e, int line, int column) {
    INFO(e.what());
    CHECK(e.line() == line);
    CHECK(e.column() == column);
}

}  // namespace

TEST_CASE("Problem matrices: a matrix and a vector are read row by row", "[problem][matrices]") {
    const nntrace::Problem p = nntrace::parse_problem(relu_net, "relu.toml");
    REQUIRE(p.matrices.size() == 2);
    CHECK(p.matrices[0].name == "W");
    REQUIRE(p.matrices[0].rows.size() == 2);
    CHECK(p.matrices[0].rows[1][0].name == "W10");
    CHECK(p.matrices[1].rows.size() == 1);  // a vector is one row
    CHECK(p.matrices[1].rows[0].size() == 2);
}

TEST_CASE("Problem matrices: the gradient is laid out like the matrix", "[problem][matrices]") {
    const nntrace::Record r = nntrace::run_problem(nntrace::parse_problem(relu_net, "relu.toml"), {});
    const nntrace::Table* dW = r.find_table("dL_dW");
    REQUIRE(dW);
    REQUIRE(dW->rows.size() == 2);
    REQUIRE(dW->columns.size() == 3);  // the entries' names, then columns 1 and 2
    const char* names[2][2] = {{"W00", "W01"}, {"W10", "W11"}};
    for (int i = 0; i < 2; ++i)
        for (int j = 0; j < 2; ++j) {
            INFO(names[i][j]);
            const std::string cell = "dL_dW/" + std::to_string(i + 1) + "/" + std::to_string(j + 1);
            CHECK(r.find(cell)->exact == r.find(std::string("dL/d") + names[i][j])->exact);
        }
    CHECK(r.find("dL_dV/1/2")->exact == r.find("dL/dV1")->exact);
}

TEST_CASE("Problem matrices: with training, the values after the first update are laid out too", "[problem][matrices][train]") {
    const nntrace::Record r =
        nntrace::run_problem(nntrace::parse_problem(relu_net + "[train]\nrate = 0.1\nrounds = 2\n", "relu.toml"), {});
    REQUIRE(r.find_table("W+"));
    CHECK(r.find("W+/1/2")->exact == r.find("W01+")->exact);
    CHECK(r.find("V+/1/1")->exact == r.find("V0+")->exact);
}

TEST_CASE("Problem matrices: rows of different lengths are refused at the row", "[problem][matrices][errors]") {
    const InputError e = test::parse_error("[params]\na = 1\nb = 2\nc = 3\n[matrices]\nM = [[\"a\", \"b\"], [\"c\"]]\n");
    matrices_check_at(e, 6, 18);
    CHECK_THAT(e.message(), Contains("every row needs 2 names"));
}

TEST_CASE("Problem matrices: an entry must be a param or an input", "[problem][matrices][errors]") {
    const InputError e = test::parse_error("[params]\na = 1\n[matrices]\nM = [\"a\", \"q\"]\n");
    matrices_check_at(e, 4, 11);
    CHECK_THAT(e.message(), Contains("[matrices] M names 'q'"));
}

TEST_CASE("Problem matrices: a matrix's name must not be taken", "[problem][matrices][errors]") {
    const InputError e = test::parse_error("[params]\na = 1\n[matrices]\na = [\"a\"]\n");
    matrices_check_at(e, 4, 1);
    CHECK_THAT(e.message(), Contains("already taken"));
}

TEST_CASE("Problem matrices: a matrix that is not an array of names is refused", "[problem][matrices][errors]") {
    const InputError e = test::parse_error("[params]\na = 1\n[matrices]\nM = 3\n");
    matrices_check_at(e, 4, 5);
    CHECK_THAT(e.message(), Contains("must be an array of names"));
}
