#pragma once
/// @file Who aligns with one actor: every actor that takes sides, ranked by a measure, those whose
/// score rests on too few objects apart.

#include <cstddef>
#include <vector>

#include "entente/query/alignment.hpp"

namespace entente {

/// A ranking, well-evidenced scores first.
struct AlignmentRanking {
    AlignmentMeasure measure = AlignmentMeasure::alignment;  ///< What ranks.
    std::size_t min_shared = 3;  ///< The fewest objects a score in `ranked` rests on.
    /// Scores resting on at least `min_shared` objects (MeasureScore::objects), ranked.
    std::vector<Alignment> ranked;
    /// Scores resting on fewer (thin evidence), ranked the same way, listed apart.
    std::vector<Alignment> thin;
};

/// Every actor that takes sides (state, organization, person, group), other than `actor`,
/// whose score by `measure` with `actor` is defined: align(ties, actor, other, options) for each,
/// split by the score's object count against `min_shared`, each part highest score first; equal
/// scores put the one resting on more objects first, then order by the other actor's id. Each
/// result's `a` is `actor` and its pointers point into `ties`, built from `graph`. Every measure is
/// computed for every result (with intervals when `options.intervals`). `actor`'s stances are
/// looked up densely (DenseStance): O(actors + sum over others of (their stance size + R x n))
/// (plus `actor`'s stance per other for union). `actor` must be an index of `graph` (any kind).
/// Throws std::bad_alloc.
AlignmentRanking alignment_ranking(const KnowledgeGraph& graph, const TieTable& ties, Index actor,
                                   AlignmentMeasure measure, AlignOptions options = {},
                                   std::size_t min_shared = 3);

}  // namespace entente
