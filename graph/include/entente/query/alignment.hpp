#pragma once
/// @file Alignment and divergence of two actors over their stance vectors.

#include <optional>
#include <vector>

#include "entente/query/ties.hpp"

namespace entente {

/// One object both actors have a non-zero tie to.
struct SharedObject {
    Index object = no_index;     ///< The object (an actor or a position).
    const Tie* tie_a = nullptr;  ///< The first actor's tie to it.
    const Tie* tie_b = nullptr;  ///< The second actor's tie to it.
};

/// How two actors align, with every component reported separately.
struct Alignment {
    Index a = no_index;               ///< First actor.
    Index b = no_index;               ///< Second actor.
    std::optional<double> agreement;  ///< Over shared objects, in [-1, 1]; none if none shared.
    std::size_t shared = 0;           ///< How many objects the agreement rests on.
    std::vector<SharedObject> shared_objects;  ///< Those objects, by object index.
    const Tie* direct = nullptr;               ///< The tie between a and b themselves, if any.
    std::optional<double> alignment;           ///< Mean of agreement and direct tie, where defined.
    std::optional<double> s_score;             ///< Signorino-Ritter S over the union of stances.
    std::optional<double> kappa;  ///< Cohen's kappa (Häge 2011) over the same vectors.
    std::size_t compared = 0;     ///< Objects in the union S and kappa compare.
};

/// Aligns two actors; the pointers in the result point into `ties`. Signorino-Ritter S and
/// Cohen's kappa are computed only when `similarity_measures` is set (they cost a sort).
Alignment align(const TieTable& ties, Index a, Index b, bool similarity_measures = true);

}  // namespace entente
