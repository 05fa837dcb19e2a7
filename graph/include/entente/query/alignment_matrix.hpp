#pragma once
/// @file Pairwise alignment of many actors at once, as dense dot products.

#include <optional>
#include <vector>

#include "entente/query/alignment.hpp"
#include "entente/query/ties.hpp"

namespace entente {

/// Scores of every pair of `actors` (n indices of the tie table's graph) at once: an n x n
/// matrix whose entry [i][j] is align(ties, actors[i], actors[j])'s alignment, or its agreement
/// when `agreement_only`, in [-1, 1]; nullopt on the diagonal and where undefined. [i][j] and
/// [j][i] differ only when one actor is a position (its direct tie goes one way). Computed as
/// dense dot products over the actors' stances (docs/queries.md): O(n^2 x m) time and
/// O(n x m) memory for m objects the actors tie to, on all cores from 64 actors up. Throws
/// std::bad_alloc, or std::system_error when a thread cannot be started.
std::vector<std::vector<std::optional<double>>> alignment_matrix(const TieTable& ties,
                                                                 const std::vector<Index>& actors,
                                                                 bool agreement_only = false);

/// The actors a matrix shows when none are named: every state of `graph` with at least one tie
/// of non-zero sign in `ties` (the others would fill their rows with undefined scores), as
/// indices ordered by id. `ties` must be built from `graph`. O(actors log actors + ties); throws
/// std::bad_alloc.
std::vector<Index> matrix_actors(const KnowledgeGraph& graph, const TieTable& ties);

/// A pairwise table of scores, each with its object count and interval, and the claims they rest
/// on.
struct ScoreMatrix {
    std::vector<Index> actors;  ///< Row i and column i are actors[i] (Dataset::actors indices).
    AlignmentMeasure measure = AlignmentMeasure::alignment;  ///< What the entries are.
    StanceSet over = StanceSet::joint;  ///< What the field's measures ran over.
    /// n x n entries: [i][j] is align(ties, actors[i], actors[j], options).score(measure) (value,
    /// object count, interval); the diagonal is an empty MeasureScore (no value, 0 objects).
    std::vector<std::vector<MeasureScore>> scores;
    /// Every claim (Dataset::claims index) some defined entry rests on, in dataset order, once
    /// each: the evidence of the ties entering the entry's formula (direct tie and shared objects
    /// for alignment, shared objects for agreement, both actors' stances on the compared objects
    /// for the field's measures).
    std::vector<Index> claims;
};

/// Scores every pair of `actors` (n of them, distinct indices of the tie table's graph) by
/// `measure`, with counts and (when `options.intervals`) 90% intervals: align() for each pair i <
/// j, row actor looked up densely (DenseStance), mirrored to [j][i] (computed again when a
/// direct tie differs by direction, as a position's does); rows split across the machine's cores
/// from 64 actors up. O(n^2 x (s + R x o)) for stances of s ties and o compared objects. Throws
/// Error ("an actor is listed twice in the matrix") when an actor is listed twice, std::bad_alloc,
/// or std::system_error when no thread can be started. Definitions and sources of the measures in
/// docs/queries.md.
ScoreMatrix score_matrix(const TieTable& ties, const std::vector<Index>& actors,
                         AlignmentMeasure measure, AlignOptions options = {});

}  // namespace entente
