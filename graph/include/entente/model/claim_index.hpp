#pragma once
/// @file Claims indexed by their ends in compressed-row arrays (CSR): for each actor, the claims
/// it is the subject of and those it is the object of, each list sorted by the actor at the other
/// end. The arrays are plain data, so a compiled dataset holds them as they are and a query reads
/// them from the file's mapping without building anything (docs/data-format.md, The compiled
/// form).

#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include "entente/model/model.hpp"

namespace entente {

/// One claim seen from one of its ends: 16 bytes, little-endian in a compiled file.
struct ClaimEnd {
    Index other = no_index;     ///< The actor at the other end (Dataset::actors index).
    Index claim = no_index;     ///< The claim (Dataset::claims index).
    Index relation = no_index;  ///< The claim's relation (Dataset::relations index).
    /// The claim's modality (Modality's value, 0 to 4) in bits 0-2, bit 3 set when it is
    /// negated; the other bits 0. What a scenario's modalities filter on (Scenario::in_scope),
    /// so a walk need not read the claim itself.
    std::uint32_t flags = 0;
};
static_assert(sizeof(ClaimEnd) == 16, "a compiled file holds ClaimEnd records as they are");

/// The flags of a ClaimEnd for a claim: its modality, and bit 3 when it is negated. Throws
/// nothing.
std::uint32_t claim_end_flags(const Claim& claim);

/// A view of the two compressed-row arrays. For actor a, subject_of(a) is
/// as_subject[as_subject_start[a] .. as_subject_start[a + 1]): the claims with subject a, `other`
/// their object, sorted by (other, claim); object_of(a) likewise for the claims with object a,
/// `other` their subject. The arrays belong to a ClaimIndex or to a mapped compiled file.
struct ClaimIndexView {
    std::span<const std::uint64_t> as_subject_start;  ///< actors + 1 offsets, from 0 to claims.
    std::span<const ClaimEnd> as_subject;             ///< One per claim.
    std::span<const std::uint64_t> as_object_start;   ///< actors + 1 offsets, from 0 to claims.
    std::span<const ClaimEnd> as_object;              ///< One per claim.

    /// Number of actors (0 for an empty view). Throws nothing.
    std::size_t actors() const {
        return as_subject_start.empty() ? 0 : as_subject_start.size() - 1;
    }
    /// The claims whose subject is `actor` (< actors()). Throws nothing.
    std::span<const ClaimEnd> subject_of(Index actor) const {
        return as_subject.subspan(as_subject_start[actor],
                                  as_subject_start[actor + 1] - as_subject_start[actor]);
    }
    /// The claims whose object is `actor` (< actors()). Throws nothing.
    std::span<const ClaimEnd> object_of(Index actor) const {
        return as_object.subspan(as_object_start[actor],
                                 as_object_start[actor + 1] - as_object_start[actor]);
    }
};

/// What a walk over claims reads, wherever the claims live (PathFinder, query/paths.hpp): the
/// actor and relation tables, the claims indexed by their ends, which of them are in scope, and
/// each claim's signed weight. A KnowledgeGraph gives it (PathFinder's first constructor); so does
/// a compiled dataset read in place, without loading its claims (CompiledView::path_data).
struct PathData {
    std::span<const Actor> actors;        ///< Dataset::actors; their ids order Yen's candidates.
    std::span<const Relation> relations;  ///< Dataset::relations: polarity and symmetry.
    ClaimIndexView claims;                ///< Claims by subject and by object, over `actors`.
    /// The claims that may be followed at all, by ClaimEnd::flags: bit f set for flags f (a
    /// scenario's modalities, Scenario::in_scope); all by default.
    std::uint32_t scope = 0xffff;
    /// Sign of a claim's contribution: polarity x confidence x weight of claim c. Called only for
    /// the claims of the hops found. May throw DataError (a mapped file's damage).
    std::function<double(Index)> signed_weight;
    /// Called on every range of `claims` a search is about to read, before reading it; may throw
    /// DataError. Empty: the arrays are trusted (built in memory).
    std::function<void(std::span<const ClaimEnd>)> check_entries;
};

/// The compressed-row arrays of a dataset, owned.
class ClaimIndex {
  public:
    /// Indexes every claim of `data` by subject and by object (a claim with an end past the
    /// actors is left out; its relation must be in range):
    /// two stable counting sorts, O(claims + actors) time, 2 x (16 x claims + 8 x actors) bytes.
    /// Throws std::bad_alloc.
    explicit ClaimIndex(const Dataset& data);
    /// The arrays; valid while this index lives and is not moved from. Throws nothing.
    ClaimIndexView view() const { return {subject_start_, subject_, object_start_, object_}; }

  private:
    std::vector<std::uint64_t> subject_start_;
    std::vector<ClaimEnd> subject_;
    std::vector<std::uint64_t> object_start_;
    std::vector<ClaimEnd> object_;
};

}  // namespace entente
