#pragma once
/// @file Who aligns with one actor: every actor that takes sides, ranked by a measure.

#include <vector>

#include "entente/query/alignment.hpp"

namespace entente {

/// Every actor that takes sides (state, organization, person, group), other than `actor`,
/// whose score by `measure` with `actor` is defined: align(ties, actor, other) for each,
/// highest score first; equal scores put the one resting on more shared objects first, then
/// order by the other actor's id. Each result's `a` is `actor` and its pointers point into
/// `ties`. Scores are in [-1, 1] (definitions in docs/queries.md); O(actors x stance size).
/// `actor` must be an index of `graph` (any kind); throws nothing else.
std::vector<Alignment> alignment_ranking(const KnowledgeGraph& graph, const TieTable& ties,
                                         Index actor, AlignmentMeasure measure);

}  // namespace entente
