#pragma once
/// @file Pairwise alignment of many actors at once, as dense dot products.

#include <optional>
#include <vector>

#include "entente/query/alignment.hpp"
#include "entente/query/ties.hpp"

namespace entente {

/// Scores of every pair of `actors` at once (entry [i][j], none on the diagonal): alignment, or
/// agreement when `agreement_only`. The same values as align() pair by pair, computed as dense
/// dot products over the actors' stances, on all cores: the fast path for large matrices.
std::vector<std::vector<std::optional<double>>> alignment_matrix(const TieTable& ties,
                                                                 const std::vector<Index>& actors,
                                                                 bool agreement_only = false);

/// The actors a matrix shows when none are named: every state of `graph` with at least one tie
/// of non-zero sign in `ties` (the others would fill their rows with undefined scores), ordered
/// by id. O(actors + ties); throws nothing.
std::vector<Index> matrix_actors(const KnowledgeGraph& graph, const TieTable& ties);

/// A pairwise table of scores and the claims its scores rest on.
struct ScoreMatrix {
    std::vector<Index> actors;                               ///< Row i and column i are actors[i].
    AlignmentMeasure measure = AlignmentMeasure::alignment;  ///< What the entries are.
    /// n x n entries in [-1, 1]: [i][j] is the score of actors[i] with actors[j] (as
    /// align(ties, actors[i], actors[j]) gives it); nullopt on the diagonal and where undefined.
    std::vector<std::vector<std::optional<double>>> scores;
    /// Every claim some defined entry rests on, in dataset order, once each: the evidence of the
    /// ties entering the entry's formula (direct tie and shared objects for alignment, shared
    /// objects for agreement, every non-zero tie of either actor to a third object for S and
    /// kappa).
    std::vector<Index> claims;
};

/// Scores every pair of `actors` (n of them, distinct indices of the tie table's graph) by
/// `measure`: alignment and agreement through alignment_matrix() (dense, on all cores), S and
/// kappa pair by pair through align(), O(n^2 x stance size). Throws Error when an actor is
/// listed twice. Definitions and sources of the measures in docs/queries.md.
ScoreMatrix score_matrix(const TieTable& ties, const std::vector<Index>& actors,
                         AlignmentMeasure measure);

}  // namespace entente
