#pragma once
/// @file Where two actors diverge: the objects they are tied to with opposite signs.

#include <vector>

#include "entente/query/ties.hpp"

namespace entente {

/// One object two actors are tied to with opposite signs.
struct DivergencePoint {
    Index object = no_index;  ///< The object: a Dataset::actors index, neither of the two actors.
    /// True for a third party that takes sides (state, organization, person, group): a roadblock.
    bool roadblock = false;
    double weight = 0.0;         ///< |tie_a value x tie_b value|, in (0, 1].
    const Tie* tie_a = nullptr;  ///< The first actor's tie to it (points into the TieTable).
    const Tie* tie_b = nullptr;  ///< The second actor's tie to it (points into the TieTable).
};

/// Where actors `a` and `b` (indices of `graph`, from which `ties` is built) diverge: the shared
/// objects of align(ties, a, b) on which their ties have opposite signs. Roadblocks first, then
/// by weight, heaviest first, then by the object's id (docs/queries.md, Divergence). O(s log s)
/// for s ties of the two stances; throws std::bad_alloc.
std::vector<DivergencePoint> diverge(const KnowledgeGraph& graph, const TieTable& ties, Index a,
                                     Index b);

}  // namespace entente
