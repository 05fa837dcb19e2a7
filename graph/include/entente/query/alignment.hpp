#pragma once
/// @file How two actors align over their stances: entente's agreement and alignment, and the
/// field's measures (share of identical stances, Lijphart's agreement index, Signorino-Ritter S,
/// Cohen's kappa, Scott's pi), each with the number of objects it rests on and a 90% interval.

#include <array>
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

/// One object the field's measures compare: a stance of either actor (docs/queries.md, Stances).
struct ComparedObject {
    Index object = no_index;     ///< The object: Dataset::actors index.
    const Tie* tie_a = nullptr;  ///< The first actor's stance on it; nullptr when absent (union).
    const Tie* tie_b = nullptr;  ///< The second actor's stance on it; nullptr when absent (union).
};

/// The scores an alignment is ranked or tabulated by (`--measure`).
enum class AlignmentMeasure : std::uint8_t {
    alignment,        ///< entente's alignment: mean of agreement and direct tie.
    agreement,        ///< entente's agreement: over the objects both have a non-zero tie to.
    identical,        ///< Share of identical stances (same sign, abstentions included).
    agreement_index,  ///< Lijphart's (1963) index: same 1, one abstaining 1/2, opposite 0.
    s,                ///< Signorino and Ritter's (1999) S.
    kappa,            ///< Cohen's kappa with S's distance (Häge 2011).
    pi,               ///< Scott's pi with S's distance (Häge 2011).
};

/// Every measure, in declaration order.
inline constexpr AlignmentMeasure all_alignment_measures[] = {
    AlignmentMeasure::alignment, AlignmentMeasure::agreement,
    AlignmentMeasure::identical, AlignmentMeasure::agreement_index,
    AlignmentMeasure::s,         AlignmentMeasure::kappa,
    AlignmentMeasure::pi};

/// How many measures there are (the size of Alignment::scores).
inline constexpr std::size_t alignment_measure_count = std::size(all_alignment_measures);

/// The measure's name as the CLI and JSON spell it: "alignment", "agreement", "identical",
/// "agreement-index", "s", "kappa", "pi". Throws nothing.
std::string_view to_string(AlignmentMeasure measure);
/// Parses a measure's name exactly as to_string writes it (lowercase); nullopt when it names none.
/// Throws nothing.
std::optional<AlignmentMeasure> parse_alignment_measure(std::string_view text);

/// Which objects the field's measures (identical, agreement index, S, kappa, pi) run over.
enum class StanceSet : std::uint8_t {
    joint,   ///< The objects both actors hold a stance on (the field's convention; default).
    either,  ///< The objects either holds a stance on, an absent stance counting as 0 ("union").
};

/// "joint" or "union", as `--over` spells it. Throws nothing.
std::string_view to_string(StanceSet over);
/// Parses "joint" or "union"; nullopt for anything else. Throws nothing.
std::optional<StanceSet> parse_stance_set(std::string_view text);

/// One score with its evidence.
struct MeasureScore {
    /// The score (ranges in docs/queries.md: alignment, agreement, S in [-1, 1]; identical and
    /// agreement index in [0, 1]; kappa and pi at most 1); nullopt when undefined.
    std::optional<double> value;
    /// How many objects it rests on: the shared objects (agreement), the shared objects plus one
    /// for a direct tie (alignment), the compared objects (the field's measures).
    std::size_t objects = 0;
    /// The 90% percentile bootstrap interval (5th and 95th percentiles over
    /// `bootstrap_replicates` resamples of the objects, fixed seed); nullopt when the value is, or
    /// when intervals were not asked for. Contains the value's replicates, not always the value.
    std::optional<double> low;
    std::optional<double> high;  ///< Upper end of the interval; nullopt with `low`.
};

/// How align() computes.
struct AlignOptions {
    StanceSet over = StanceSet::joint;  ///< The objects the field's measures run over.
    bool intervals = true;              ///< Compute the bootstrap intervals (the costly part).
    /// With intervals: compute only this measure's interval (a ranking or a matrix shows one);
    /// nullopt: every measure's. The others are left nullopt.
    std::optional<AlignmentMeasure> intervals_for;
};

/// Resamples per bootstrap interval.
inline constexpr std::size_t bootstrap_replicates = 1000;

/// How two actors align, with every component reported separately. Definitions in
/// docs/queries.md (Stances; Agreement, direct tie, alignment; The field's measures).
struct Alignment {
    Index a = no_index;                 ///< First actor: Dataset::actors index.
    Index b = no_index;                 ///< Second actor: Dataset::actors index.
    StanceSet over = StanceSet::joint;  ///< What the field's measures ran over.
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
    /// The objects, other than a and b, the field's measures compare (both present for joint,
    /// either for union), by object index.
    std::vector<ComparedObject> compared_objects;
    /// Every measure's score, count and interval, indexed by AlignmentMeasure.
    std::array<MeasureScore, alignment_measure_count> scores{};

    /// The score of one measure. Throws nothing.
    const MeasureScore& score(AlignmentMeasure measure) const {
        return scores[static_cast<std::size_t>(measure)];
    }
};

/// Aligns actors `a` and `b` (indices of the tie table's graph; any kinds); the pointers in the
/// result point into `ties`. Every measure is computed with its count and, when
/// `options.intervals`, its 90% bootstrap interval (the same for the same pair and data whatever
/// else is computed: each pair's resampling starts from the same seed). Definitions and sources in
/// docs/queries.md: agreement and alignment are entente's own; the share of identical stances;
/// the agreement index after Lijphart (1963) and the US State Department's voting coincidence; S
/// after Signorino and Ritter (1999); kappa (Cohen 1960) and pi (Scott 1955) as Häge (2011)
/// applies them to foreign-policy similarity. O(s + R x n) for s ties of the two stances and n
/// compared objects, R = bootstrap_replicates (O(s) without intervals); throws std::bad_alloc.
Alignment align(const TieTable& ties, Index a, Index b, AlignOptions options = {});

/// The score of `alignment` by `measure`: alignment.score(measure).value. Throws nothing.
std::optional<double> alignment_score(const Alignment& alignment, AlignmentMeasure measure);

/// The actor whose stances are looked up densely: O(1) per object, for aligning one actor with
/// many (a ranking, a matrix row). Holds pointers into `ties`.
class DenseStance {
  public:
    /// Builds the lookup for `actor` over a graph of `actor_count` actors. O(actor_count) memory
    /// (reused by reset), O(stance size) time. Throws std::bad_alloc.
    DenseStance(const TieTable& ties, std::size_t actor_count, Index actor);
    /// Points the lookup at another actor, clearing the previous one's entries only: O(both
    /// stances). Throws nothing.
    void reset(Index actor);
    /// The actor's tie to `object`, or nullptr. Throws nothing.
    const Tie* find(Index object) const { return lookup_[object]; }
    /// The actor. Throws nothing.
    Index actor() const { return actor_; }

  private:
    const TieTable* ties_;
    Index actor_;
    std::vector<const Tie*> lookup_;
};

/// align(ties, stance.actor(), b, options), reading the first actor's stances from `stance`: the
/// merge becomes a lookup per tie of b (plus a pass over the first actor's stance for union and
/// the direct tie). Same result as align(). O(size of b's stance [+ a's for union] + R x n).
/// Throws std::bad_alloc.
Alignment align(const TieTable& ties, const DenseStance& stance, Index b,
                AlignOptions options = {});

}  // namespace entente
