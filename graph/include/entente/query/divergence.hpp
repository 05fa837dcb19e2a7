#pragma once
/// @file Where two actors diverge: the objects they are tied to with opposite signs.

#include <vector>

#include "entente/query/ties.hpp"

namespace entente {

/// One object two actors are tied to with opposite signs.
struct DivergencePoint {
    Index object = no_index;  ///< The object.
    bool roadblock =
        false;            ///< True for a third party that takes sides (state, organization, ...).
    double weight = 0.0;  ///< |tie_a| x |tie_b|.
    const Tie* tie_a = nullptr;  ///< The first actor's tie to it.
    const Tie* tie_b = nullptr;  ///< The second actor's tie to it.
};

/// Where two actors diverge: roadblocks first, then by weight, heaviest first.
std::vector<DivergencePoint> diverge(const KnowledgeGraph& graph, const TieTable& ties, Index a,
                                     Index b);

}  // namespace entente
