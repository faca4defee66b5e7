// A table from names to values for problems of up to millions of names (a [network] of 10⁶
// weights): one array of entries in insertion order and one array of slots, open addressing with
// linear probing. Unlike std::unordered_map it allocates no node per name, and a lookup that
// misses compares no string: a slot keeps 32 bits of the name's hash beside the entry's index.
#pragma once

#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace nntrace {

// Key is std::string (the table owns its names) or std::string_view (the names live elsewhere,
// longer than the table). Entries never move while the table grows slots, but a reference to a
// value is only valid until the next insertion (the entries are a vector).
template <class Key, class Value>
class NameMap {
public:
    void reserve(std::size_t count) {
        entries_.reserve(count);
        if (count * 2 > slots_.size()) resize_slots(count * 2);
    }

    std::size_t size() const { return entries_.size(); }
    // The (name, value) pairs in the order they were put in.
    auto begin() const { return entries_.begin(); }
    auto end() const { return entries_.end(); }
    bool empty() const { return entries_.empty(); }

    const Value* find(std::string_view name) const {
        const std::uint32_t index = index_of(name, hash(name));
        return index == none ? nullptr : &entries_[index].second;
    }
    Value* find(std::string_view name) {
        const std::uint32_t index = index_of(name, hash(name));
        return index == none ? nullptr : &entries_[index].second;
    }
    bool count(std::string_view name) const { return find(name) != nullptr; }

    const Value& at(std::string_view name) const {
        if (const Value* v = find(name)) return *v;
        throw std::out_of_range("NameMap::at: no entry '" + std::string(name) + "'");
    }

    // The entry of `name`, made with `value` when there was none; and whether it was made.
    std::pair<Value*, bool> emplace(std::string_view name, Value value) {
        const std::uint64_t h = hash(name);
        if (const std::uint32_t index = index_of(name, h); index != none) return {&entries_[index].second, false};
        return {&insert(name, h, std::move(value)), true};
    }

    Value& operator[](std::string_view name) { return *emplace(name, Value{}).first; }

private:
    static constexpr std::uint32_t none = UINT32_MAX;
    // A slot: 0 when empty, else the entry's index + 1 in the low half and the hash's high bits
    // in the high half.
    using Slot = std::uint64_t;

    static std::uint64_t hash(std::string_view name) { return std::hash<std::string_view>{}(name); }
    static std::uint32_t tag(std::uint64_t h) { return static_cast<std::uint32_t>(h >> 32); }
    std::size_t mask() const { return slots_.size() - 1; }

    std::uint32_t index_of(std::string_view name, std::uint64_t h) const {
        if (slots_.empty()) return none;
        for (std::size_t s = h & mask();; s = (s + 1) & mask()) {
            const Slot slot = slots_[s];
            if (slot == 0) return none;
            if (static_cast<std::uint32_t>(slot >> 32) != tag(h)) continue;
            const std::uint32_t index = static_cast<std::uint32_t>(slot) - 1;
            if (std::string_view(entries_[index].first) == name) return index;
        }
    }

    Value& insert(std::string_view name, std::uint64_t h, Value value) {
        if ((entries_.size() + 1) * 2 > slots_.size()) resize_slots((entries_.size() + 1) * 2);
        const auto index = static_cast<std::uint32_t>(entries_.size());
        entries_.emplace_back(Key(name), std::move(value));
        place(h, index);
        return entries_.back().second;
    }

    void place(std::uint64_t h, std::uint32_t index) {
        std::size_t s = h & mask();
        while (slots_[s] != 0) s = (s + 1) & mask();
        slots_[s] = (static_cast<Slot>(tag(h)) << 32) | (static_cast<Slot>(index) + 1);
    }

    // At least `wanted` slots, a power of two; every entry placed again.
    void resize_slots(std::size_t wanted) {
        std::size_t size = 16;
        while (size < wanted) size *= 2;
        slots_.assign(size, 0);
        for (std::uint32_t i = 0; i < entries_.size(); ++i) place(hash(entries_[i].first), i);
    }

    std::vector<std::pair<Key, Value>> entries_;
    std::vector<Slot> slots_;
};

}  // namespace nntrace
