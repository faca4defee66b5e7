#include "node_names.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>

namespace nntrace {
namespace {

constexpr std::size_t longest_name = (std::size_t{1} << 31) - 1;

}  // namespace

const NodeNames::Entry* NodeNames::entry(NodeId id) const {
    if (entries_.empty() || entries_.back().node < id) return nullptr;
    if (entries_.back().node == id) return &entries_.back();
    const auto it = std::lower_bound(entries_.begin(), entries_.end(), id,
                                     [](const Entry& e, NodeId n) { return e.node < n; });
    return it != entries_.end() && it->node == id ? &*it : nullptr;
}

void NodeNames::set(NodeId id, std::string_view text, bool named) {
    // A node's own text given back (a label made a name) is copied first: the arena may move.
    if (!text.empty() && text.data() >= arena_.data() && text.data() < arena_.data() + arena_.size())
        return set(id, std::string(text), named);
    if (text.size() > longest_name || arena_.size() + text.size() > std::numeric_limits<std::uint32_t>::max())
        throw std::length_error("NodeNames: the names of the graph exceed 4 GB");
    auto it = entries_.end();
    if (!entries_.empty() && entries_.back().node >= id)
        it = std::lower_bound(entries_.begin(), entries_.end(), id, [](const Entry& e, NodeId n) { return e.node < n; });
    if (it != entries_.end() && it->node == id) {
        // A label replaced by the user's name: the text written last (the usual case, the node
        // just built) is overwritten in place; an older one is left unused in the arena.
        if (std::size_t{it->offset} + it->size == arena_.size()) arena_.resize(it->offset);
    } else {
        it = entries_.insert(it, Entry{id, 0, 0, 0});
    }
    it->offset = static_cast<std::uint32_t>(arena_.size());
    it->size = static_cast<std::uint32_t>(text.size());
    it->named = named ? 1U : 0U;
    arena_.append(text);
}

std::optional<NodeId> NodeNames::find_named(std::string_view name) const {
    for (auto it = entries_.rbegin(); it != entries_.rend(); ++it)
        if (it->named && std::string_view(arena_).substr(it->offset, it->size) == name) return it->node;
    return std::nullopt;
}

}  // namespace nntrace
