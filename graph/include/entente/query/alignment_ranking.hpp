#pragma once
/// @file Who aligns with one actor: every actor that takes sides, ranked by a measure.

#include <vector>

#include "entente/query/alignment.hpp"

namespace entente {

/// Every actor that takes sides (state, organization, person, group), other than `actor`,
/// whose score by `measure` with `actor` is defined: align(ties, actor, other) for each,
/// highest score first; equal scores put the one resting on more shared objects first, then
/// order by the other actor's id. Each result's `a` is `actor` and its pointers point into
/// `ties`, built from `graph`. Scores are in [-1, 1] (definitions and sources in
/// docs/queries.md); S and kappa are computed for every result. O(actors x s log s) for stances of
/// s ties. `actor` must be an index of `graph` (any kind). Throws std::bad_alloc.
std::vector<Alignment> alignment_ranking(const KnowledgeGraph& graph, const TieTable& ties,
                                         Index actor, AlignmentMeasure measure);

}  // namespace entente
