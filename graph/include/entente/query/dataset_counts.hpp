#pragma once
/// @file What a dataset holds, counted: sources, relations, actors by kind, claims by relation.

#include <array>
#include <cstddef>
#include <iterator>
#include <vector>

#include "entente/model/model.hpp"

namespace entente {

/// The sizes of a dataset's tables and their breakdowns.
struct DatasetCounts {
    std::size_t sources = 0;            ///< Sources.
    std::size_t relations = 0;          ///< Relations in the vocabulary, built-in ones included.
    std::size_t builtin_relations = 0;  ///< Of those, the built-in ones.
    std::size_t actors = 0;             ///< Actors of every kind.
    std::size_t claims = 0;             ///< Claims.
    /// Actors per kind, indexed by the kind's position in all_actor_kinds; zeros included.
    std::array<std::size_t, std::size(all_actor_kinds)> actors_by_kind{};
    /// Claims per relation, indexed like Dataset::relations (one entry each, zeros included).
    std::vector<std::size_t> claims_by_relation;
};

/// Counts the tables of `data` in one pass over its actors and claims; throws nothing.
DatasetCounts count_dataset(const Dataset& data);

}  // namespace entente
