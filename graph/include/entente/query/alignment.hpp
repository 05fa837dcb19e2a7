#pragma once
/// @file How two actors align over their stance vectors: agreement, direct tie, alignment, S and
/// kappa, and the measure a ranking or matrix uses.

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "entente/query/ties.hpp"

namespace entente {

/// One object both actors have a non-zero tie to.
struct SharedObject {
    Index object = no_index;     ///< The object (an actor or a position): Dataset::actors index.
    const Tie* tie_a = nullptr;  ///< The first actor's tie to it.
    const Tie* tie_b = nullptr;  ///< The second actor's tie to it.
};

/// How two actors align, with every component reported separately. Definitions in
/// docs/queries.md, Agreement, direct tie, alignment.
struct Alignment {
    Index a = no_index;  ///< First actor: Dataset::actors index.
    Index b = no_index;  ///< Second actor: Dataset::actors index.
    /// sum of tie(a,o) x tie(b,o) / sum of |tie(a,o) x tie(b,o)| over the shared objects, in
    /// [-1, 1]; nullopt when they share none.
    std::optional<double> agreement;
    std::size_t shared = 0;  ///< How many objects the agreement rests on: shared_objects.size().
    /// The objects, other than a and b, both have a non-zero tie to; by object index.
    std::vector<SharedObject> shared_objects;
    const Tie* direct = nullptr;  ///< The tie of a to b (TieTable::find(a, b)), or nullptr.
    /// (agreement + direct tie) / 2 when both are defined, else whichever is; in [-1, 1]; nullopt
    /// when neither is.
    std::optional<double> alignment;
    /// Signorino and Ritter's (1999) S = 1 - mean |x - y| over the `compared` objects, in
    /// [-1, 1]; nullopt when nothing is compared or it was not computed.
    std::optional<double> s_score;
    /// Cohen's (1960) kappa with the same distance, as Häge (2011) applies it: 1 - observed /
    /// expected mean distance, in [-1, 1]; nullopt when nothing is compared, the expected
    /// distance is 0, or it was not computed.
    std::optional<double> kappa;
    /// Objects S and kappa compare: the union of both stances, other than a and b, where at least
    /// one tie is non-zero (a missing tie counting as 0). Counted even when they are not computed.
    std::size_t compared = 0;
};

/// Aligns actors `a` and `b` (indices of the tie table's graph; any kinds); the pointers in the
/// result point into `ties`. Signorino-Ritter S and Cohen's kappa are computed only when
/// `similarity_measures` is set (they cost a sort). Definitions in docs/queries.md: agreement and
/// alignment are entente's own, S is Signorino and Ritter (1999), kappa Cohen's (1960) as Häge
/// (2011) applies it to foreign-policy similarity. O(s log s) for s ties of the two stances
/// together (O(s) without the similarity measures); throws std::bad_alloc.
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
/// Throws nothing.
std::string_view to_string(AlignmentMeasure measure);
/// Parses a measure's name exactly as to_string writes it (lowercase); nullopt when it names none.
/// Throws nothing.
std::optional<AlignmentMeasure> parse_alignment_measure(std::string_view text);

/// The score of `alignment` by `measure`, in [-1, 1]; nullopt where that score is undefined
/// (alignment: no shared object and no direct tie; agreement: no shared object; S and kappa:
/// nothing compared; kappa also: expected distance 0), or was not computed (S and kappa of an
/// align() call without similarity measures). Throws nothing.
std::optional<double> alignment_score(const Alignment& alignment, AlignmentMeasure measure);

}  // namespace entente
