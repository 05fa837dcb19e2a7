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
    std::size_t sources = 0;            ///< Sources, cited or not.
    std::size_t relations = 0;          ///< Relations in the vocabulary, built-in ones included.
    std::size_t builtin_relations = 0;  ///< Of those, the built-in ones (15 in this build).
    std::size_t actors = 0;             ///< Actors of every kind.
    std::size_t claims = 0;             ///< Claims, hypothetical ones included.
    /// Actors per kind, indexed by the kind's position in all_actor_kinds; zeros included.
    std::array<std::size_t, std::size(all_actor_kinds)> actors_by_kind{};
    /// Claims per relation, indexed like Dataset::relations (one entry each, zeros included).
    std::vector<std::size_t> claims_by_relation;
};

/// Counts the tables of `data` (whose claims' relation indices must be in range) in one pass over
/// its relations, actors and claims: O(relations + actors + claims). Throws std::bad_alloc.
DatasetCounts count_dataset(const Dataset& data);

}  // namespace entente
