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
