// Per-student variants of a problem with [random]: the same numbers for the same seed and id on
// every run and machine, a draw near a rounding boundary or excluded drawn again, and a variant's
// own file that runs to its key.
#include <catch2/catch.hpp>

#include <set>

#include "core/errors.hpp"
#include "problem/random_variants.hpp"
#include "support.hpp"

using Catch::Matchers::Contains;

namespace {

const std::string neuron = R"toml(decimals = 3
[inputs]
x = 1.5
[params]
w = 0.4
b = 0.1
[nodes]
z = "w*x + b"
yhat = "sigmoid(z)"
[random]
w = { min = -1.0, max = 1.0, decimals = 2 }
b = { choices = [0.1, 0.2, -0.3] }
)toml";

nntrace::Problem parse_random(const std::string& toml) { return nntrace::parse_problem(toml, "random.toml"); }

}  // namespace

TEST_CASE("Random variants: the same seed and id give the same variant", "[variants]") {
    const auto problem = parse_random(neuron);
    const auto first = nntrace::draw_variant(problem, 7, "ann");
    const auto again = nntrace::draw_variant(parse_random(neuron), 7, "ann");
    CHECK(first.drawn == again.drawn);
    CHECK(first.toml == again.toml);
}

TEST_CASE("Random variants: different ids draw different numbers", "[variants]") {
    const auto problem = parse_random(neuron);
    std::set<std::map<std::string, double>> seen;
    for (const char* id : {"ann", "bob", "chen", "dana", "eli"}) seen.insert(nntrace::draw_variant(problem, 7, id).drawn);
    // 201 × 3 possible draws: five students could share one only by a fault of the stream.
    CHECK(seen.size() == 5);
}

TEST_CASE("Random variants: another seed draws other numbers", "[variants]") {
    const auto problem = parse_random(neuron);
    CHECK(nntrace::draw_variant(problem, 7, "ann").drawn != nntrace::draw_variant(problem, 8, "ann").drawn);
}

TEST_CASE("Random variants: the hash is FNV-1a over text seed and id", "[variants]") {
    // Worked out independently (Python, bytes as docs/problem-format.md lists them): a machine
    // of another byte order must give the same number.
    CHECK(nntrace::variant_hash("a=1\n", 42, "李") == 0x69e0dd733d275b97ULL);
}

TEST_CASE("Random variants: a Windows line end hashes as a Unix one", "[variants]") {
    CHECK(nntrace::variant_hash("a=1\r\n", 42, "李") == nntrace::variant_hash("a=1\n", 42, "李"));
}

TEST_CASE("Random variants: the stream is SplitMix64", "[variants]") {
    // The published first outputs of SplitMix64 started at 0.
    nntrace::VariantStream stream(0);
    CHECK(stream.next() == 0xe220a8397b1dcdafULL);
    CHECK(stream.next() == 0x6e789e6aa1b965f4ULL);
}

TEST_CASE("Random variants: a range with decimals allows every value between its ends", "[variants]") {
    const auto problem = parse_random(neuron);
    const nntrace::RandomValue& w = problem.random->values.at(0);
    REQUIRE(nntrace::value_count(w) == 201);
    CHECK(nntrace::value_at(w, 0) == -1.0);
    CHECK(nntrace::value_at(w, 137) == 0.37);
    CHECK(nntrace::value_at(w, 200) == 1.0);
}

TEST_CASE("Random variants: a range with a step lands on clean decimals", "[variants]") {
    const auto problem = parse_random("[params]\nw = 0\n[nodes]\ny = \"w\"\n[random]\nw = { min = 0.1, max = 0.9, step = 0.2 }\n");
    const nntrace::RandomValue& w = problem.random->values.at(0);
    REQUIRE(nntrace::value_count(w) == 5);
    CHECK(nntrace::value_at(w, 1) == 0.3);  // 0.1 + 0.2 is 0.30000000000000004 in binary
    CHECK(nntrace::value_at(w, 4) == 0.9);
}

TEST_CASE("Random variants: a draw whose hand calculation rounds a 5 is drawn again", "[variants]") {
    // 0.85 × 0.85 = 0.7225: half-up gives 0.723, a half-to-even calculator 0.722.
    const auto problem = parse_random("decimals = 3\n[params]\nw = 0.8\n[nodes]\ny = \"w*w\"\n[random]\nw = { choices = [0.85, 0.8] }\n");
    for (const char* id : {"ann", "bob", "chen", "dana", "eli", "fay"}) CHECK(nntrace::draw_variant(problem, 1, id).drawn.at("w") == 0.8);
}

TEST_CASE("Random variants: a problem whose only draw is on a rounding boundary is refused", "[variants]") {
    const auto problem = parse_random("decimals = 3\n[params]\nw = 0.8\n[nodes]\ny = \"w*w\"\n[random]\nw = { choices = [0.85] }\n");
    try {
        nntrace::draw_variant(problem, 1, "ann");
        FAIL("expected an InputError");
    } catch (const nntrace::InputError& e) {
        CHECK(e.line() == 6);  // the [random] header
        CHECK_THAT(e.what(), Contains("no variant for student 'ann'") && Contains("0.7225") && Contains("rounding boundary"));
    }
}

TEST_CASE("Random variants: an exclude condition that holds rejects the draw", "[variants]") {
    const auto problem = parse_random(
        "[params]\nw = 1\n[nodes]\ny = \"2*w\"\n[random]\nw = { choices = [-1, 1] }\nexclude = [\"y < 0\"]\n");
    for (const char* id : {"ann", "bob", "chen", "dana", "eli", "fay"}) CHECK(nntrace::draw_variant(problem, 3, id).drawn.at("w") == 1);
}

TEST_CASE("Random variants: the variant's own file runs to its key", "[variants]") {
    const auto problem = nntrace::read_problem(nntrace::test::example_file("exercise-7-random.toml"));
    const auto v = nntrace::draw_variant(problem, 2026, "s01");
    const nntrace::Record record = nntrace::run_problem(nntrace::parse_problem(v.toml, "s01.toml"), {});
    REQUIRE(v.answers.size() == 3);
    for (const auto& [name, value] : v.answers) {
        INFO(name);
        CHECK(record.find(name)->hand == value.hand);
    }
}

TEST_CASE("Random variants: the variant's own file holds no [random] and the drawn values", "[variants]") {
    const auto problem = parse_random(neuron);
    const auto v = nntrace::draw_variant(problem, 7, "ann");
    CHECK_FALSE(v.problem.random.has_value());
    CHECK(v.problem.params.at(0).value == v.drawn.at("w"));
    CHECK(v.problem.params.at(1).value == v.drawn.at("b"));
    CHECK(v.problem.answers.at(0).name == "yhat");
}

TEST_CASE("Random variants: the key without [answers] is the last node", "[variants]") {
    CHECK(nntrace::variant_answer_names(parse_random(neuron)) == std::vector<std::string>{"yhat"});
}

TEST_CASE("Random variants: a file without [random] has none", "[variants]") {
    CHECK_FALSE(nntrace::read_problem(nntrace::test::example_file("exercise-7.toml")).random.has_value());
}

TEST_CASE("Rounding boundary: half-up sees a 5 just past the last digit", "[variants]") {
    CHECK(nntrace::near_rounding_boundary(0.85 * 0.85, 3, nntrace::Rounding::half_up, 1e-9));
    CHECK(nntrace::near_rounding_boundary(-0.0625, 3, nntrace::Rounding::half_up, 1e-9));
    CHECK_FALSE(nntrace::near_rounding_boundary(0.7226, 3, nntrace::Rounding::half_up, 1e-9));
}

TEST_CASE("Rounding boundary: truncate sees a value just below a whole last digit", "[variants]") {
    CHECK(nntrace::near_rounding_boundary(0.7229999999999, 3, nntrace::Rounding::truncate, 1e-9));
    CHECK_FALSE(nntrace::near_rounding_boundary(0.723, 3, nntrace::Rounding::truncate, 1e-9));
}

TEST_CASE("Random variants: an exclude condition may name a derivative of the loss", "[variants]") {
    // dL/dw = 2w: the draw w = 0 gives a derivative too small to grade.
    const auto problem = parse_random("[params]\nw = 1\n[nodes]\nL = \"w^2\"\n[loss]\nnode = \"L\"\n"
                                      "[random]\nw = { choices = [0, 2] }\nexclude = [\"abs(dL/dw) < 0.1\"]\n");
    for (const char* id : {"ann", "bob", "chen", "dana", "eli", "fay"}) CHECK(nntrace::draw_variant(problem, 4, id).drawn.at("w") == 2);
}

TEST_CASE("Random variants: a [network] weight can be drawn", "[variants]") {
    const auto problem = parse_random(
        "[inputs]\nx1 = 1\nt1 = 0.5\n[network]\ninputs = [\"x1\"]\ntargets = [\"t1\"]\nactivation = \"identity\"\n"
        "[[network.layer]]\nsize = 1\nweights = [0.3]\nbias = 0.1\n[random]\nw1 = { choices = [0.7] }\n");
    const auto v = nntrace::draw_variant(problem, 1, "ann");
    CHECK(v.problem.params.at(0).name == "w1");
    CHECK(v.problem.params.at(0).value == 0.7);
    CHECK(v.toml.find("weights = [0.7]") != std::string::npos);
}

TEST_CASE("Random variants: a file with Windows line ends gives a variant that reads back", "[variants]") {
    std::string crlf;
    for (char c : neuron) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    const auto v = nntrace::draw_variant(parse_random(crlf), 7, "ann");
    CHECK(v.drawn == nntrace::draw_variant(parse_random(neuron), 7, "ann").drawn);
    CHECK(v.problem.params.at(0).value == v.drawn.at("w"));
}
