#pragma once
/// @file Pairwise alignment of many actors at once, as dense dot products.

#include <optional>
#include <vector>

#include "entente/query/ties.hpp"

namespace entente {

/// Scores of every pair of `actors` at once (entry [i][j], none on the diagonal): alignment, or
/// agreement when `agreement_only`. The same values as align() pair by pair, computed as dense
/// dot products over the actors' stances, on all cores: the fast path for large matrices.
std::vector<std::vector<std::optional<double>>> alignment_matrix(const TieTable& ties,
                                                                 const std::vector<Index>& actors,
                                                                 bool agreement_only = false);

}  // namespace entente
