#pragma once
/// @file What changed between two datasets: their claims, and how the main answers move
/// (alignment, roadblocks, camps) — what a reviewer reads before merging a curation change.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "entente/model/knowledge_graph.hpp"

namespace entente {

/// A claim in both datasets whose content differs, or whose id changed.
struct ClaimChange {
    Index before = no_index;  ///< Dataset::claims index in the old dataset.
    Index after = no_index;   ///< Dataset::claims index in the new dataset.
    /// The fields that differ, by their names in data files, in the format's order ("id" first,
    /// then subject, relation, object, source, quote, asserted_by, confidence, weight, from, until,
    /// note); references compared by id.
    std::vector<std::string> fields;
};

/// A pair of actors whose alignment moved.
struct AlignmentMove {
    std::string a;                  ///< Actor id, the first by id.
    std::string b;                  ///< Actor id.
    std::optional<double> before;   ///< Alignment in the old dataset (align(), nullopt: none).
    std::optional<double> after;    ///< Alignment in the new dataset.
    std::size_t shared_before = 0;  ///< Shared objects in the old dataset.
    std::size_t shared_after = 0;   ///< Shared objects in the new dataset.
};

/// A pair of actors whose roadblocks changed.
struct RoadblockMove {
    std::string a;                    ///< Actor id, the first by id.
    std::string b;                    ///< Actor id.
    std::vector<std::string> before;  ///< Roadblocks (diverge()) in the old dataset, by id.
    std::vector<std::string> after;   ///< Roadblocks in the new dataset, by id.
};

/// An actor whose camp-mates changed.
struct CampMove {
    std::string actor;                ///< Actor id.
    std::vector<std::string> before;  ///< Its camp-mates in the old dataset, by id.
    std::vector<std::string> after;   ///< Its camp-mates in the new dataset, by id.
};

/// The difference between two datasets.
struct DatasetDiff {
    std::vector<Index> added;          ///< New dataset's claims not in the old, in its order.
    std::vector<Index> removed;        ///< Old dataset's claims not in the new, in its order.
    std::vector<ClaimChange> changed;  ///< By the new dataset's order.
    std::size_t unchanged = 0;         ///< Claims the same in both, id included.
    /// Pairs of compared actors whose alignment or shared-object count moved, largest move
    /// (|after - before|, an undefined score counted as 0) first, then by ids.
    std::vector<AlignmentMove> alignment;
    std::vector<RoadblockMove> roadblocks;  ///< Pairs whose roadblocks changed, by ids.
    std::size_t frustration_before = 0;     ///< Frustration index of balance() in the old dataset.
    std::size_t frustration_after = 0;      ///< Frustration index of balance() in the new dataset.
    std::vector<CampMove> camps;            ///< Compared actors whose camp-mates changed, by id.
    std::size_t compared_actors = 0;        ///< Actors compared: in both, taking sides in both.
};

/// Compares two datasets. Claims are matched by id; those left over by content (the same
/// subject, relation, object and source ids, in file order), which reports an id that changed;
/// the rest are added or removed. The answers are compared over the actors that take sides in
/// both datasets (matched by id): the alignment (align(), no intervals) of every pair of them,
/// the roadblocks of every pair (diverge()), and each one's camp-mates under balance() (the
/// best split found; where several splits are equally good a move may reflect the choice), each
/// over the claims the queries count by default (stated, not negated). Ties are computed with
/// derived ties, as the commands do. O(claims log claims + P x (stances)) for P
/// pairs, plus two balance() runs; throws std::bad_alloc.
DatasetDiff diff_datasets(const KnowledgeGraph& before, const KnowledgeGraph& after);

}  // namespace entente
