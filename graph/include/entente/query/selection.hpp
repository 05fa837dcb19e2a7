#pragma once
/// @file A part of the graph, chosen by focus, kind and relation: what exports and drawings show.

#include <cstddef>
#include <optional>
#include <vector>

#include "entente/model/knowledge_graph.hpp"

namespace entente {

/// Which part of the graph to export or draw; every filter given must hold.
struct SelectOptions {
    /// Only the ego network of this actor (a Dataset::actors index; ego_network()), ...
    std::optional<Index> focus;
    std::size_t depth = 1;          ///< ... up to this many hops (0: the actor alone).
    std::optional<ActorKind> kind;  ///< Only actors of this kind, the focus included.
    /// Only claims of these relations (Dataset::relations indices); empty: every relation. The
    /// ego network itself is walked over every claim.
    std::vector<Index> relations;
};

/// A part of the graph: actors, and the claims among them.
struct Selection {
    std::vector<Index> actors;  ///< Dataset::actors indices, in dataset order.
    /// Dataset::claims indices, in dataset order; both ends of each are in `actors`.
    std::vector<Index> claims;
    /// True when no filter was given (every actor and claim is in); exports then keep every
    /// source and relation too.
    bool whole = false;
};

/// The actors passing the filters and the claims of the chosen relations between them.
/// O(actors + claims x relations listed), plus the ego network's cost with a focus; throws
/// std::bad_alloc.
Selection select(const KnowledgeGraph& kg, const SelectOptions& options);

}  // namespace entente
