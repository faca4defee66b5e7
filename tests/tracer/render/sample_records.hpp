// Small records built by hand, so that renderer tests need no lesson. Every figure is computed
// here, in the test, from the example's inputs (worked-examples.md §2, §4, §9).
#pragma once

#include <string>

#include "core/record.hpp"
#include "render.hpp"

namespace nntrace::test {

inline RenderOptions options(const std::string& lang = "en") {
    RenderOptions o;
    o.lang = lang;
    o.messages_dir = NNTRACE_SOURCE_HOME "/templates/messages";
    return o;
}

inline Piece sym(const std::string& name, double v) { return {name, Num::both(v)}; }
inline Piece lit(const std::string& text) { return {text, {}}; }

// z = x·y, x = 2w + 3b, y = 2b + 1 at w = 3, b = 4 (worked example 2).
struct Linear {
    double w = 3, b = 4;
    double x = 2 * w + 3 * b;
    double y = 2 * b + 1;
    double z = x * y;
};

inline Step step_x() {
    const Linear l;
    return Step{"x", "x", {lit("2"), lit("*"), sym("w", l.w), lit(" + "), lit("3"), lit("*"), sym("b", l.b)},
                Num::both(l.x), std::nullopt};
}

// ∂z/∂x through z = x·y: upstream ∂z/∂z = 1, local ∂(x·y)/∂x = y.
inline ChainLine chain_z_x() {
    const Linear l;
    ChainLine c;
    c.key = "dz/dx/via/z";
    c.root = "z";
    c.target = "x";
    c.through = "z";
    c.upstream = Num::both(1);
    c.rule = "∂(u·v)/∂u = v";
    c.local_formula = {sym("y", l.y)};
    c.local = Num::both(l.y);
    c.contribution = Num::both(1 * l.y);
    return c;
}

// The path from z to b through y: upstream ∂z/∂y = x, local ∂(2·b + 1)/∂b = 2.
inline ChainLine chain_z_b_via_y() {
    const Linear l;
    ChainLine c;
    c.key = "dz/db/via/y";
    c.root = "z";
    c.target = "b";
    c.through = "y";
    c.upstream = Num::both(l.x);
    c.rule = "∂(u + v)/∂u = 1";
    c.local_formula = {lit("2")};
    c.local = Num::both(2);
    c.contribution = Num::both(l.x * 2);
    return c;
}

// ∂z/∂b = ∂z/∂x·∂x/∂b + ∂z/∂y·∂y/∂b = y·3 + x·2.
inline GradientSum sum_z_b() {
    const Linear l;
    return GradientSum{"dz/db", "z", "b", {"x", "y"}, {Num::both(l.y * 3), Num::both(l.x * 2)},
                       Num::both(l.y * 3 + l.x * 2)};
}

// w7 ← w7 − η·∂L/∂w7 with w7 = 0.7, η = 0.5, ∂L/∂w7 = −0.41.
inline Update update_w7() {
    return Update{"w7+", "w7", "L", Num::both(0.7), Num::both(0.5), Num::both(-0.41),
                  Num::both(0.7 - 0.5 * -0.41)};
}

inline Column column(const std::string& key, const std::string& title_id, std::optional<int> decimals) {
    return Column{key, Message{title_id, {}}, decimals};
}

// J(x) = x², x ← x − 0.3·2x from x = 1.2 (worked example 4): x and J per round.
inline Table descent_table() {
    Table t;
    t.key = "descent";
    t.title = Message{"test.descent", {}};
    t.columns = {column("round", "render.column.round", 0), column("x", "test.x", 6), column("J", "test.J", 6)};
    double x = 1.2;
    for (int round = 1; round <= 4; ++round) {
        x = x - 0.3 * 2 * x;
        t.rows.push_back({Cell{Num::both(round), {}}, Cell{Num::both(x), {}}, Cell{Num::both(x * x), {}}});
    }
    return t;
}

inline Record linear_record() {
    Record r;
    r.id = "linear";
    r.title = Message{"test.title", {}};
    r.digits = 4;
    r.parameters = {{"w", Num::both(3)}, {"b", Num::both(4)}};
    r.sections.push_back(Section{"forward", Message{"test.forward", {}}, {step_x()}});
    r.sections.push_back(Section{"backward", Message{"test.backward", {}}, {chain_z_x(), sum_z_b(), update_w7()}});
    r.sections.push_back(Section{"tables", Message{"test.tables", {}}, {descent_table()}});
    r.strings = {{"test.title", {{"en", "Linear backpropagation"}, {"zh", "线性反向传播"}}},
                 {"test.descent", {{"en", "Descent on J = x²"}}},
                 {"test.x", {{"en", "x"}}},
                 {"test.J", {{"en", "J"}}}};
    return r;
}

// 0.85 × 0.85 in a hand calculation at 3 decimals: 0.7225 is written down as 0.723.
inline Record hand_record() {
    Record r;
    r.id = "hand";
    r.title = Message{"test.title", {}};
    r.arithmetic = Arithmetic::hand(3);
    r.digits = 3;
    const double exact = 0.85 * 0.85;
    Step s{"a", "a", {sym("h", 0.85), lit("*"), sym("h", 0.85)}, Num{exact, 0.723}, std::nullopt};
    r.sections.push_back(Section{"forward", Message{"test.forward", {}}, {s}});
    return r;
}

}  // namespace nntrace::test
