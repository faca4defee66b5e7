#include "core/replay_graph.hpp"

#include <vector>

namespace nntrace {

Tape replay_graph(const Tape& shape, const Arithmetic& arithmetic, const Slips& slips,
                  const std::map<std::string, Num>& leaves, const std::vector<UserFunction>* functions) {
    Tape tape(arithmetic, slips);
    tape.reserve(shape.size());
    for (const UserFunction& f : functions ? *functions : shape.functions()) tape.add_function(f);
    for (NodeId id = 0; id < shape.size(); ++id) {
        const Node& n = shape[id];
        switch (n.op) {
            case Op::constant: tape.constant(n.param, shape.name(id)); break;
            case Op::input: tape.input(shape.name(id), leaves.at(std::string(shape.name(id)))); break;
            case Op::parameter: tape.parameter(shape.name(id), leaves.at(std::string(shape.name(id)))); break;
            case Op::call: tape.call(n.function, n.args[0]); break;
            default: tape.apply_like(n);
        }
        // The names find() looks keys up by (a leaf is named as it is made).
        if (shape.is_named(id) && n.op != Op::input && n.op != Op::parameter) tape.name(id, shape.name(id), {});
    }
    return tape;
}

}  // namespace nntrace
