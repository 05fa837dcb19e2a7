#pragma once
// Internal: open addressing from string ids to record indices. Four bytes a slot, where a
// node-based map costs about seventy bytes a record; the keys stay in the records themselves.

#include <cstdint>
#include <string_view>
#include <vector>

#include "entente/model/model.hpp"

namespace entente::detail {

/// FNV-1a, finished with a multiply so that ids differing only in the last digit spread out.
inline std::size_t hash_id(std::string_view key) {
    std::uint64_t h = 1469598103934665603ULL;
    for (char c : key) {
        h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    }
    return static_cast<std::size_t>((h ^ (h >> 29)) * 0xbf58476d1ce4e5b9ULL >> 16);
}

/// How many slots make_id_slots gives for `count` records: a power of two, at least 16 and at
/// least twice `count`.
inline std::size_t id_slot_count(std::size_t count) {
    std::size_t size = 16;
    while (size < 2 * count) {
        size *= 2;
    }
    return size;
}

/// Empty slots for `count` records at a load factor of at most one half.
inline std::vector<Index> make_id_slots(std::size_t count) {
    return std::vector<Index>(id_slot_count(count), no_index);
}

/// Adds record `index` (its id is `key_of(index)`, of hash `hash`: hash_id of it); returns the
/// record already there with the same id, which stays, or no_index.
template <class KeyOf>
Index insert_id(std::vector<Index>& slots, Index index, std::size_t hash, KeyOf key_of) {
    const std::string_view key = key_of(index);
    const std::size_t mask = slots.size() - 1;
    for (std::size_t s = hash & mask;; s = (s + 1) & mask) {
        if (slots[s] == no_index) {
            slots[s] = index;
            return no_index;
        }
        if (key_of(slots[s]) == key) {
            return slots[s];
        }
    }
}

/// Adds record `index` (its id is `key_of(index)`); returns the record already there with the
/// same id, which stays, or no_index.
template <class KeyOf>
Index insert_id(std::vector<Index>& slots, Index index, KeyOf key_of) {
    return insert_id(slots, index, hash_id(key_of(index)), key_of);
}

/// The record whose id is `key`, or no_index.
template <class KeyOf>
Index find_id(const std::vector<Index>& slots, std::string_view key, KeyOf key_of) {
    if (slots.empty()) {
        return no_index;
    }
    const std::size_t mask = slots.size() - 1;
    for (std::size_t s = hash_id(key) & mask;; s = (s + 1) & mask) {
        if (slots[s] == no_index || key_of(slots[s]) == key) {
            return slots[s];
        }
    }
}

}  // namespace entente::detail
