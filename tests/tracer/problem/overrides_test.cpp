// --set name=value, and --exact / --decimals N, as run_problem receives them.
#include <catch2/catch.hpp>

#include <cmath>

#include "support.hpp"

using nntrace::InputError;
using nntrace::Record;
using nntrace::RunOptions;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
namespace test = nntrace::test;

namespace {

RunOptions sets(std::vector<std::pair<std::string, std::string>> s) {
    RunOptions o;
    o.sets = std::move(s);
    return o;
}

Record run_file(const std::string& name, const RunOptions& options) {
    return nntrace::run_problem(nntrace::read_problem(test::data_file(name)), options);
}

InputError set_error(const std::string& file, const std::string& name, const std::string& value) {
    try {
        run_file(file, sets({{name, value}}));
    } catch (const InputError& e) {
        return e;
    }
    throw std::logic_error("expected an InputError");
}

}  // namespace

TEST_CASE("Problem --set: a param takes the new value", "[problem][set]") {
    const Record r = run_file("minimal.toml", sets({{"w", "1.5"}}));
    CHECK(r.find("yhat")->hand == 3.0);  // 1.5 · 2
    CHECK(r.find("L")->hand == 4.0);     // (3 − 1)²
    CHECK(r.parameters.at("w").hand == 1.5);
}

TEST_CASE("Problem --set: an input takes the new value", "[problem][set]") {
    const Record r = run_file("minimal.toml", sets({{"x", "-4"}}));
    CHECK(r.find("yhat")->hand == -2.0);
}

TEST_CASE("Problem --set: the last of two sets wins", "[problem][set]") {
    const Record r = run_file("minimal.toml", sets({{"w", "1"}, {"w", "3"}}));
    CHECK(r.find("yhat")->hand == 6.0);
}

TEST_CASE("Problem --set: rate and rounds change the training", "[problem][set][train]") {
    const Record r = run_file("train-tiny.toml", sets({{"rounds", "3"}, {"rate", "0"}}));
    const nntrace::Table* losses = r.find_table("losses");
    REQUIRE(losses);
    CHECK(losses->rows.size() == 4);  // three rounds and the pass after them
    CHECK(r.find("w@4")->hand == 0.5);  // rate 0: nothing moves
}

TEST_CASE("Problem --set: an unknown name is refused, naming the option", "[problem][set]") {
    const InputError e = set_error("minimal.toml", "w9", "1");
    CHECK_THAT(e.what(), StartsWith("--set w9=1: "));
    CHECK_THAT(e.what(), Contains("no input or param named 'w9'"));
    CHECK(e.line() == 0);
}

TEST_CASE("Problem --set: a value that is not a number is refused", "[problem][set]") {
    const InputError e = set_error("minimal.toml", "w", "abc");
    CHECK(std::string(e.what()) == "--set w=abc: 'abc' is not a number");
}

TEST_CASE("Problem --set: a node cannot be set", "[problem][set]") {
    CHECK_THAT(set_error("minimal.toml", "yhat", "1").what(), StartsWith("--set yhat=1: yhat is a node"));
}

TEST_CASE("Problem --set: rate needs a [train] table", "[problem][set]") {
    CHECK_THAT(set_error("minimal.toml", "rate", "0.1").what(), Contains("no [train] table"));
}

TEST_CASE("Problem --set: rounds must be a positive whole number", "[problem][set]") {
    CHECK_THAT(set_error("train-tiny.toml", "rounds", "1.5").what(), StartsWith("--set rounds=1.5: rounds must be"));
    CHECK_THAT(set_error("train-tiny.toml", "rounds", "0").what(), StartsWith("--set rounds=0: "));
}

TEST_CASE("Problem options: --exact overrides the file's decimals", "[problem][set]") {
    RunOptions o;
    o.arithmetic = nntrace::Arithmetic::exact();
    const Record r = run_file("out-of-order.toml", o);
    CHECK(r.find("h")->hand == Approx(1.0 / (1.0 + std::exp(-1.5))).epsilon(1e-12));
    CHECK_FALSE(r.arithmetic.is_hand());
}

TEST_CASE("Problem options: --decimals N overrides the file's decimals", "[problem][set]") {
    RunOptions o;
    o.arithmetic = nntrace::Arithmetic::hand(4);
    const Record r = run_file("out-of-order.toml", o);
    CHECK(r.find("h")->hand == 0.8176);  // σ(1.5) = 0.8175744…
    CHECK(r.digits == 4);
}
