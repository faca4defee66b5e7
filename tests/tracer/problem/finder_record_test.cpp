// The record the mistake finder reads (RecordFor::finder) leaves out what only a page shows,
// the drawings and the named chains, and keeps every item the finder reads, in the same order
// and with the same numbers as the page's record: a Judge may read either.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "problem/problem.hpp"
#include "random_problem.hpp"

using namespace nntrace;

namespace {

// The items the finder reads (record.hpp: Record::find, run_quantities, step_keyed), by key.
std::vector<std::string> read_keys(const Record& r) {
    std::vector<std::string> out;
    for (const auto& s : r.sections)
        for (const auto& item : s.items)
            if (std::holds_alternative<Step>(item) || std::holds_alternative<ChainLine>(item) ||
                std::holds_alternative<GradientSum>(item) || std::holds_alternative<Update>(item) ||
                std::holds_alternative<Table>(item))
                out.push_back(std::visit([](const auto& i) { return i.key; }, item));
    return out;
}

std::size_t page_only_items(const Record& r) {
    std::size_t n = 0;
    for (const auto& s : r.sections)
        for (const auto& item : s.items)
            if (std::holds_alternative<NamedChain>(item) || std::holds_alternative<Diagram>(item) ||
                std::holds_alternative<NetworkDiagram>(item))
                ++n;
    return n;
}

bool same(double a, double b) { return a == b || (std::isnan(a) && std::isnan(b)); }

void check_finder_record(const Problem& p, const RunOptions& o) {
    const Record page = run_problem(p, o);
    const Record finder = run_problem(p, o, RecordFor::finder);
    CHECK(page_only_items(page) > 0);
    CHECK(page_only_items(finder) == 0);
    const auto keys = read_keys(page);
    REQUIRE(read_keys(finder) == keys);
    for (const auto& k : keys) {
        INFO(k);
        const auto a = page.find(k), b = finder.find(k);
        REQUIRE(a.has_value() == b.has_value());
        if (a) {
            CHECK(same(a->hand, b->hand));
            CHECK(same(a->exact, b->exact));
        }
    }
}

}  // namespace

TEST_CASE("Finder record: exercise 7 by hand and exact keeps every step the finder reads", "[problem][record]") {
    const Problem p = read_problem(std::string(NNTRACE_SOURCE_HOME) + "/examples/exercise-7.toml");
    check_finder_record(p, {});
    RunOptions exact;
    exact.arithmetic = Arithmetic::exact();
    check_finder_record(p, exact);
}

TEST_CASE("Finder record: random problems keep every step the finder reads", "[problem][record]") {
    for (unsigned seed = 1; seed <= 20; ++seed) {
        INFO("seed " << seed);
        check_finder_record(parse_problem(test::RandomProblem(seed).toml(), "random.toml"), {});
    }
}
