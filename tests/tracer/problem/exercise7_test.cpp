// Exercise 7 (an MLP with s(x) = x²): the answer key printed by the source, and exact values
// from an independent computation written here.
#include <catch2/catch.hpp>

#include <cmath>

#include "core/compare.hpp"
#include "support.hpp"

using nntrace::Arithmetic;
using nntrace::Record;
using nntrace::RunOptions;
namespace test = nntrace::test;

namespace {

Record run_example(const RunOptions& options = {}) {
    return nntrace::run_problem(nntrace::read_problem(test::example_file("exercise-7.toml")), options);
}

// The value the run used, rounded half up at the figure's decimals, is the printed figure.
bool matches_published(const Record& r, const std::string& key, const std::string& published) {
    const auto c = nntrace::compare_published(key, key, published, r.find(key));
    return c.verdict == nntrace::Comparison::Verdict::matches;
}

// The network of reference §9 in plain doubles, nothing rounded.
struct Exact {
    double h1, h2, h3, z4, h4, yhat, loss, dL_dw7, dL_dw8;
};

Exact compute_exactly() {
    const double x1 = 1, x2 = 0, y = 1;
    const double w[] = {0, 0.6, -0.4, 0.8, 0.2, 0.5, -0.3, 0.7, -0.6, 0.4, 1.2};  // w[1]..w[10]
    const double b1 = 0.1, b2 = -0.2, b3 = 0.05, b4 = 0.15;
    Exact e{};
    e.h1 = std::pow(w[1] * x1 + w[4] * x2 + b1, 2);
    e.h2 = std::pow(w[2] * x1 + w[5] * x2 + b2, 2);
    e.h3 = std::pow(w[3] * x1 + w[6] * x2 + b3, 2);
    e.z4 = w[7] * e.h1 + w[8] * e.h2 + w[9] * e.h3 + b4;
    e.h4 = e.z4 * e.z4;
    e.yhat = w[10] * e.h4;
    e.loss = 0.5 * (y - e.yhat) * (y - e.yhat);
    // dL/dyhat = −(y − ŷ); dŷ/dh4 = w10; dh4/dz4 = 2·z4; dz4/dw7 = h1, dz4/dw8 = h2.
    const double dL_dz4 = -(y - e.yhat) * w[10] * 2 * e.z4;
    e.dL_dw7 = dL_dz4 * e.h1;
    e.dL_dw8 = dL_dz4 * e.h2;
    return e;
}

}  // namespace

TEST_CASE("Exercise 7: by hand at 3 decimals the output is the published 0.384", "[problem][exercise7]") {
    const Record r = run_example();
    CHECK(matches_published(r, "yhat", "0.384"));
}

TEST_CASE("Exercise 7: by hand at 3 decimals dL/dw7 is the published -0.410", "[problem][exercise7]") {
    const Record r = run_example();
    CHECK(matches_published(r, "dL/dw7", "-0.410"));
}

TEST_CASE("Exercise 7: by hand at 3 decimals dL/dw8 is the published -0.301", "[problem][exercise7]") {
    const Record r = run_example();
    CHECK(matches_published(r, "dL/dw8", "-0.301"));
}

TEST_CASE("Exercise 7: the hand run rounds h3 = 0.85² = 0.7225 up to 0.723", "[problem][exercise7]") {
    const Record r = run_example();
    REQUIRE(r.find("h3"));
    CHECK(r.find("h3")->hand == 0.723);
    CHECK(r.find("h3")->exact == Approx(0.7225).epsilon(1e-12));
}

TEST_CASE("Exercise 7: in exact mode the values match an independent computation", "[problem][exercise7]") {
    RunOptions exact;
    exact.arithmetic = Arithmetic::exact();
    const Record r = run_example(exact);
    const Exact e = compute_exactly();
    CHECK(r.find("h1")->hand == Approx(e.h1).epsilon(1e-12));
    CHECK(r.find("h4")->hand == Approx(e.h4).epsilon(1e-12));
    CHECK(r.find("yhat")->hand == Approx(e.yhat).epsilon(1e-12));
    CHECK(r.find("L")->hand == Approx(e.loss).epsilon(1e-12));
    CHECK(r.find("dL/dw7")->hand == Approx(e.dL_dw7).epsilon(1e-12));
    CHECK(r.find("dL/dw8")->hand == Approx(e.dL_dw8).epsilon(1e-12));
}

TEST_CASE("Exercise 7: the hand run keeps the exact values beside", "[problem][exercise7]") {
    const Record r = run_example();
    const Exact e = compute_exactly();
    CHECK(r.find("yhat")->exact == Approx(e.yhat).epsilon(1e-12));
    CHECK(r.find("dL/dw7")->exact == Approx(e.dL_dw7).epsilon(1e-12));
}

TEST_CASE("Exercise 7: the record carries the file's id, title and arithmetic", "[problem][exercise7]") {
    const Record r = run_example();
    CHECK(r.id == "exercise-7");
    CHECK(r.digits == 3);
    CHECK(r.arithmetic.decimals == 3);
    CHECK(r.arithmetic.rounding == nntrace::Rounding::half_up);
    CHECK(r.strings.at(r.title.id).at("en") == "Exercise 7: an MLP with a square activation");
    CHECK(r.parameters.at("w10").hand == 1.2);
}

TEST_CASE("Exercise 7: exact mode shows 6 digits", "[problem][exercise7]") {
    RunOptions exact;
    exact.arithmetic = Arithmetic::exact();
    CHECK(run_example(exact).digits == 6);
}
