// The record the mistake finder reads (RecordFor::finder) leaves out what only a page shows: the
// drawings, the named chains, the elementary chain-rule lines. It keeps every step, update and
// table in the same order with the same numbers, and finds every other key of the page's record
// with the same value: a Judge may read either.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "problem/problem.hpp"
#include "random_problem.hpp"

using namespace nntrace;

namespace {

// The items the finder reads by position (run_quantities, step_keyed), by key.
std::vector<std::string> read_keys(const Record& r) {
    std::vector<std::string> out;
    for (const auto& s : r.sections)
        for (const auto& item : s.items)
            if (std::holds_alternative<Step>(item) || std::holds_alternative<Update>(item) || std::holds_alternative<Table>(item))
                out.push_back(std::visit([](const auto& i) { return i.key; }, item));
    return out;
}

// Every key of a value in the page's record (Record::find).
std::vector<std::string> all_keys(const Record& r) {
    std::vector<std::string> out;
    for (const auto& s : r.sections)
        for (const auto& item : s.items)
            if (std::holds_alternative<Step>(item) || std::holds_alternative<Update>(item) ||
                std::holds_alternative<ChainLine>(item) || std::holds_alternative<GradientSum>(item) ||
                std::holds_alternative<NamedChain>(item))
                out.push_back(std::visit([](const auto& i) { return i.key; }, item));
    return out;
}

// A key only the page's record holds: a chain's, an elementary line's or a sum's (training.hpp:
// "…/sum"), none of which a question about a key on the graph looks up.
bool page_only_key(const std::string& key) {
    for (const char* part : {"/chain", "/via/", "/sum"})
        if (key.find(part) != std::string::npos) return true;
    return false;
}

std::size_t page_only_items(const Record& r) {
    std::size_t n = 0;
    for (const auto& s : r.sections)
        for (const auto& item : s.items)
            if (std::holds_alternative<NamedChain>(item) || std::holds_alternative<Diagram>(item) ||
                std::holds_alternative<NetworkDiagram>(item) || std::holds_alternative<ChainLine>(item) ||
                std::holds_alternative<GradientSum>(item))
                ++n;
    return n;
}

bool same(double a, double b) { return a == b || (std::isnan(a) && std::isnan(b)); }

void check_finder_record(const Problem& p, const RunOptions& o) {
    const Record page = run_problem(p, o);
    const Record finder = run_problem(p, o, RecordFor::finder);
    CHECK(page_only_items(page) > 0);
    CHECK(page_only_items(finder) == 0);
    REQUIRE(read_keys(finder) == read_keys(page));
    std::size_t found = 0;
    for (const auto& k : all_keys(page)) {
        INFO(k);
        const auto want = page.find(k), got = finder.find(k);
        REQUIRE(want);
        if (page_only_key(k)) continue;
        REQUIRE(got);
        CHECK(same(got->hand, want->hand));
        CHECK(same(got->exact, want->exact));
        ++found;
    }
    CHECK(found > 0);
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
