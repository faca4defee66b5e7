#include "checking/shape_pool.hpp"

#include <algorithm>

namespace nntrace {
namespace {

// A cache meets the problem's own shape (one per arithmetic a Judge runs it in); more
// than this is not a class of variants, and each would keep a graph alive.
constexpr std::size_t most_shapes = 16;

using Pending = std::vector<std::pair<const Expr*, const Expr*>>;

// Compared with a stack of its own (`pending`, the caller's, so that a problem's nodes share
// one): a chain `a + b + …` is as deep as it is long.
bool same_expression(const Expr& a, const Expr& b, Pending& pending) {
    pending.assign(1, {&a, &b});
    while (!pending.empty()) {
        const auto [x, y] = pending.back();
        pending.pop_back();
        if (x->kind != y->kind || x->op != y->op || x->text != y->text || x->args.size() != y->args.size()) return false;
        // A number's value, bit for bit: the text "0.50" and "0.5" build the same constant.
        if (x->kind == Expr::Kind::number && !(x->number == y->number)) return false;
        for (std::size_t i = 0; i < x->args.size(); ++i) pending.emplace_back(&x->args[i], &y->args[i]);
    }
    return true;
}

bool same_names(const std::vector<NamedNumber>& a, const std::vector<NamedNumber>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                      [](const NamedNumber& x, const NamedNumber& y) { return x.name == y.name; });
}

}  // namespace

bool same_shape(const Problem& a, const RunOptions& a_options, const Problem& b, const RunOptions& b_options) {
    const Arithmetic x = arithmetic_for(a, a_options), y = arithmetic_for(b, b_options);
    if (x.rounding != y.rounding || (x.is_hand() && x.decimals != y.decimals)) return false;
    if (a_options.slips.sigmoid_slope_at_preactivation != b_options.slips.sigmoid_slope_at_preactivation) return false;
    if (a.train.has_value() != b.train.has_value()) return false;
    if (a.loss.has_value() != b.loss.has_value() || (a.loss && a.loss->name != b.loss->name)) return false;
    if (!same_names(a.inputs, b.inputs) || !same_names(a.params, b.params)) return false;
    const auto same_function = [](const FunctionDefinition& f, const FunctionDefinition& g) {
        return f.name == g.name && f.body.text == g.body.text;
    };
    if (!std::equal(a.functions.begin(), a.functions.end(), b.functions.begin(), b.functions.end(), same_function))
        return false;
    const auto same_derivative = [](const DerivativeRequest& d, const DerivativeRequest& e) {
        return d.of == e.of && d.wrt == e.wrt;
    };
    if (!std::equal(a.derivatives.begin(), a.derivatives.end(), b.derivatives.begin(), b.derivatives.end(), same_derivative))
        return false;
    Pending pending;
    pending.reserve(64);
    const auto same_node = [&pending](const NodeDefinition& n, const NodeDefinition& m) {
        return n.name == m.name && same_expression(n.expr, m.expr, pending);
    };
    return std::equal(a.nodes.begin(), a.nodes.end(), b.nodes.begin(), b.nodes.end(), same_node);
}

std::shared_ptr<GraphReplay> ShapeCache::shaped_like(const Problem& problem, const RunOptions& options) {
    for (const Entry& e : entries_)
        if (same_shape(e.problem, e.options, problem, options)) return e.replay;
    auto replay = std::make_shared<GraphReplay>(problem, options);  // throws before anything is kept
    if (entries_.size() == most_shapes) entries_.erase(entries_.begin());  // a holder keeps its own alive
    entries_.push_back({problem, options, replay});
    return replay;
}

std::shared_ptr<GraphReplay> ShapeCache::rebased_to(const Problem& problem, const RunOptions& options) {
    auto replay = shaped_like(problem, options);
    replay->rebase(problem, options);
    return replay;
}

ShapePool::Lease& ShapePool::Lease::operator=(Lease&& other) noexcept {
    if (this != &other) {
        give_back();
        pool_ = other.pool_;
        cache_ = std::move(other.cache_);
    }
    return *this;
}

ShapePool::Lease::~Lease() { give_back(); }

void ShapePool::Lease::give_back() {
    if (!pool_ || !cache_) return;
    const std::lock_guard<std::mutex> lock(pool_->mutex_);
    pool_->free_.push_back(std::move(cache_));
}

ShapePool::Lease ShapePool::lease() {
    {
        const std::lock_guard<std::mutex> lock(mutex_);
        if (!free_.empty()) {
            Lease lease(this, std::move(free_.back()));
            free_.pop_back();
            return lease;
        }
    }
    return Lease(this, std::make_unique<ShapeCache>());
}

}  // namespace nntrace
