// The variants of a class share their graphs (shape_pool.hpp): a graph built for one variant and
// worked out with another's numbers must give what that variant's own graph gives, a problem of
// another shape must never get it, and a Judge that borrows the class's graphs must judge every
// answer as one with graphs of its own.
#include <catch2/catch.hpp>

#include "checking/follow_on.hpp"
#include "checking/shape_pool.hpp"
#include "problem/random_variants.hpp"
#include "render/formats.hpp"
#include "support.hpp"

using namespace nntrace;
using namespace nntrace::test;  // the checking tests' shared rows and comparisons

namespace {

const std::vector<std::string>& pool_keys = exercise7_graph_keys;
const std::vector<std::string> pool_answers = {"yhat", "dL/dw7", "dL/dw8"};

// Students' variants of exercise 7: the same nodes, other numbers.
std::vector<Problem> class_variants(std::size_t count) {
    const Problem randomised = read_problem(std::string(NNTRACE_SOURCE_HOME) + "/examples/exercise-7-random.toml");
    std::vector<Problem> out;
    for (std::size_t i = 0; i < count; ++i) out.push_back(draw_variant(randomised, 7, "p" + std::to_string(i)).problem);
    return out;
}

// `p` with its loss doubled: what the mistake "loss without ½" makes of it.
Problem loss_doubled(Problem p) {
    NodeDefinition& loss = p.nodes.back();
    const std::string text = "2*(" + loss.source.text + ")";
    loss.expr = parse_expression(text);
    loss.source = SourceText{text, {}};
    return p;
}

}  // namespace

TEST_CASE("Shape pool: a graph rebased to another variant gives what that variant's own graph gives", "[check][replay]") {
    const std::vector<Problem> variants = class_variants(6);
    GraphReplay shared(variants.front(), {});
    for (const Problem& p : variants) {
        INFO(p.id);
        shared.rebase(p, {});
        const auto rebased = shared.own_values(pool_keys);
        const auto own = GraphReplay(p, {}).own_values(pool_keys);
        REQUIRE(rebased);
        REQUIRE(own);
        for (const auto& k : pool_keys) {
            INFO(k);
            CHECK(same_double(rebased->at(k).hand, own->at(k).hand));
            CHECK(same_double(rebased->at(k).exact, own->at(k).exact));
        }
    }
}

TEST_CASE("Shape pool: a record run from the shared text graph is the record of a run of its own", "[check][replay]") {
    const std::vector<Problem> variants = class_variants(5);
    RenderOptions json;
    json.messages_dir = std::string(NNTRACE_SOURCE_HOME) + "/templates/messages";
    GraphReplay shared(variants.front(), {});
    for (const Problem& p : variants) {
        INFO(p.id);
        shared.rebase(p, {});
        const auto built = shared.own_graph_with_text(p);
        REQUIRE(built);
        for (RecordFor reader : {RecordFor::finder, RecordFor::page}) {
            const Record from_shared = run_problem(p, {}, reader, *built);
            const Record own = run_problem(p, {}, reader);
            CHECK(render_json(from_shared, json) == render_json(own, json));
            CHECK(from_shared.find("dL/dw8")->hand == own.find("dL/dw8")->hand);
        }
    }
}

TEST_CASE("Shape pool: other numbers keep the shape and another node or arithmetic does not", "[check][replay]") {
    const std::vector<Problem> variants = class_variants(2);
    CHECK(same_shape(variants[0], {}, variants[1], {}));
    CHECK_FALSE(same_shape(variants[0], {}, loss_doubled(variants[1]), {}));
    RunOptions exact;
    exact.arithmetic = Arithmetic::exact();
    CHECK_FALSE(same_shape(variants[0], {}, variants[1], exact));
    Problem renamed = variants[1];
    renamed.params.front().name = "v1";
    CHECK_FALSE(same_shape(variants[0], {}, renamed, {}));
}

TEST_CASE("Shape pool: a cache gives each shape its own graph and one graph to a shape", "[check][replay]") {
    const std::vector<Problem> variants = class_variants(3);
    ShapeCache cache;
    const auto first = cache.shaped_like(variants[0], {});
    CHECK(cache.shaped_like(variants[1], {}) == first);
    const auto doubled = cache.shaped_like(loss_doubled(variants[2]), {});
    CHECK(doubled != first);
    CHECK(cache.shaped_like(loss_doubled(variants[0]), {}) == doubled);
    // The doubled loss's graph gives the doubled loss's numbers, not the first graph's.
    const Problem q = loss_doubled(variants[1]);
    const auto values = doubled->values(q, {}, {"L", "dL/dw7"});
    REQUIRE(values);
    const AnswerValues run = run_for_keys(q, {}, {"L", "dL/dw7"});
    CHECK(same_double(values->at("L").hand, run.at("L").hand));
    CHECK(same_double(values->at("dL/dw7").hand, run.at("dL/dw7").hand));
}

TEST_CASE("Shape pool: a rescaled loss's graph, shared by the class, gives each variant's numbers", "[check][replay]") {
    const std::vector<Problem> variants = class_variants(5);
    GraphReplay shared(variants.front(), {});
    const std::vector<std::string> keys = {"L", "dL/dw7", "dL/dw8", "yhat"};
    std::size_t built = 0;
    for (const Problem& p : variants) {
        INFO(p.id);
        shared.rebase(p, {});
        const auto doubled = shared.variation_graph("loss 2*(…)", [&] { ++built; return loss_doubled(p); }, {});
        const auto values = doubled->values(p, {}, keys);
        REQUIRE(values);
        const AnswerValues run = run_for_keys(loss_doubled(p), {}, keys);
        for (const auto& k : keys) {
            INFO(k);
            CHECK(same_double(values->at(k).hand, run.at(k).hand));
            CHECK(same_double(values->at(k).exact, run.at(k).exact));
        }
    }
    CHECK(built == 1);
}

TEST_CASE("Shape pool: a Judge with the class's graphs judges as one with graphs of its own", "[check][replay]") {
    ShapePool pool;
    std::size_t explained = 0;
    for (const Problem& p : class_variants(8)) {
        INFO(p.id);
        const Judge shared(p, pool_answers, MistakeContext{3}, {}, true, &pool);
        const Judge own(p, pool_answers, MistakeContext{3}, {}, false);  // every value from a run of its own
        for (const auto& row : replay_rows(p, pool_answers)) {
            const auto s = shared.judge_all(row);
            same_judgements(s, own.judge_all(row));
            for (const auto& j : s) explained += j.causes.empty() ? 0 : 1;
        }
    }
    CHECK(explained > 50);
}

// Follow-on marking starts from the variant's own inputs and params, not from those of the
// variant the shared graph was built with.
TEST_CASE("Shape pool: a carried error is marked from the variant's own numbers", "[check][follow-on]") {
    ShapePool pool;
    std::size_t carried = 0;
    for (const Problem& p : class_variants(4)) {
        INFO(p.id);
        const Judge shared(p, pool_answers, MistakeContext{3}, {}, true, &pool);
        const double yhat = shared.record().find("yhat")->hand + 0.05;
        const auto follows = FollowOn(p, {}).value("dL/dw7", {{"yhat", yhat}});
        REQUIRE(follows);
        const std::vector<WrittenAnswer> row{{"yhat", format_number(yhat, 3)}, {"dL/dw7", format_number(*follows, 3)}};
        const auto judged = shared.judge_all(row);
        CHECK(judged[0].verdict == Verdict::wrong);
        CHECK(judged[1].verdict == Verdict::carried);
        carried += judged[1].verdict == Verdict::carried;
    }
    CHECK(carried == 4);
}

TEST_CASE("Shape pool: a cache is leased to one holder at a time", "[check][replay]") {
    ShapePool pool;
    auto a = pool.lease();
    auto b = pool.lease();
    REQUIRE(a);
    REQUIRE(b);
    CHECK(a.operator->() != b.operator->());
    ShapeCache* const returned = a.operator->();
    a = ShapePool::Lease();  // ends: its cache goes back to the pool
    CHECK_FALSE(a);
    auto c = pool.lease();
    CHECK(c.operator->() == returned);
}
