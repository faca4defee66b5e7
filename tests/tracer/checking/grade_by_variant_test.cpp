// Grading by variant: every row is judged against its own student's variant, drawn here from
// examples/exercise-7-random.toml; every expected value comes from a run of that variant.
#include <algorithm>
#include <thread>

#include <catch2/catch.hpp>

#include "checking/grade_by_variant.hpp"
#include "problem/random_variants.hpp"
#include "render/messages.hpp"
#include "render/number_format.hpp"

using namespace nntrace;

namespace {

const std::vector<std::string> variant_ids = {"s1", "s2", "s3", "s4"};
constexpr std::uint64_t variant_seed = 7;

std::vector<ClassVariant> drawn_class() {
    const Problem randomised = read_problem(std::string(NNTRACE_SOURCE_HOME) + "/examples/exercise-7-random.toml");
    std::vector<ClassVariant> out;
    for (const auto& id : variant_ids) out.push_back({id, draw_variant(randomised, variant_seed, id).problem});
    return out;
}

// The key of `id`'s variant for `answer`, as a student writes it, from a run of the variant.
std::string own_key(const std::vector<ClassVariant>& c, const std::string& id, const std::string& answer, double sign = 1) {
    const auto& v = *std::find_if(c.begin(), c.end(), [&](const ClassVariant& x) { return x.id == id; });
    Problem p = v.problem;
    p.answers = {{answer, "", {}, {}}};
    return format_number(sign * run_problem(p, {}).find(answer)->hand, *p.decimals);
}

// A sheet `id,name,yhat,dL/dw7,dL/dw8` with one row per {id, answers}.
GradeSheet variant_sheet(const std::vector<std::pair<std::string, std::vector<std::string>>>& rows) {
    std::string text = "id,name,yhat,dL/dw7,dL/dw8\n";
    for (const auto& [id, given] : rows) text += id + ",Name of " + id + "," + given[0] + "," + given[1] + "," + given[2] + "\n";
    return read_grade_sheet(text, "sheet.csv");
}

std::vector<std::string> own_answers(const std::vector<ClassVariant>& c, const std::string& id) {
    return {own_key(c, id, "yhat"), own_key(c, id, "dL/dw7"), own_key(c, id, "dL/dw8")};
}

bool has_cause(const Judgement& j, const std::string& id) {
    return std::any_of(j.causes.begin(), j.causes.end(), [&](const Cause& c) { return c.id == id; });
}

}  // namespace

TEST_CASE("Grading by variant: each student's own key is correct", "[grade][variants]") {
    const auto c = drawn_class();
    REQUIRE(own_key(c, "s1", "yhat") != own_key(c, "s2", "yhat"));
    const GradeSheet sheet = variant_sheet({{"s1", own_answers(c, "s1")}, {"s2", own_answers(c, "s2")}});
    const VariantGrading g = grade_by_variant(c, sheet, MistakeContext{3});
    REQUIRE(g.results.size() == 2);
    for (const auto& r : g.results)
        for (const auto& j : r.judgements) CHECK(j.verdict == Verdict::correct);
}

TEST_CASE("Grading by variant: another student's numbers are wrong with that reason", "[grade][variants]") {
    const auto c = drawn_class();
    const GradeSheet sheet = variant_sheet({{"s1", own_answers(c, "s2")}});
    const VariantGrading g = grade_by_variant(c, sheet, MistakeContext{3});
    REQUIRE(g.results.size() == 1);
    for (const auto& j : g.results[0].judgements) {
        if (j.verdict == Verdict::correct) continue;  // the two keys may share a value
        CHECK(j.verdict == Verdict::wrong);
        CHECK(j.causes.front().id == "other_variant s2");
        REQUIRE(j.reason);
        CHECK(j.reason->id == "check.cause.other_variant");
    }
    CHECK(std::any_of(g.results[0].judgements.begin(), g.results[0].judgements.end(),
                      [](const Judgement& j) { return j.verdict == Verdict::wrong; }));
}

TEST_CASE("Grading by variant: a sign flipped on one's own variant is diagnosed", "[grade][variants]") {
    const auto c = drawn_class();
    std::vector<std::string> given = own_answers(c, "s3");
    given[1] = own_key(c, "s3", "dL/dw7", -1);
    const VariantGrading g = grade_by_variant(c, variant_sheet({{"s3", given}}), MistakeContext{3});
    const Judgement& j = g.results[0].judgements[1];
    CHECK(j.verdict == Verdict::wrong);
    CHECK(has_cause(j, "sign_flipped"));
    CHECK_FALSE(has_cause(j, "other_variant s1"));
}

TEST_CASE("Grading by variant: the summary counts one mistake across variants", "[grade][variants]") {
    const auto c = drawn_class();
    std::vector<std::string> first = own_answers(c, "s1"), second = own_answers(c, "s2");
    first[1] = own_key(c, "s1", "dL/dw7", -1);
    second[1] = own_key(c, "s2", "dL/dw7", -1);
    const GradeSheet sheet = variant_sheet({{"s1", first}, {"s2", second}});
    const VariantGrading g = grade_by_variant(c, sheet, MistakeContext{3});
    const Record r = grade_record(g.run, sheet, g.results);
    const Table* mistakes = nullptr;
    for (const auto& s : r.sections)
        for (const auto& item : s.items)
            if (const auto* t = std::get_if<Table>(&item); t && t->key == "mistakes") mistakes = t;
    REQUIRE(mistakes);
    bool counted = false;
    for (const auto& row : mistakes->rows)
        if (row[1].words && row[1].words->id == "check.mistake.sign_flipped") counted = row[2].number->hand == 2;
    CHECK(counted);
}

TEST_CASE("Grading by variant: a row whose id has no variant is skipped with its line", "[grade][variants]") {
    const auto c = drawn_class();
    const GradeSheet sheet = variant_sheet({{"s1", own_answers(c, "s1")}, {"nobody", own_answers(c, "s1")}});
    const VariantGrading g = grade_by_variant(c, sheet, MistakeContext{3});
    CHECK(g.results.size() == 1);
    REQUIRE(g.unmatched.size() == 1);
    CHECK(g.unmatched[0].line == 3);
    CHECK(g.unmatched[0].what.find("'nobody'") != std::string::npos);
}

TEST_CASE("Grading by variant: the other-variant reason is written in Chinese too", "[grade][variants]") {
    const auto catalog = MessageCatalog::load(std::filesystem::path(NNTRACE_SOURCE_HOME) / "templates" / "messages");
    const Message m{"check.cause.other_variant", {text_arg("s2")}};
    const std::string zh = catalog.resolve(m, "zh", NumberStyle{}), en = catalog.resolve(m, "en", NumberStyle{});
    CHECK(zh != en);
    CHECK(zh.find("s2") != std::string::npos);
    CHECK(en.find("matches another student's variant") != std::string::npos);
}

TEST_CASE("Grading by variant: variants judged in another order or on threads give the same results", "[grade][variants]") {
    const auto c = drawn_class();
    std::vector<std::string> copied = own_answers(c, "s1"), flipped = own_answers(c, "s3");
    flipped[2] = own_key(c, "s3", "dL/dw8", -1);
    const GradeSheet sheet = variant_sheet({{"s1", own_answers(c, "s1")}, {"s2", copied}, {"s3", flipped},
                                            {"s4", own_answers(c, "s4")}, {"s1", flipped}});
    const VariantGrading in_order = grade_by_variant(c, sheet, MistakeContext{3});
    const ForEach backwards = [](std::size_t count, const std::function<void(std::size_t)>& body) {
        for (std::size_t k = count; k-- > 0;) body(k);
    };
    const ForEach threads = [](std::size_t count, const std::function<void(std::size_t)>& body) {
        std::vector<std::thread> workers;
        for (std::size_t k = 0; k < count; ++k) workers.emplace_back(body, k);
        for (auto& w : workers) w.join();
    };
    for (const ForEach& order : {backwards, threads}) {
        const VariantGrading other = grade_by_variant(c, sheet, MistakeContext{3}, {}, order);
        REQUIRE(other.results.size() == in_order.results.size());
        for (std::size_t r = 0; r < other.results.size(); ++r)
            for (std::size_t a = 0; a < sheet.answers.size(); ++a) {
                const Judgement &x = other.results[r].judgements[a], &y = in_order.results[r].judgements[a];
                CHECK(x.verdict == y.verdict);
                CHECK(x.causes.size() == y.causes.size());
                if (!x.causes.empty() && !y.causes.empty()) CHECK(x.causes.front().id == y.causes.front().id);
            }
    }
}

// A variant whose [answers] are the sheet's, in its order, is lent to its Judge as it is; any
// other is copied to ask the sheet's answers. Both judge alike.
TEST_CASE("Grading by variant: a variant without the sheet's answers is judged as one that asks them", "[grade][variants]") {
    const auto asking = drawn_class();
    auto silent = asking;
    for (auto& v : silent) v.problem.answers.clear();
    auto reordered = asking;
    for (auto& v : reordered) std::reverse(v.problem.answers.begin(), v.problem.answers.end());
    REQUIRE(asking.front().problem.answers.size() == 3);
    std::vector<std::string> flipped = own_answers(asking, "s2"), other = own_answers(asking, "s1");
    flipped[1] = flipped[1][0] == '-' ? flipped[1].substr(1) : "-" + flipped[1];
    other[0] = "9.999";
    const GradeSheet sheet = variant_sheet({{"s1", other}, {"s2", flipped}, {"s3", own_answers(asking, "s3")}});
    const VariantGrading lent = grade_by_variant(asking, sheet, MistakeContext{3});
    for (const auto* copied : {&silent, &reordered}) {
        const VariantGrading g = grade_by_variant(*copied, sheet, MistakeContext{3});
        REQUIRE(g.results.size() == lent.results.size());
        for (std::size_t r = 0; r < g.results.size(); ++r)
            for (std::size_t a = 0; a < sheet.answers.size(); ++a) {
                const Judgement &x = g.results[r].judgements[a], &y = lent.results[r].judgements[a];
                CHECK(x.verdict == y.verdict);
                REQUIRE(x.causes.size() == y.causes.size());
                for (std::size_t k = 0; k < x.causes.size(); ++k) CHECK(x.causes[k].id == y.causes[k].id);
            }
    }
    CHECK(lent.results[1].judgements[1].verdict == Verdict::wrong);
    CHECK(has_cause(lent.results[1].judgements[1], "sign_flipped"));
}
