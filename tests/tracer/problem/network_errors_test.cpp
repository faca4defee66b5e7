// Every mistake in a [network] table is reported at FILE:LINE:COLUMN of what is wrong, in words
// that say what to write instead. Each bad file is in data/network-*.toml.
#include <catch2/catch.hpp>

#include "support.hpp"

using nntrace::InputError;
using Catch::Matchers::Contains;
using Catch::Matchers::Equals;
namespace test = nntrace::test;

namespace {

InputError read_error(const std::string& data_file) {
    try {
        nntrace::read_problem(test::data_file(data_file));
    } catch (const InputError& e) {
        return e;
    }
    throw std::logic_error("expected an InputError from " + data_file);
}

void check_at(const InputError& e, int line, int column) {
    INFO(e.what());
    CHECK(e.line() == line);
    CHECK(e.column() == column);
}

}  // namespace

TEST_CASE("Network errors: too few weights for a layer, counted for the user", "[problem][network][errors]") {
    const InputError e = read_error("network-weights-count.toml");
    check_at(e, 20, 11);
    CHECK_THAT(e.message(), Equals("layer 2 has 2 neurons and 3 inputs, so it needs 6 weights; 5 given"));
    CHECK_THAT(e.what(), Contains("network-weights-count.toml:20:11: "));
}

TEST_CASE("Network errors: an unknown activation, with the closest known one", "[problem][network][errors]") {
    const InputError e = read_error("network-unknown-activation.toml");
    check_at(e, 15, 14);
    CHECK_THAT(e.message(), Contains("unknown activation 'sigmod'") && Contains("did you mean 'sigmoid'"));
}

TEST_CASE("Network errors: a list of biases of the wrong length", "[problem][network][errors]") {
    const InputError e = read_error("network-biases-length.toml");
    check_at(e, 16, 10);
    CHECK_THAT(e.message(), Contains("layer 1 has 3 neurons, so it needs 3 biases (one per neuron); 2 given"));
}

TEST_CASE("Network errors: an input the file does not define", "[problem][network][errors]") {
    const InputError e = read_error("network-unknown-input.toml");
    check_at(e, 10, 17);
    CHECK_THAT(e.message(), Contains("names 'x4', which is not defined in [inputs]"));
}

TEST_CASE("Network errors: fewer targets than outputs", "[problem][network][errors]") {
    const InputError e = read_error("network-targets-count.toml");
    check_at(e, 11, 11);
    CHECK_THAT(e.message(), Equals("the network has 2 outputs, so targets needs 2 names; 1 given"));
}

TEST_CASE("Network errors: a loss that is not one of the known ones", "[problem][network][errors]") {
    const InputError e = read_error("network-unknown-loss.toml");
    check_at(e, 12, 8);
    CHECK_THAT(e.message(), Contains("unknown loss \"mse\"") && Contains("\"mse-half\"") && Contains("\"mse-mean\""));
}

TEST_CASE("Network errors: a numbering that is neither by source nor by destination", "[problem][network][errors]") {
    const InputError e = read_error("network-unknown-numbering.toml");
    check_at(e, 12, 13);
    CHECK_THAT(e.message(), Contains("\"by-destination\"") && Contains("\"by-source\"") && Contains("not \"by-row\""));
}

TEST_CASE("Network errors: a shared bias and separate biases in one layer", "[problem][network][errors]") {
    const InputError e = read_error("network-bias-and-biases.toml");
    check_at(e, 17, 10);
    CHECK_THAT(e.message(), Contains("not both"));
}

TEST_CASE("Network errors: a layer without an activation, at its header", "[problem][network][errors]") {
    const InputError e = read_error("network-no-activation.toml");
    check_at(e, 17, 1);
    CHECK_THAT(e.message(), Contains("layer 2 needs an activation"));
}

TEST_CASE("Network errors: a layer of no neurons", "[problem][network][errors]") {
    const InputError e = read_error("network-bad-size.toml");
    check_at(e, 14, 8);
    CHECK_THAT(e.message(), Contains("size must be a whole number of neurons"));
}

TEST_CASE("Network errors: a misspelt key in a layer", "[problem][network][errors]") {
    const InputError e = read_error("network-unknown-key.toml");
    check_at(e, 15, 1);
    CHECK_THAT(e.message(), Contains("unknown key 'weight' in [[network.layer]]") && Contains("did you mean 'weights'"));
}

TEST_CASE("Network errors: more neuron names than neurons", "[problem][network][errors]") {
    const InputError e = read_error("network-names-length.toml");
    check_at(e, 15, 9);
    CHECK_THAT(e.message(), Equals("layer 1 has 2 neurons, so names needs 2 names; 3 given"));
}

TEST_CASE("Network errors: a network without inputs, at its header", "[problem][network][errors]") {
    const InputError e = read_error("network-no-inputs.toml");
    check_at(e, 9, 2);
    CHECK_THAT(e.message(), Contains("[network] needs inputs"));
}

TEST_CASE("Network errors: a weight name pattern without {n}", "[problem][network][errors]") {
    const InputError e = read_error("network-weight-pattern.toml");
    check_at(e, 12, 16);
    CHECK_THAT(e.message(), Contains("weight_names \"w\" must contain {n}"));
}

TEST_CASE("Network errors: a generated name already defined in [nodes]", "[problem][network][errors]") {
    const InputError e = read_error("network-name-clash.toml");
    check_at(e, 16, 1);
    CHECK_THAT(e.message(), Contains("'o1' is already defined in [nodes] at line 10"));
}

TEST_CASE("Network errors: a weight that is not a number, at that element", "[problem][network][errors]") {
    const InputError e = read_error("network-weight-not-number.toml");
    check_at(e, 15, 17);
    CHECK_THAT(e.message(), Contains("each value in weights must be a number"));
}

TEST_CASE("Network errors: a loss without targets", "[problem][network][errors]") {
    const InputError e = read_error("network-loss-without-targets.toml");
    check_at(e, 12, 8);
    CHECK_THAT(e.message(), Contains("targets"));
}

TEST_CASE("Network errors: [loss] without node still needs one when there is no [network]", "[problem][network][errors]") {
    const InputError e = test::parse_error("[params]\nw = 1\n[nodes]\nL = \"w^2\"\n[loss]\nwrt = [\"w\"]\n");
    check_at(e, 5, 2);
    CHECK_THAT(e.message(), Contains("[loss] needs node"));
}

TEST_CASE("Network errors: a sum pattern that makes invalid names", "[problem][network][errors]") {
    const InputError e = test::parse_error(
        "[inputs]\nx = 1\n[network]\ninputs = [\"x\"]\nactivation = \"relu\"\nsum_names = \"z-{name}\"\n"
        "[[network.layer]]\nsize = 1\nweights = [2]\n");
    check_at(e, 6, 13);
    CHECK_THAT(e.message(), Contains("gives 'z-o1', which is not a valid name"));
}
