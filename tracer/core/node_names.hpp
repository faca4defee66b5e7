// The names of a tape's nodes, kept apart from the nodes' numbers. Only the nodes that have a
// name or a label store anything (a big graph built by hand has a few named leaves and a million
// anonymous operations); their text lives in one arena, so that a name costs its characters and
// an entry of 12 bytes, not a std::string and its heap block.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nntrace {

using NodeId = std::uint32_t;

class NodeNames {
public:
    // Gives node `id` this text; `named` when the user named it (a label is not a name).
    void set(NodeId id, std::string_view text, bool named);

    std::string_view text(NodeId id) const {
        const Entry* e = entry(id);
        return e ? std::string_view(arena_).substr(e->offset, e->size) : std::string_view();
    }
    bool is_named(NodeId id) const {
        const Entry* e = entry(id);
        return e && e->named;
    }
    // The last node the user named `name`.
    std::optional<NodeId> find_named(std::string_view name) const;

private:
    struct Entry {
        NodeId node;
        std::uint32_t offset;
        std::uint32_t size : 31;
        std::uint32_t named : 1;
    };
    // Entries are ordered by node: nodes are named as they are built, so `set` almost always
    // appends, and a lookup is a binary search (or the last entry, for the node just built).
    const Entry* entry(NodeId id) const;

    std::vector<Entry> entries_;
    std::string arena_;
};

}  // namespace nntrace
