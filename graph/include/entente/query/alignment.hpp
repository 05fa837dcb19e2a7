#pragma once
/// @file Alignment and divergence of two actors over their stance vectors.

#include <cstdint>
#include <optional>
#include <string_view>
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
/// Definitions in docs/queries.md: agreement and alignment are entente's own, S is Signorino
/// and Ritter (1999), kappa Cohen's as Häge (2011) applies it to foreign-policy similarity.
Alignment align(const TieTable& ties, Index a, Index b, bool similarity_measures = true);

/// The score an alignment is ranked or tabulated by (`--measure`).
enum class AlignmentMeasure : std::uint8_t {
    alignment,  ///< Alignment::alignment: mean of agreement and direct tie.
    agreement,  ///< Alignment::agreement: over the shared objects only.
    s,          ///< Alignment::s_score: Signorino-Ritter S.
    kappa,      ///< Alignment::kappa: Cohen's kappa (Häge 2011).
};

/// Every measure, in declaration order.
inline constexpr AlignmentMeasure all_alignment_measures[] = {
    AlignmentMeasure::alignment, AlignmentMeasure::agreement, AlignmentMeasure::s,
    AlignmentMeasure::kappa};

/// The measure's name as the CLI and JSON spell it: "alignment", "agreement", "s", "kappa".
std::string_view to_string(AlignmentMeasure measure);
/// Parses a measure's name (as to_string writes it); nullopt when it names none.
std::optional<AlignmentMeasure> parse_alignment_measure(std::string_view text);

/// The score of `alignment` by `measure`, in [-1, 1]; nullopt where that score is undefined
/// (no shared object and no direct tie, no stance at all, or kappa's expected distance 0), or
/// was not computed (S and kappa of an align() call without similarity measures). Throws nothing.
std::optional<double> alignment_score(const Alignment& alignment, AlignmentMeasure measure);

}  // namespace entente
