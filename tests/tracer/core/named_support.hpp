// A tape built from "name = expression" lines, and formulas read back as plain text, for the
// tests of symbolic derivatives and named chains.
#pragma once

#include <sstream>
#include <string>

#include "core/builder.hpp"
#include "core/record.hpp"

namespace test {

struct Graph {
    nntrace::Tape tape;
    nntrace::Scope scope;

    explicit Graph(nntrace::Arithmetic a = nntrace::Arithmetic::exact()) : tape(a) {}
    nntrace::NodeId param(const std::string& name, double v) { return scope.names[name] = tape.parameter(name, v); }
    nntrace::NodeId input(const std::string& name, double v) { return scope.names[name] = tape.input(name, v); }
    nntrace::NodeId node(const std::string& name, const std::string& expr) {
        return scope.names[name] = nntrace::build_named(tape, name, nntrace::parse_expression(expr), expr, scope);
    }
    void function(const std::string& name, const std::string& parameter, const std::string& body) {
        scope.functions[name] = tape.add_function(nntrace::make_user_function(name, parameter, body));
    }
    nntrace::NodeId id(const std::string& name) const { return scope.names.at(name); }
};

// The 2-2-2 sigmoid network of the lesson net-222, written out as named nodes; returns the loss.
inline nntrace::NodeId build_net222(Graph& g) {
    g.input("i1", 0.05);
    g.input("i2", 0.10);
    g.input("t1", 0.01);
    g.input("t2", 0.99);
    const double w[] = {0.15, 0.20, 0.25, 0.30, 0.40, 0.45, 0.50, 0.55};
    for (int k = 0; k < 8; ++k) g.param("w" + std::to_string(k + 1), w[k]);
    g.param("b1", 0.35);
    g.param("b2", 0.60);
    g.node("l_h1", "w1*i1 + w2*i2 + b1");
    g.node("out_h1", "sigmoid(l_h1)");
    g.node("l_h2", "w3*i1 + w4*i2 + b1");
    g.node("out_h2", "sigmoid(l_h2)");
    g.node("l_o1", "w5*out_h1 + w6*out_h2 + b2");
    g.node("out_o1", "sigmoid(l_o1)");
    g.node("l_o2", "w7*out_h1 + w8*out_h2 + b2");
    g.node("out_o2", "sigmoid(l_o2)");
    g.node("E_o1", "0.5*(t1 - out_o1)^2");
    g.node("E_o2", "0.5*(t2 - out_o2)^2");
    return g.node("E_total", "E_o1 + E_o2");
}

// The formula with its symbols, constants written as C++ prints them: "-(t1 - out_o1)", "2*z4".
inline std::string symbols(const nntrace::Formula& f) {
    std::ostringstream out;
    for (const nntrace::Piece& p : f) {
        if (!p.text.empty()) out << p.text;
        else if (p.value) out << p.value->exact;
    }
    return out.str();
}

}  // namespace test
