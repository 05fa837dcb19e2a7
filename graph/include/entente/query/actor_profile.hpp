#pragma once
/// @file One actor's profile: its claims grouped by relation, the positions it holds, its sources.

#include <vector>

#include "entente/model/knowledge_graph.hpp"

namespace entente {

/// The claims of one relation in a profile.
struct RelationGroup {
    Index relation = no_index;  ///< The relation: a Dataset::relations index.
    /// Its claims touching the actor (Dataset::claims indices), in dataset order; never empty.
    std::vector<Index> claims;
};

/// Everything the data says about one actor. Indices point into the graph's Dataset tables.
struct ActorProfile {
    Index actor = no_index;             ///< The actor (Dataset::actors).
    std::vector<Index> positions_held;  ///< Positions whose holder it is, in dataset order.
    /// Its claims by relation, in vocabulary order; only relations with a claim.
    std::vector<RelationGroup> groups;
    std::vector<Index> claims;   ///< Every claim touching it, in dataset order (Dataset::claims).
    std::vector<Index> sources;  ///< The sources those claims cite, once each, in dataset order.
};

/// The profile of `actor` (an index of `graph`): the claims that touch it as subject or object,
/// grouped by relation in vocabulary order (built-in relations first, then the data's own), the
/// positions it holds and the sources cited. O(c log c + actors) for c claims of the actor;
/// throws std::bad_alloc.
ActorProfile actor_profile(const KnowledgeGraph& graph, Index actor);

}  // namespace entente
